/**
 * `motcua queue status --json`, `motcua queue ticket --service CODE [--priority REASON] [--no-print] [--json]`,
 * `motcua queue call --counter N [--json]` (issue #18), and the small set-up: `motcua queue groups|counters [--json]`,
 * `motcua queue group set CODE --name … --prefix … --hours always|calendar --cap N|none`, `motcua queue counter set N --groups A,B`.
 * Through the core's queue methods (runtime.withCore), so the CLI numbers and calls exactly as the counters do, on the
 * same store (this host's SQLite or the centre's PostgreSQL); boards see its calls (the app polls the store).
 * Arguments are checked before the core opens: bad input exits 2 with the Vietnamese message.
 */
import type { Command } from 'commander';
import { priorityReasonSchema, serviceCodeSchema, type PriorityReason, type ServiceGroup } from '../../../contract/queue';
import { t } from '../../../i18n/translate';
import { cliFailure, integerOption, printJson, withCore } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

const bad = (key: string, params: Record<string, unknown>) => cliFailure('CLI_BAD_ARGUMENT', t(`queueService.cli.${key}`, params));
const line = (text: string) => process.stdout.write(`${text}\n`);

/** Codes are upper case; a code typed in lower case means the same service. */
function serviceCode(value: string): string {
  const r = serviceCodeSchema.safeParse(value.toUpperCase());
  if (!r.success) throw bad('badCode', { value: value.slice(0, 40) });
  return r.data;
}

