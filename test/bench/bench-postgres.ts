/**
 * PostgreSQL for the sync benchmarks (run by tsx, outside vitest): the database CENTRAL_BENCH_DATABASE_URL names
 * (an admin URL: a fresh database is made in it and dropped after), or else a private throw-away cluster started
 * the way the test runs start theirs (test/helpers/postgres-global.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import startCluster from '../helpers/postgres-global';

export async function withBenchDatabase<T>(fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  let admin = process.env.CENTRAL_BENCH_DATABASE_URL ?? null;
  let stop: (() => void) | null = null;
  if (!admin) {
    let info: { host: string; port: number; user: string } | null = null;
    stop = await startCluster({ provide: (_k: string, v: typeof info) => (info = v) } as never);
    if (!info) throw new Error('PostgreSQL server binaries not found (Debian package postgresql), or set CENTRAL_BENCH_DATABASE_URL');
    const i = info as { host: string; port: number; user: string };
    admin = `postgres://${i.user}@${i.host}:${i.port}/postgres`;
  }
  const name = `bench_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await d.end();
    stop?.();
  }
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** A positive number from the environment (a smaller or different bench run), else the default. */
export function envNumber(name: string, dflt: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
}
