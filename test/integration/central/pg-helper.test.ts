import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';

describe.skipIf(!pgAvailable)('test PostgreSQL cluster', () => {
  it('gives each test its own empty database', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    expect(a).not.toBe(b);
    const c = new pg.Client({ connectionString: a });
    await c.connect();
    await c.query('CREATE TABLE x (n int)');
    await c.query('INSERT INTO x VALUES (1)');
    expect((await c.query('SELECT count(*)::int AS n FROM x')).rows[0].n).toBe(1);
    await c.end();
    await dropTestDatabase(a);
    await dropTestDatabase(b);
  });
});
