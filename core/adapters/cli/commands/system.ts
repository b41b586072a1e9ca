import type { Command } from 'commander';
import { EXIT_FAILED, printJson, withCore } from '../runtime';
import { printAuditReport } from './audit-report';

export function registerSystemCommands(program: Command, run: (fn: () => Promise<number | void>) => Promise<void>): void {
  program
    .command('backup')
    .description('Sao lưu cơ sở dữ liệu khi đang chạy / online backup of the database')
    .requiredOption('--out <file>', 'tệp đích / target file')
    .option('--json', 'in kết quả JSON / print JSON')
    .action((opts: { out: string; json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const r = await s.call('system.backup', { out: opts.out });
          if (opts.json) printJson(r);
          else process.stdout.write(`${r.path} (${r.bytes} bytes)\n`);
        }),
      ),
    );

  const audit = program.command('audit').description('Nhật ký kiểm tra / audit log');
  audit
    .command('verify')
    .description('Kiểm tra chuỗi băm của nhật ký / verify the audit hash chain')
    .option('--central', 'đối chiếu với mốc nhật ký hệ thống trung tâm giữ / check against the head the central system keeps')
    .option('--json', 'in kết quả JSON / print JSON')
    .action((opts: { json?: boolean; central?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const r = await s.call('audit.verify', opts.central ? { central: true } : {});
          if (opts.json) printJson(r);
          else printAuditReport(r);
          return r.ok ? 0 : EXIT_FAILED;
        }),
      ),
    );
}

