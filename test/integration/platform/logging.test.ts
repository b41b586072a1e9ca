import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FileLogger } from '../../../core/platform/logger';
import { REPO, tempDir } from '../../helpers/temp';

const run = promisify(execFile);
const dir = tempDir();
afterAll(() => dir.cleanup());

function records(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('structured logs', () => {
  it('writes JSON lines and rotates by size, keeping a bounded number of files', () => {
    const logDir = path.join(dir.dir, 'rotate');
    const log = new FileLogger({ dir: logDir, maxBytes: 2_000, keep: 3 });
    for (let i = 0; i < 200; i++) log.info('dossier received', { i, code: `000.27.10.H12-261124-${String(i).padStart(4, '0')}` });
    const files = readdirSync(logDir).sort();
    expect(files).toEqual(['motcua.1.log', 'motcua.2.log', 'motcua.3.log', 'motcua.log']);
    const last = records(path.join(logDir, 'motcua.log'));
    expect(last.at(-1)).toMatchObject({ level: 'info', msg: 'dossier received', i: 199 });
    expect(typeof last.at(-1)!.t).toBe('string');
  });

  it('logs uncaught exceptions and unhandled rejections with context, then exits non-zero', async () => {
    const logDir = path.join(dir.dir, 'crash');
    const script = `
      import { FileLogger, installProcessHandlers } from './core/platform/logger.ts';
      const log = new FileLogger({ dir: ${JSON.stringify(logDir)} });
      installProcessHandlers(log, { mode: 'test' });
      Promise.reject(new Error('sync server lied'));
      setTimeout(() => { throw new Error('scanner jammed'); }, 20);
    `;
    const err = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO }).catch((e: { code: number }) => e);
    expect((err as { code: number }).code).toBe(70);
    const logged = records(path.join(logDir, 'motcua.log'));
    const rejection = logged.find((r) => r.msg === 'unhandled rejection');
    const exception = logged.find((r) => r.msg === 'uncaught exception');
    expect(rejection).toMatchObject({ level: 'error', mode: 'test', err: { message: 'sync server lied' } });
    expect(exception).toMatchObject({ level: 'error', mode: 'test', err: { message: 'scanner jammed' } });
    expect(String((exception!.err as { stack: string }).stack)).toMatch(/scanner jammed/);
  });
});
