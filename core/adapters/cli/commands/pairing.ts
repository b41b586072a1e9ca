/**
 * `motcua pairing approve --code CODE --name NAME [--printer URI] [--json]`, `motcua pairing list [--json]`,
 * `motcua pairing revoke ID [--json]` (issue #18): the machine's operator pairs, lists and revokes kiosks and display
 * boards, through the same contract methods as the admin screen (pairing.approve / list / revoke).
 * Not `motcua devices …`: that command already lists the scanners (commands/scan.ts).
 */
import type { Command } from 'commander';
import type { DeviceRecord } from '../../../contract/pairing';
import { t } from '../../../i18n/translate';
import { printJson, withCore } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

const kindText = (d: DeviceRecord) => t(`devicesCli.kinds.${d.kind}`);

function line(d: DeviceRecord): string {
  const state = t(`devicesCli.states.${d.revokedAt === null ? 'active' : 'revoked'}`);
  return [d.id, d.kind, d.name, state, d.printerUri ?? '-', d.lastSeenAt ?? '-', d.lastPeer ?? '-'].join('\t') + '\n';
}

export function registerPairingCommands(program: Command, run: Run): void {
  const devices = program.command('pairing').description('Ghép nối ki-ốt và bảng hiển thị / pair kiosks and display boards');
  devices
    .command('approve')
    .description('Ghép nối thiết bị đang hiện mã này / pair the device showing this code')
    .requiredOption('--code <code>', 'mã 6 chữ số trên màn hình thiết bị / the 6-digit code on its screen')
    .requiredOption('--name <name>', 'tên thiết bị, ví dụ "Ki-ốt sảnh" / a name for it')
    .option('--printer <uri>', 'máy in phiếu của ki-ốt / the kiosk\'s ticket printer (escpos+tcp://…)')
    .option('--json', 'in kết quả JSON / print JSON')
    .action((opts: { code: string; name: string; printer?: string; json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const d = await s.call('pairing.approve', { code: opts.code, name: opts.name, ...(opts.printer !== undefined ? { printerUri: opts.printer } : {}) });
          if (opts.json) printJson(d);
          else process.stdout.write(t('devicesCli.paired', { kind: kindText(d), name: d.name, id: d.id }) + '\n');
        }),
      ),
    );

  devices
    .command('list')
    .description('Danh sách thiết bị, kể cả thiết bị đã thu hồi / list devices, revoked ones included')
    .option('--json', 'in kết quả JSON / print JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const list = await s.call('pairing.list', {});
          if (opts.json) printJson(list);
          else if (list.length === 0) process.stdout.write(t('devicesCli.none') + '\n');
          else for (const d of list) process.stdout.write(line(d));
        }),
      ),
    );

  devices
    .command('revoke <id>')
    .description('Thu hồi quyền của thiết bị (ngắt ngay) / revoke a device (cut off at once)')
    .option('--json', 'in kết quả JSON / print JSON')
    .action((id: string, opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const d = await s.call('pairing.revoke', { id });
          if (opts.json) printJson(d);
          else process.stdout.write(t('devicesCli.revoked', { kind: kindText(d), name: d.name, id: d.id }) + '\n');
        }),
      ),
    );
}
