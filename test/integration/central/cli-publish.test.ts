/**
 * `central calendar|catalogue --file F` checks the file with the counters' own parsers before publishing (issue #17
 * review): a file every counter would refuse exits 2 with the parser's code and reason, and nothing is published.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../central/cli';
import { createPool, type Db } from '../../../central/store/db';
import { migrateCentral } from '../../../central/store/migrate';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';

describe.skipIf(!pgAvailable)('central calendar/catalogue publishing checks the file first', () => {
  let url: string;
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    url = await createTestDatabase('central_publish');
    db = createPool(url, 2);
    await migrateCentral(db);
    dir = mkdtempSync(path.join(tmpdir(), 'central-publish-'));
  });
  afterAll(async () => {
    await db?.end();
    if (url) await dropTestDatabase(url);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function publish(kind: 'calendar' | 'catalogue', content: unknown): Promise<{ code: number; stderr: string }> {
    const file = path.join(dir, `${kind}-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(content));
    const saved = process.env.CENTRAL_DATABASE_URL;
    process.env.CENTRAL_DATABASE_URL = url;
    const chunks: string[] = [];
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (chunks.push(String(s)), true));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    process.exitCode = undefined;
    try {
      await main(['node', 'central', kind, '--file', file]);
      return { code: Number(process.exitCode ?? 0), stderr: chunks.join('') };
    } finally {
      process.exitCode = undefined;
      err.mockRestore();
      out.mockRestore();
      process.env.CENTRAL_DATABASE_URL = saved;
    }
  }
  const published = async () => (await db.query<{ kind: string }>('SELECT kind, data FROM changes ORDER BY id')).rows;

  it('refuses a calendar the counter would refuse, with its code and field, and publishes a good one', async () => {
    const bad = await publish('calendar', { years: { '2027': { holidays: ['2027-02-30'] } } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Lỗi \[CENTRAL_FILE_INVALID\]: .+\nLỗi \[CALENDAR_FILE_INVALID\]: .*years\.2027\.holidays\.0/s);
    expect((await publish('calendar', { years: { '2027': { holidays: ['2026-01-01'] } } })).code).toBe(2);
    expect((await publish('calendar', { holidays: [] })).code).toBe(2);
    expect(await published()).toEqual([]);

    const good = { years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } };
    expect(await publish('calendar', good)).toEqual({ code: 0, stderr: '' });
    expect(await published()).toEqual([{ kind: 'calendar', data: good }]);
  });

  it('refuses a catalogue the counter would refuse, listing the parser issues with their codes, and publishes a good one', async () => {
    await db.query('DELETE FROM changes');
    const wrongVersion = await publish('catalogue', { version: 99, agencies: [], procedures: [] });
    expect(wrongVersion.code).toBe(2);
    expect(wrongVersion.stderr).toContain('Lỗi [CATALOGUE_UNSUPPORTED_VERSION]: ');
    const badRow = await publish('catalogue', { version: 1, agencies: [{ code: 'bad code!', name: 'UBND' }], procedures: [] });
    expect(badRow.code).toBe(2);
    expect(badRow.stderr).toMatch(/Lỗi \[CATALOGUE_BAD_AGENCY_CODE\]: .+\(Agencies 1 code\)/);
    expect((await publish('catalogue', { procedures: [{ code: '1.001234' }] })).code).toBe(2);
    expect(await published()).toEqual([]);

    // `mode` is the change's own field (the counter takes it off before parsing): it is kept in what is published.
    const good = { version: 1, mode: 'merge', agencies: [{ code: '000.00.03.H29', name: 'UBND Quận 3' }], procedures: [] };
    expect(await publish('catalogue', good)).toEqual({ code: 0, stderr: '' });
    expect(await published()).toEqual([{ kind: 'catalogue', data: good }]);
  });
});
