/**
 * Vitest globalSetup: one private PostgreSQL cluster (Debian's server binaries) for the whole run, on 127.0.0.1 and
 * a free port, trust auth, fsync off (a killed server process still loses nothing: its writes are in the OS cache).
 * Tests get a fresh database each from createTestDatabase() (test/helpers/postgres.ts). Without the binaries the
 * cluster is not started and those tests skip, except under CI=true where that is a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export interface PostgresInfo {
  host: string;
  port: number;
  user: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresInfo | null;
  }
}

/** Debian keeps the server binaries out of PATH: /usr/lib/postgresql/<major>/bin. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((d) => existsSync(path.join(root, d, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return path.join(root, majors[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? path.dirname(which.stdout.trim()) : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the postgres user when we are root (initdb and postgres refuse root). */
function runAs(bin: string, args: string[], asPostgres: boolean): void {
  if (!asPostgres) {
    execFileSync(bin, args, { stdio: 'pipe', timeout: 60_000 });
    return;
  }
  const quoted = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: 'pipe', timeout: 60_000 });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = findPostgresBin();
  if (!bin) {
    if (process.env.CI === 'true') throw new Error('PostgreSQL server binaries not found (install Debian package postgresql)');
    project.provide('postgres', null);
    return () => {};
  }
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-pg-'));
  const data = path.join(dir, 'data');
  if (asPostgres) {
    chmodSync(dir, 0o755);
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  }
  const port = await freePort();
  runAs(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C'], asPostgres);
  runAs(
    path.join(bin, 'pg_ctl'),
    ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`, 'start'],
    asPostgres,
  );
  project.provide('postgres', { host: '127.0.0.1', port, user: 'postgres' });
  return () => {
    try {
      runAs(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asPostgres);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
