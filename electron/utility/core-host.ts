/**
 * Entry of the utility process that hosts the core (database, devices, sync): started by the main process with
 * utilityProcess.fork, talks to it over process.parentPort. Plain Node: no electron import.
 */
import { createCore } from '../../core/app';
import { errorMessage } from '../../core/i18n/translate';
import type { HostMessage } from '../../core/rpc/host-protocol';
import { parseHostArgv } from '../shared/host-control';
import { receiveAuditSecret } from './audit-secret';
import { createHostHandler } from './host';

async function main(): Promise<void> {
  const port = process.parentPort;
  const args = parseHostArgv(process.argv);
  if (!port || args === null) {
    process.stderr.write('core-host: must be started by the MotCua Desk main process with --data-dir\n');
    process.exit(2);
  }
  // Main's first message: the audit master secret (kept with safeStorage), before the database is opened.
  const masterSecret = await receiveAuditSecret(port);

  const core = await createCore({
    dataDir: args.dataDir,
    auditKey: masterSecret ? { masterSecret } : {},
    // The app's core: it reads scanned pages in the background (OCR queue).
    ocr: { run: true },
    printing: { run: true },
    sync: { run: true },
    ...(args.resourcesDir !== undefined ? { resourcesDir: args.resourcesDir } : {}),
    ...(args.logLevel !== undefined ? { logLevel: args.logLevel } : {}),
  });

  const post = (message: HostMessage): void => port.postMessage(message);
  const handler = createHostHandler(core, post, {
    onWarn: (msg, fields) => process.stderr.write(`${msg} ${fields ? JSON.stringify(fields, errorReplacer) : ''}\n`),
    internal: () => ({ ok: false, error: { code: 'INTERNAL', message: errorMessage('INTERNAL'), params: {} } }),
  });

  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    try {
      handler.closeAll();
      await core.close();
    } finally {
      process.exit(0);
    }
  };

  port.on('message', (event) => {
    const data: unknown = event.data;
    if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'shutdown') {
      void shutdown();
      return;
    }
    if (!closing) handler.handle(data);
  });
  process.on('SIGTERM', () => void shutdown());
  post({ type: 'ready' });
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

main().catch((err: unknown) => {
  // Main logs the exit and restarts us with a back-off; the reason goes to stderr (inherited by main).
  process.stderr.write(`core-host: start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
