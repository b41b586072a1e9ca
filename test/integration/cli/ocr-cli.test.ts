/**
 * `motcua ocr` through the real bin: the --json shape and order (files given, not finish order), a failed file keeps
 * its place with an error and the exit is 1; bad arguments exit 2; `ocr status --json`'s exact keys; a file named
 * "status" read as ./status.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motcua } from '../../helpers/cli';
import { REPO, tempDir } from '../../helpers/temp';
import { renderLines } from '../../unit/ocr/engine/render';

const { dir, cleanup } = tempDir('motcua-ocr-cli-');
const data = path.join(dir, 'data');
const A = 'Cộng hòa xã hội chủ nghĩa Việt Nam';
const B = 'Độc lập - Tự do - Hạnh phúc';

beforeAll(async () => {
  writeFileSync(path.join(dir, 'a.png'), await renderLines([A]));
  writeFileSync(path.join(dir, 'b.png'), await renderLines([B]));
  writeFileSync(path.join(dir, 'not-an-image.png'), 'hello, I am text');
  copyFileSync(path.join(dir, 'b.png'), path.join(dir, 'status'));
});
afterAll(cleanup);

describe('motcua ocr', () => {
  it('--json: one entry per file in the order given, a failed file in its place with an error, exit 1', async () => {
    const files = [path.join(dir, 'b.png'), path.join(dir, 'not-an-image.png'), path.join(dir, 'missing.png'), path.join(dir, 'a.png')];
    const r = await motcua(data, ['ocr', ...files, '--workers', '1', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out.map((e) => e.file)).toEqual(files);
    expect(Object.keys(out[0]!).sort()).toEqual(['confidence', 'file', 'ms', 'text']);
    expect(out[0]).toMatchObject({ text: B, confidence: expect.any(Number), ms: expect.any(Number) });
    expect(out[3]).toMatchObject({ text: A, confidence: expect.any(Number) });
    expect(out[1]).toMatchObject({ text: '', confidence: null, error: { code: 'OCR_IMAGE_UNREADABLE', message: expect.stringContaining('Không đọc được ảnh') } });
    expect(out[2]).toMatchObject({ text: '', confidence: null, error: { code: 'OCR_FILE_UNREADABLE', message: expect.any(String) } });
  });

  it('human form: a header per file; "./status" is a file, not the queue; exit 0', async () => {
    const again = await motcuaIn(dir, ['ocr', './status', 'a.png', '--workers', '1']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(`==> ./status <==\n${B}\n\n==> a.png <==\n${A}\n\n`);
  });

  it('bad arguments exit 2 before any OCR', async () => {
    const runs = await Promise.all([['ocr', path.join(dir, 'a.png'), '--workers', '0'], ['ocr', path.join(dir, 'a.png'), '--workers', 'two'], ['ocr']].map((args) => motcua(data, args)));
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(runs.map((r) => r.stdout)).toEqual(['', '', '']);
  });

  it('ocr status --json prints exactly {waiting, running, failed, pagesPerMinute}', async () => {
    const r = await motcua(data, ['ocr', 'status', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['waiting', 'running', 'failed', 'pagesPerMinute']);
    for (const v of Object.values(out)) expect(typeof v).toBe('number');
  });
});

/** The bin run from the images' folder (relative file names, as a user types them). */
function motcuaIn(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO, 'bin', 'motcua.mjs'), ...args], { cwd, env: { ...process.env, MOTCUA_DATA_DIR: data }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}
