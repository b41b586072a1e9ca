/**
 * A ticket on paper (issue #18), through the print queue: on the kiosk's own printer when a kiosk issues it, else on
 * the counter's ticket printer. The QR takes a phone to the ticket's tracking page when the host's address is known
 * (the 'queue.publicOrigin' setting, else MOTCUA_WEB_HOST/PORT), else it holds the tracking id. A print that cannot be
 * queued never undoes the ticket: the caller gets the ticket with the reason.
 */
import { isAppError } from '../../contract/errors';
import type { CallContext } from '../../rpc/context';
import { errorMessage } from '../../i18n/translate';
import type { Printing } from '../printing/printing-setup';
import type { SettingsService } from '../settings/settings-service';

export const PUBLIC_ORIGIN_SETTING = 'queue.publicOrigin';
const MAX_QR = 300;
const DEFAULT_WEB_PORT = 5178;

/** Where phones reach this host, or null: a wildcard listen address names no host a phone can use. */
export function publicOrigin(settings: SettingsService, env: NodeJS.ProcessEnv = process.env): string | null {
  const set = settings.get<string>(PUBLIC_ORIGIN_SETTING);
  if (typeof set === 'string' && /^https?:\/\/\S+$/i.test(set)) return set.replace(/\/+$/, '');
  const host = env.MOTCUA_WEB_HOST?.trim();
  if (!host || host === '0.0.0.0' || host === '::' || host === '[::]') return null;
  const port = Number(env.MOTCUA_WEB_PORT) || DEFAULT_WEB_PORT;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

export function trackingQr(origin: string | null, trackingId: string): string {
  const url = origin ? `${origin}/#/track/${trackingId}` : trackingId;
  // The printed QR is ASCII, at most 300 characters: an address that does not fit leaves the id alone.
  return url.length <= MAX_QR && /^[\x20-\x7e]+$/.test(url) ? url : trackingId;
}

export interface TicketPrintResult {
  printJobId: string | null;
  printError: { code: string; message: string } | null;
}

export async function printTicket(
  printing: Printing,
  ctx: CallContext,
  t: { number: string; serviceName: string; ahead: number; waitMinutes: number | null; qr: string },
): Promise<TicketPrintResult> {
  const printer = ctx.device?.kind === 'kiosk' && ctx.device.printerUri ? ctx.device.printerUri : undefined;
  try {
    const job = await printing.handlers.print(
      {
        what: {
          kind: 'ticket',
          ticket: {
            number: t.number,
            service: t.serviceName.slice(0, 200),
            ahead: Math.min(t.ahead, 100_000),
            ...(t.waitMinutes !== null ? { waitMinutes: Math.min(t.waitMinutes, 10_000) } : {}),
            qr: t.qr,
          },
        },
        ...(printer ? { printer } : {}),
        wait: false,
      },
      ctx,
    );
    const failed = job.state === 'failed' || job.state === 'cancelled';
    return { printJobId: job.id, printError: failed && job.error ? { code: job.error.code, message: job.error.message } : null };
  } catch (e) {
    const code = isAppError(e) ? e.code : 'INTERNAL';
    return { printJobId: null, printError: { code, message: errorMessage(code, isAppError(e) ? e.params : {}) } };
  }
}
