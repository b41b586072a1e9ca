/**
 * kill -9 and the print queue (issue #16's acceptance): a process killed while a job's bytes are on their way to a
 * printer that never confirms, with other jobs queued for a printer that is away. After the restart the job in
 * flight is uncertain (the clerk is asked) and is not resent; every queued job is still there and prints once.
 * And a job a dead process had claimed but not begun writing goes back to the queue.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/core';
import { decodeEscpos, startEscposPrinter } from '../../helpers/escpos-printer';
import { REPO, tempDir } from '../../helpers/temp';
import { clerk, gate, openCore, until } from './queue-harness';

let data: ReturnType<typeof tempDir>;
beforeEach(() => {
  data = tempDir('motcua-print-kill-');
});
afterEach(() => data.cleanup());

const ticket = (number: string) => ({ kind: 'ticket' as const, ticket: { number } });

describe('print queue: kill -9', () => {
  it('the job being written is uncertain and not resent; queued jobs are all still there and print once each', async () => {
    const hanging = await startEscposPrinter({ status: 'online', processId: true, offlineAfterJobBytes: 4 });
    const later = await startEscposPrinter({ status: 'online' });
    const away = await gate();
    // Three jobs for a printer that is away: queued.
    const setup = await openCore(data.dir);
    const queued: string[] = [];
    let dbFile: string;
    try {
      for (const n of ['Q001', 'Q002', 'Q003']) {
        const j = await call(setup, clerk(setup), 'printing.print', { what: ticket(n), printer: away.uri, wait: true, copies: 1 });
        expect(j.state).toBe('queued');
        queued.push(j.id);
      }
      dbFile = setup.layout.database;
    } finally {
      await setup.close();
    }

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/integration/printing/kill-child.ts'), data.dir, hanging.uri], {
      cwd: REPO,
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    let flying = '';
    try {
      await until(() => {
        flying = stdout.trim();
        if (!flying) return false;
        // The whole job reached the printer, which now never confirms it (no reply to its GS ( H).
        const r = db.prepare<[string], { state: string }>('SELECT state FROM print_jobs WHERE id = ?').get(flying);
        return r?.state === 'sending' && hanging.connections.length === 1 && hanging.connections[0]!.processIdRequests.length === 1;
      }, 600, 50).catch((e) => {
        throw new Error(`${(e as Error).message}: ${stdout} ${stderr}`);
      });
      child.kill('SIGKILL');
      await exited;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      db.close();
    }
    await hanging.settle();
    expect(hanging.connections).toHaveLength(1);

    const core = await openCore(data.dir, { run: true, pollMs: 50 });
    try {
      const c = clerk(core);
      const j = (id: string) => core.services.printing.queue.row(id)!;
      expect(j(flying)).toMatchObject({ state: 'uncertain', error_code: 'PRINTER_NOT_CONFIRMED' });
      const waiting = await call(core, c, 'printing.jobs', { limit: 100 });
      expect(waiting.counts).toEqual({ queued: 3, sending: 0, uncertain: 1 });
      expect(waiting.jobs.find((x) => x.id === flying)?.error?.message).toMatch(/tắt giữa chừng/);

      await away.up(later.port);
      await until(() => queued.every((id) => j(id).state === 'printed'), 200, 50);
      await later.settle();
      const decoded = await Promise.all(later.connections.map((x) => decodeEscpos(x.printed)));
      expect(decoded.reduce((n, d) => n + d.completeJobs, 0)).toBe(3);
      const numbers = decoded.flatMap((d) => d.items.filter((i) => i.kind === 'text').map((i) => (i as { text: string }).text.trim())).filter((t) => /^Q\d+$/.test(t));
      expect(numbers).toEqual(['Q001', 'Q002', 'Q003']);
      // The job in flight was never sent again, and stays until the clerk answers.
      core.services.printing.runner.wake();
      await new Promise((r) => setTimeout(r, 300));
      expect(hanging.connections).toHaveLength(1);
      expect(j(flying).state).toBe('uncertain');
    } finally {
      await core.close();
      await away.down();
      await hanging.close();
      await later.close();
    }
  });

  it('a job a dead process had claimed without writing a byte is queued again at start, and prints', async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    const away = await gate();
    let core = await openCore(data.dir);
    let id = '';
    try {
      id = (await call(core, clerk(core), 'printing.print', { what: ticket('R001'), printer: away.uri, wait: true, copies: 1 })).id;
      // As a process that is gone left it: claimed (its mark from before this machine's boot), nothing written.
      core.db.prepare(`UPDATE print_jobs SET state = 'sending', claim_mark = '4000000 1 dead.beef', writing_mark = NULL WHERE id = ?`).run(id);
    } finally {
      await core.close();
    }
    await away.up(printer.port);
    core = await openCore(data.dir, { run: true, pollMs: 50 });
    try {
      await until(() => core.services.printing.queue.row(id)!.state === 'printed', 200, 50);
      await printer.settle();
      expect((await decodeEscpos(printer.printed())).completeJobs).toBe(1);
    } finally {
      await core.close();
      await away.down();
      await printer.close();
    }
  });
});
