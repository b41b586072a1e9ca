/**
 * The process the print kill -9 test kills: a core that sends one ticket to the printer given, which never confirms
 * it (the test's loopback printer goes offline after the first bytes), with time limits far beyond the test, so the
 * job is mid-send when the process is killed. Run with `node --import tsx kill-child.ts <dataDir> <printerUri>`.
 */
import { call } from '../../helpers/core';
import { clerk, openCore } from './queue-parts';

const [dataDir, uri] = process.argv.slice(2);
if (!dataDir || !uri) throw new Error('usage: kill-child.ts <dataDir> <printerUri>');
const core = await openCore(dataDir, { run: true, pollMs: 100, timeouts: { connect: 600_000, write: 600_000, status: 600_000, confirm: 600_000 } });
const job = await call(core, clerk(core), 'printing.print', {
  what: { kind: 'ticket', ticket: { number: 'K001' } },
  printer: uri,
  profile: { paperWidthMm: 80, nativeText: true, nativeQr: true, processIdReply: true, statusQuery: true, codePage: null, cut: 'partial', drawerKick: false },
  copies: 1,
  wait: false,
});
process.stdout.write(`${job.id}\n`);
setInterval(() => undefined, 60_000);
