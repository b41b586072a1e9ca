import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { ManualClock } from '../../../core/platform/clock';
import { LocalSequenceAuthority } from '../../../core/services/dossiers/sequence-authority';
import { openDatabase } from '../../../core/store/database';
import { call, conn, withAdmin } from '../../helpers/core';
import { TRAN_VAN_DUC, personInput } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873';
const dirs = [tempDir(), tempDir(), tempDir()];
const cores: Core[] = [];
afterAll(async () => {
  for (const c of cores) await c.close();
  dirs.forEach((d) => d.cleanup());
});

describe('dossier codes across counters', () => {
  it('never collide between two counters, online, offline and after reconnecting', async () => {
    // The shared authority stands for the central system both counters reserve blocks from.
    const central = openDatabase(path.join(dirs[2]!.dir, 'central.sqlite')).db;
    const authority = new LocalSequenceAuthority(central);
    const clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
    const counters = await Promise.all(
      ['Q01', 'Q02'].map(async (id, i) => {
        const core = await createCore({ dataDir: dirs[i]!.dir, clock, sequenceAuthority: authority, logLevel: 'error' });
        cores.push(core);
        const admin = await withAdmin(core);
        await call(core, admin, 'settings.set', { key: 'counter.id', value: id });
        return { core, admin };
      }),
    );
    const codes: string[] = [];
    let n = 0;
    const receive = async (c: (typeof counters)[number]) => {
      n += 1;
      const v = await call(c.core, c.admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: { ...personInput(TRAN_VAN_DUC), idNumber: `0790900${String(n).padStart(5, '0')}` } });
      codes.push(v.code!);
      return v;
    };
    // Online: both draw blocks from the authority.
    for (let i = 0; i < 5; i++) for (const c of counters) await receive(c);
    authority.online = false;
    // Offline: each exhausts its reserve, then falls back to its own segment.
    for (let i = 0; i < 40; i++) for (const c of counters) await receive(c);
    const fallback = codes.filter((c) => /-Q0[12]-\d{4}$/.test(c));
    expect(fallback.length).toBeGreaterThan(0);
    expect(fallback.some((c) => c.includes('-Q01-'))).toBe(true);
    expect(fallback.some((c) => c.includes('-Q02-'))).toBe(true);
    authority.online = true;
    for (let i = 0; i < 5; i++) for (const c of counters) await receive(c);
    expect(new Set(codes).size).toBe(codes.length);
    // Every reserved (non-fallback) code has the plain pattern.
    for (const c of codes.filter((x) => !fallback.includes(x))) expect(c).toMatch(new RegExp(`^${WARD.replace(/\./g, '\\.')}-261124-\\d{4}$`));
    const last = await call(counters[0]!.core, counters[0]!.admin, 'dossiers.get', { code: codes[codes.length - 2]! });
    expect(last.warnings).not.toContain('DOSSIER_WARN_OFFLINE_CODE');
    const offline = await call(counters[0]!.core, counters[0]!.admin, 'dossiers.get', { code: fallback.find((c) => c.includes('-Q01-'))! });
    expect(offline.warnings).toContain('DOSSIER_WARN_OFFLINE_CODE');
    central.close();
  });

  it('keys daily counters by the zero-padded date (1 Nov and 11 Jan never share one)', async () => {
    const dir = tempDir();
    const clock = new ManualClock(new Date('2026-11-01T02:00:00Z'));
    const core = await createCore({ dataDir: dir.dir, clock, logLevel: 'error' });
    const admin = await withAdmin(core);
    const a = await call(core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    clock.set(new Date('2027-01-11T02:00:00Z'));
    await call(core, admin, 'auth.login', { username: 'admin', password: 'mat-khau-123' });
    const b = await call(core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    expect(a.code).toBe(`${WARD}-261101-0001`);
    expect(b.code).toBe(`${WARD}-270111-0001`);
    await core.close();
    dir.cleanup();
  });

  it('skips a reserved number whose code this counter already issued under another authority (receipts before enrolment)', async () => {
    const dir = tempDir();
    const clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
    // Before enrolment: the counter's own local authority handed out 0001.
    let core = await createCore({ dataDir: dir.dir, clock, logLevel: 'error' });
    let admin = await withAdmin(core);
    const before = await call(core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    expect(before.code).toBe(`${WARD}-261124-0001`);
    core.db.prepare('DELETE FROM code_blocks').run(); // enrolment drops the unused local blocks
    await core.close();
    // After: a new authority (the central's) whose blocks start at 1 again.
    const central = openDatabase(path.join(dir.dir, 'other-authority.sqlite')).db;
    core = await createCore({ dataDir: dir.dir, clock, sequenceAuthority: new LocalSequenceAuthority(central), logLevel: 'error' });
    admin = conn(core);
    await call(core, admin, 'auth.login', { username: 'admin', password: 'mat-khau-123' });
    const after = await call(core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: { ...personInput(TRAN_VAN_DUC), idNumber: '079090012345' } });
    expect(after.code).toBe(`${WARD}-261124-0002`);
    await core.close();
    central.close();
    dir.cleanup();
  });
});
