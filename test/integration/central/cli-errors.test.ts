/**
 * The central admin CLI's errors (issue #17 review): every one prints "Lỗi [CODE]: <Vietnamese message>" like the
 * counter's CLI, and exits 2 for bad input, 1 for a failure (an unreachable database). In-process, no database.
 */
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../central/cli';

async function run(args: string[], databaseUrl: string | undefined): Promise<{ code: number; stderr: string }> {
  const saved = process.env.CENTRAL_DATABASE_URL;
  const chunks: string[] = [];
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (chunks.push(String(s)), true));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  if (databaseUrl === undefined) delete process.env.CENTRAL_DATABASE_URL;
  else process.env.CENTRAL_DATABASE_URL = databaseUrl;
  process.exitCode = undefined;
  try {
    await main(['node', 'central', ...args]);
    return { code: Number(process.exitCode ?? 0), stderr: chunks.join('') };
  } finally {
    process.exitCode = undefined;
    err.mockRestore();
    out.mockRestore();
    if (saved === undefined) delete process.env.CENTRAL_DATABASE_URL;
    else process.env.CENTRAL_DATABASE_URL = saved;
  }
}

/** One line: "Lỗi [CODE]: " then a Vietnamese message. */
const coded = (code: string) => new RegExp(`^Lỗi \\[${code}\\]: \\S.*\\n$`, 's');

describe('central admin CLI errors', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives each bad input its stable code with the Vietnamese message, exit 2', async () => {
    const missingUrl = await run(['token', '--counter', 'Q03'], undefined);
    expect(missingUrl).toEqual({ code: 2, stderr: expect.stringMatching(coded('CENTRAL_DATABASE_URL_MISSING')) });
    expect(missingUrl.stderr).toContain('Chưa đặt biến môi trường CENTRAL_DATABASE_URL');

    for (const args of [['token', '--bogus'], ['token'], ['token', '--counter', 'Q03', '--ttl-hours', 'x'], ['no-such-command'], ['--port', '99999']]) {
      const r = await run(args, 'postgres://127.0.0.1:1/none');
      expect(r, args.join(' ')).toEqual({ code: 2, stderr: expect.stringMatching(coded('CENTRAL_CLI_BAD_OPTION')) });
      expect(r.stderr).toContain('Lệnh không hợp lệ');
    }
    const unreadable = await run(['calendar', '--file', path.join(tmpdir(), 'no-such-dir-motcua', 'lich.json')], 'postgres://127.0.0.1:1/none');
    expect(unreadable).toEqual({ code: 2, stderr: expect.stringMatching(coded('CENTRAL_FILE_UNREADABLE')) });
    expect(unreadable.stderr).toContain('lich.json');
  });

  it('says the database cannot be reached (code, message, exit 1) instead of a bare driver error', async () => {
    const r = await run(['dossiers', '--json'], 'postgres://motcua@127.0.0.1:1/none');
    expect(r).toEqual({ code: 1, stderr: expect.stringMatching(coded('CENTRAL_DATABASE_UNREACHABLE')) });
    expect(r.stderr).toContain('Không kết nối được cơ sở dữ liệu');
  });

  it('still prints help and exits 0', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    process.exitCode = undefined;
    await main(['node', 'central', 'token', '--help']);
    spy.mockRestore();
    expect(Number(process.exitCode ?? 0)).toBe(0);
    process.exitCode = undefined;
    expect(out.join('')).toContain('--counter');
  });
});
