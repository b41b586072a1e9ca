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
    .option('--json', 'in kết quả JSON / print JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const r = await s.call('audit.verify', {});
          if (opts.json) printJson(r);
          else printAuditReport(r);
          return r.ok ? 0 : EXIT_FAILED;
        }),
      ),
    );

  const user = program.command('user').description('Tài khoản người dùng / user accounts');
  user
    .command('add')
    .description('Tạo tài khoản / create an account')
    .requiredOption('--username <name>')
    .requiredOption('--name <display name>')
    .requiredOption('--role <role>', 'clerk | postal_clerk | supervisor | admin')
    .option('--password-stdin', 'đọc mật khẩu từ stdin / read the password from standard input')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { username: string; name: string; role: string; passwordStdin?: boolean; json?: boolean }) =>
      run(async () => {
        const password = opts.passwordStdin ? await readStdin() : process.env.MOTCUA_PASSWORD ?? '';
        return withCore(async (s) => {
          const u = await s.call('users.create', {
            username: opts.username,
            displayName: opts.name,
            role: opts.role as 'clerk',
            password: password.replace(/\r?\n$/, ''),
          });
          if (opts.json) printJson(u);
          else process.stdout.write(`${u.id} ${u.username} (${u.role})\n`);
        });
      }),
    );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
