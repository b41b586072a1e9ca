/**
 * `motcua user …`: accounts from the command line (the operator of the machine acts as admin): add, list,
 * unlock after wrong passwords, disable/enable, change role. Every one prints JSON with --json.
 */
import type { Command } from 'commander';
import type { UserView } from '../../../contract/auth';
import { ROLES, type Role } from '../../../contract/method';
import { t } from '../../../i18n/translate';
import { cliFailure, printJson, withCore, type CliSession } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Names are matched as the users table does (case-insensitively). */
async function findUser(s: CliSession, name: string): Promise<UserView> {
  const wanted = name.trim().toLowerCase();
  const u = (await s.call('users.list', {})).find((x) => x.username.toLowerCase() === wanted);
  if (!u) throw cliFailure('CLI_UNKNOWN_USER', t('errors.CLI_UNKNOWN_USER', { username: name }));
  return u;
}

function line(u: UserView): string {
  const state = [u.disabled ? 'disabled' : 'active', u.lockedUntil ? `locked until ${u.lockedUntil}` : null].filter(Boolean).join(', ');
  return `${u.id}\t${u.username}\t${u.role}\t${state}\t${u.displayName}\n`;
}

function printUser(u: UserView, json: boolean | undefined): void {
  if (json) printJson(u);
  else process.stdout.write(line(u));
}

export function registerUserCommands(program: Command, run: Run): void {
  const user = program.command('user').description('Tài khoản người dùng / user accounts');
  user
    .command('add')
    .description('Tạo tài khoản / create an account')
    .requiredOption('--username <name>')
    .requiredOption('--name <display name>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--password-stdin', 'đọc mật khẩu từ stdin / read the password from standard input')
    .option('--json', 'in kết quả JSON / print JSON')
    .action((opts: { username: string; name: string; role: string; passwordStdin?: boolean; json?: boolean }) =>
      run(async () => {
        const password = opts.passwordStdin ? await readStdin() : process.env.MOTCUA_PASSWORD ?? '';
        return withCore(async (s) => {
          const u = await s.call('users.create', {
            username: opts.username,
            displayName: opts.name,
            role: opts.role as Role,
            password: password.replace(/\r?\n$/, ''),
          });
          if (opts.json) printJson(u);
          else process.stdout.write(`${u.id} ${u.username} (${u.role})\n`);
        });
      }),
    );

  user
    .command('list')
    .description('Danh sách tài khoản, kể cả tài khoản đang tạm khoá / list accounts, with lock state')
    .option('--json', 'in kết quả JSON / print JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const users = await s.call('users.list', {});
          if (opts.json) printJson(users);
          else for (const u of users) process.stdout.write(line(u));
        }),
      ),
    );

  user
    .command('unlock <name>')
    .description('Mở khoá tài khoản bị tạm khoá do nhập sai mật khẩu / lift the holds after wrong passwords')
    .option('--json', 'in kết quả JSON / print JSON')
    .action((name: string, opts: { json?: boolean }) =>
      run(() => withCore(async (s) => printUser(await s.call('users.unlock', { userId: (await findUser(s, name)).id }), opts.json))),
    );

  for (const [verb, disabled, text] of [
    ['disable', true, 'Vô hiệu hoá tài khoản (kết thúc các phiên) / disable an account (ends its sessions)'],
    ['enable', false, 'Cho dùng lại tài khoản / enable an account'],
  ] as const) {
    user
      .command(`${verb} <name>`)
      .description(text)
      .option('--json', 'in kết quả JSON / print JSON')
      .action((name: string, opts: { json?: boolean }) =>
        run(() =>
          withCore(async (s) => printUser(await s.call('users.setDisabled', { userId: (await findUser(s, name)).id, disabled }), opts.json)),
        ),
      );
  }

  user
    .command('role <name> <role>')
    .description(`Đổi vai trò / change the role (${ROLES.join(' | ')})`)
    .option('--json', 'in kết quả JSON / print JSON')
    .action((name: string, role: string, opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const u = await findUser(s, name);
          printUser(await s.call('users.setRole', { userId: u.id, role: role as Role }), opts.json);
        }),
      ),
    );
}
