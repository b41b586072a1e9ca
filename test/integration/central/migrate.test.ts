import { afterAll, describe, expect, it } from 'vitest';
import { createPool, type Tx } from '../../../central/store/db';
import { migrateCentral } from '../../../central/store/migrate';
import { CENTRAL_MIGRATIONS } from '../../../central/store/migrations/index';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';

describe.skipIf(!pgAvailable)('central migrations', () => {
  const urls: string[] = [];
  afterAll(async () => {
    for (const u of urls) await dropTestDatabase(u);
  });

  it('are applied once when two servers start on one new database at the same moment, and a failed one leaves no trace', async () => {
    const url = await createTestDatabase('central_mig');
    urls.push(url);
    const a = createPool(url, 2);
    const b = createPool(url, 2);
    try {
      const [ra, rb] = await Promise.all([migrateCentral(a), migrateCentral(b)]);
      expect([...ra, ...rb]).toEqual(CENTRAL_MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`));
      expect((await a.query('SELECT version FROM schema_migrations ORDER BY version')).rows).toEqual(CENTRAL_MIGRATIONS.map((m) => ({ version: m.version })));
      expect(await migrateCentral(b)).toEqual([]);

      const broken = { version: CENTRAL_MIGRATIONS.length + 1, name: 'broken', up: async (tx: Tx) => void (await tx.query('CREATE TABLE half (n int); SELECT nope')) };
      await expect(migrateCentral(a, [...CENTRAL_MIGRATIONS, broken])).rejects.toThrow();
      expect((await a.query("SELECT to_regclass('half') AS t")).rows).toEqual([{ t: null }]);
      expect((await a.query('SELECT max(version) AS v FROM schema_migrations')).rows).toEqual([{ v: CENTRAL_MIGRATIONS.length }]);
    } finally {
      await a.end();
      await b.end();
    }
  });
});