export function registerQueueCommands(program: Command, run: Run): void {
  const queue = program.command('queue').description('Hàng đợi: cấp số, gọi số, trạng thái / the queue: tickets, calls, status');

  queue
    .command('status')
    .description('Số người chờ theo dịch vụ, quầy đang gọi số nào / waiting per service, what each counter serves')
    .option('--json', 'in JSON: {"services":[{"code","name","waiting",…}],"counters":[…]} / print JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const status = await s.call('queue.status', {});
          if (opts.json) return printJson(status);
          for (const v of status.services) line(t('queueService.cli.statusService', { ...v, closed: v.open ? '' : t('queueService.cli.statusClosed') }));
          for (const c of status.counters) line(t('queueService.cli.statusCounter', { number: c.number, name: c.name ? ` (${c.name})` : '', current: c.current ? `${c.current.number} (${c.current.service})` : t('queueService.cli.idle') }));
        }),
      ),
    );

  queue
    .command('ticket')
    .description('Cấp một số thứ tự và in phiếu / issue a ticket and print it')
    .requiredOption('--service <code>', 'mã dịch vụ / service code')
    .option('--priority <reason>', `ưu tiên / priority: ${priorityReasonSchema.options.join(' | ')}`)
    .option('--no-print', 'không in phiếu / do not print')
    .option('--json', 'in JSON: {"number","service","ahead",…} / print JSON')
    .action((opts: { service: string; priority?: string; print: boolean; json?: boolean }) =>
      run(() => {
        const service = serviceCode(opts.service);
        let priority: PriorityReason | undefined;
        if (opts.priority !== undefined) {
          const p = priorityReasonSchema.safeParse(opts.priority);
          if (!p.success) throw bad('badPriority', { value: opts.priority.slice(0, 40), allowed: priorityReasonSchema.options.join(', ') });
          priority = p.data;
        }
        return withCore(async (s) => {
          const ticket = await s.call('queue.issue', { service, print: opts.print, ...(priority ? { priority } : {}) });
          if (opts.json) return printJson(ticket);
          const wait = ticket.ahead > 0 && ticket.estimatedWaitMinutes !== null ? t('queueService.cli.ticketWait', { minutes: ticket.estimatedWaitMinutes }) : '';
          line(t('queueService.cli.ticket', { number: ticket.number, service: ticket.serviceName, ahead: ticket.ahead }) + wait);
          // The ticket stands either way; the reason it was not printed goes to stderr.
          if (ticket.printError) process.stderr.write(`${t('queueService.cli.printError', ticket.printError)}\n`);
          else if (ticket.printJobId) line(t('queueService.cli.printed'));
        });
      }),
    );

  queue
    .command('call')
    .description('Gọi số tiếp theo cho một quầy / call the next ticket for a counter')
    .requiredOption('--counter <n>', 'số quầy / counter number')
    .option('--json', 'in JSON: phiếu được gọi, hoặc {"number":null} khi không còn ai chờ / the ticket called, or {"number":null}')
    .action((opts: { counter: string; json?: boolean }) =>
      run(() => {
        const counter = integerOption('--counter', opts.counter, 1, 999);
        return withCore(async (s) => {
          const r = await s.call('queue.callNext', { counter });
          if (opts.json) return printJson(r);
          line(r.number === null ? t('queueService.cli.nobody', { counter }) : t('queueService.cli.called', { counter, number: r.number, service: 'serviceName' in r ? r.serviceName : '' }));
        });
      }),
    );

  queue
    .command('groups')
    .description('Các dịch vụ (nhóm) của hàng đợi / the service groups')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const cfg = await s.call('queue.config', {});
          if (opts.json) return printJson(cfg.groups);
          for (const g of cfg.groups) line(`${g.code}\t${g.prefix || '-'}\t${g.hours.mode}\t${g.active ? '' : '(x) '}${g.name}`);
        }),
      ),
    );

  queue
    .command('counters')
    .description('Các quầy và dịch vụ mỗi quầy gọi / the counters and their services')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const cfg = await s.call('queue.config', {});
          if (opts.json) return printJson({ countersConfigured: cfg.countersConfigured, counters: cfg.counters });
          for (const c of cfg.counters) line(`${c.number}\t${c.groups.join(',') || '-'}\t${c.active ? '' : '(x) '}${c.name ?? ''}`);
        }),
      ),
    );

  queue
    .command('group')
    .description('Khai báo dịch vụ / set up a service group')
    .command('set <code>')
    .description('Thêm hoặc sửa một dịch vụ (các trường không nêu giữ nguyên) / add or change a group')
    .option('--name <name>', 'tên hiển thị / name')
    .option('--prefix <letters>', 'tiền tố số (0–2 chữ in hoa) / number prefix')
    .option('--start <n>', 'số bắt đầu / start number')
    .option('--hours <mode>', 'always | calendar')
    .option('--agency <code>', 'mã cơ quan trong danh mục / agency code')
    .option('--purpose <purpose>', 'submit | collect')
    .option('--active <yes|no>', 'đang cấp số / issuing')
    .option('--cap <n|none>', 'số phiếu tối đa mỗi ngày, none: không giới hạn / daily cap, none: no cap')
    .option('--json', 'in JSON / print JSON')
    .action((code: string, opts: { name?: string; prefix?: string; start?: string; hours?: string; agency?: string; purpose?: string; active?: string; cap?: string; json?: boolean }) =>
      run(() => {
        const groupCode = serviceCode(code);
        if (opts.hours !== undefined && opts.hours !== 'always' && opts.hours !== 'calendar') throw bad('badHours', { value: opts.hours.slice(0, 40) });
        if (opts.prefix !== undefined && !/^[A-Z]{0,2}$/.test(opts.prefix)) throw bad('badPrefix', { value: opts.prefix.slice(0, 40) });
        if (opts.purpose !== undefined && opts.purpose !== 'submit' && opts.purpose !== 'collect') throw cliFailure('CLI_BAD_ARGUMENT', `--purpose "${opts.purpose.slice(0, 40)}": submit | collect`);
        if (opts.active !== undefined && opts.active !== 'yes' && opts.active !== 'no') throw cliFailure('CLI_BAD_ARGUMENT', `--active "${opts.active.slice(0, 40)}": yes | no`);
        const start = opts.start !== undefined ? integerOption('--start', opts.start, 1, 9000) : undefined;
        const cap = opts.cap === undefined ? undefined : opts.cap === 'none' ? null : integerOption('--cap', opts.cap, 1, 9999);
        return withCore(async (s) => {
          const existing = (await s.call('queue.config', {})).groups.find((g) => g.code === groupCode);
          const group: Partial<ServiceGroup> & { code: string } = {
            ...(existing ?? {}),
            code: groupCode,
            ...(opts.name !== undefined ? { name: opts.name } : existing ? {} : { name: groupCode }),
            ...(opts.prefix !== undefined ? { prefix: opts.prefix } : {}),
            ...(start !== undefined ? { startNumber: start } : {}),
            ...(opts.hours !== undefined ? { hours: { mode: opts.hours as 'always' | 'calendar' } } : {}),
            ...(opts.agency !== undefined ? { agencyCode: opts.agency } : {}),
            ...(opts.purpose !== undefined ? { purpose: opts.purpose as 'submit' | 'collect' } : {}),
            ...(opts.active !== undefined ? { active: opts.active === 'yes' } : {}),
            ...(cap !== undefined ? { dailyCap: cap } : {}),
          };
          const cfg = await s.call('queue.saveGroup', group as ServiceGroup);
          const saved = cfg.groups.find((g) => g.code === groupCode)!;
          if (opts.json) return printJson(saved);
          line(t('queueService.cli.groupSaved', saved));
        });
      }),
    );

  queue
    .command('counter')
    .description('Khai báo quầy / set up a counter')
    .command('set <number>')
    .description('Thêm hoặc sửa một quầy và các dịch vụ quầy gọi / add or change a counter')
    .requiredOption('--groups <codes>', 'mã dịch vụ, cách nhau bởi dấu phẩy (vd. A,B) / service codes, comma-separated')
    .option('--name <name>', 'tên quầy trên bảng / name on the board')
    .option('--active <yes|no>', 'đang gọi số / calling')
    .option('--json', 'in JSON / print JSON')
    .action((numberText: string, opts: { groups: string; name?: string; active?: string; json?: boolean }) =>
      run(() => {
        const number = integerOption('counter', numberText, 1, 999);
        const groups = opts.groups.trim() === '' ? [] : opts.groups.split(',').map((g) => g.trim());
        if (groups.some((g) => !serviceCodeSchema.safeParse(g).success)) throw bad('badGroups', { value: opts.groups.slice(0, 60) });
        if (opts.active !== undefined && opts.active !== 'yes' && opts.active !== 'no') throw cliFailure('CLI_BAD_ARGUMENT', `--active "${opts.active.slice(0, 40)}": yes | no`);
        return withCore(async (s) => {
          const existing = (await s.call('queue.config', {})).counters.find((c) => c.number === number);
          const cfg = await s.call('queue.saveCounter', {
            number,
            groups,
            name: opts.name !== undefined ? opts.name : (existing?.name ?? null),
            active: opts.active !== undefined ? opts.active === 'yes' : (existing?.active ?? true),
          });
          const saved = cfg.counters.find((c) => c.number === number)!;
          if (opts.json) return printJson(saved);
          line(t('queueService.cli.counterSaved', { number, groups: saved.groups.join(', ') || '-' }));
        });
      }),
    );
}
