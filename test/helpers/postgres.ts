/**
 * A fresh PostgreSQL database per test (or per file) on the run's private cluster (postgres-global.ts).
 * `pgAvailable` is false only on a developer's machine without Debian's postgresql: tests then skip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export const pgInfo = inject('postgres');
export const pgAvailable = pgInfo !== null;

function adminUrl(): string {
  if (!pgInfo) throw new Error('PostgreSQL is not running for this test run');
  return `postgres://${pgInfo.user}@${pgInfo.host}:${pgInfo.port}/postgres`;
}

/** Creates an empty database and returns its URL (what CENTRAL_DATABASE_URL takes). */
export async function createTestDatabase(prefix = 't'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  return `postgres://${pgInfo!.user}@${pgInfo!.host}:${pgInfo!.port}/${name}`;
}

/** Drops a database made by createTestDatabase (connections to it are ended first). */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
