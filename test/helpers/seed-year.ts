/**
 * A busy one-stop centre's year in a migrated SQLite database (issue #19), for the report tests and the bench:
 * dossiers received in working hours at 20 counters, their history (sent to the agency, result ready early / on
 * time / late, returned, withdrawn, supplement requested and received again, apologies with a later appointment),
 * checklists, scanned pages (some removed, failed, raw, on trays), OCR jobs and text, queue tickets with their
 * events, and the sync outbox (most sent, a recent backlog and a few rejected).
 *
 * Direct prepared-statement SQL in a few big transactions (the services would take minutes for 200,000 dossiers),
 * with the per-row triggers of dossiers, transitions and pages dropped meanwhile and their rows written as they would
 * write them (resolved_at, withdrawn_at, promised_due_at, dossier_items, document_pdfs, sync_outbox), then put back.
 * test/integration/reports/figures-year.test.ts re-derives those from the history; figures-triggers.test.ts checks
 * the triggers themselves through the services. Deterministic from the seed.
 * Working hours are Monday–Friday 08:00–12:00 and 13:00–17:00 Vietnam time (no holidays): due dates are counted in
 * those hours, like the calendar's default for an agency with no calendar of its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCatalogue } from '../../core/domain/catalogue/validate';
import type { Agency, Procedure } from '../../core/domain/catalogue/schema';
import type { Db } from '../../core/store/database';
import { sampleGroups } from '../../core/services/queue/sample-groups';
import { derivedRowsSql } from './seed-year-derived';
import { mulberry32 } from './seeded-random';
import { REPO } from './temp';

export interface SeedYearOptions {
  dossiers?: number;
  counters?: number;
  /** Clerks (users); default counters + 4 (shifts rotate weekly). */
  clerks?: number;
  /** First day ('YYYY-MM-DD', Vietnam); default 2025-01-01. The period is 365 days from it. */
  from?: string;
  seed?: number;
  /** Queue tickets; default as many as dossiers. */
  tickets?: number;
}

export interface SeedYearResult {
  from: string;
  /** Last day of the seeded period. */
  to: string;
  /** The instant the data is "as of" (the day after `to`, 07:00 Vietnam): nothing happens after it. Use as the clock. */
  now: Date;
  dossiers: number;
  pages: number;
  tickets: number;
  clerks: Array<{ username: string; displayName: string; label: string }>;
  counters: string[];
  agencies: string[];
  ms: number;
}

const MIN = 60_000;
const DAY_MIN = 1440;
/** Working windows in minutes of the day. */
const WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [8 * 60, 12 * 60],
  [13 * 60, 17 * 60],
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Thu', 'Hồng', 'Gia', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** Minutes since the Unix epoch of a Vietnam wall-clock time, and back to text, with a per-day cache of the date part. */
class Clock {
  private readonly days = new Map<number, string>();
  dayText(dayNo: number): string {
    let s = this.days.get(dayNo);
    if (s === undefined) {
      s = new Date(dayNo * 86_400_000).toISOString().slice(0, 10);
      this.days.set(dayNo, s);
    }
    return s;
  }
  /** 'YYYY-MM-DDTHH:MM' of a local minute. */
  local(m: number): string {
    const d = Math.floor(m / DAY_MIN);
    const r = m - d * DAY_MIN;
    return `${this.dayText(d)}T${pad2(Math.floor(r / 60))}:${pad2(r % 60)}`;
  }
  /** ISO instant of a local minute (+ seconds). */
  iso(m: number, sec = 0): string {
    const u = m - 420;
    const d = Math.floor(u / DAY_MIN);
    const r = u - d * DAY_MIN;
    return `${this.dayText(d)}T${pad2(Math.floor(r / 60))}:${pad2(r % 60)}:${pad2(sec)}.000Z`;
  }
}

const weekday = (m: number): number => (Math.floor(m / DAY_MIN) + 4) % 7; // 1970-01-01 was a Thursday (4)
const isWorkday = (m: number): boolean => {
  const w = weekday(m);
  return w !== 0 && w !== 6;
};

/** The local minute `minutes` working minutes after `m` (m itself in working time). */
function addWorkingMinutes(m: number, minutes: number): number {
  let at = m;
  let left = minutes;
  for (;;) {
    const day = Math.floor(at / DAY_MIN) * DAY_MIN;
    if (isWorkday(day)) {
      for (const [a, b] of WINDOWS) {
        const start = Math.max(at, day + a);
        if (start >= day + b) continue;
        const room = day + b - start;
        if (left <= room) return start + left;
        left -= room;
        at = day + b;
      }
    }
    at = day + DAY_MIN;
  }
}

/** A working minute at or after m. */
function nextWorking(m: number): number {
  return addWorkingMinutes(m, 0);
}

function dueOf(received: number, p: Procedure): number {
  const amount = p.processing.amount;
  return addWorkingMinutes(received, p.processing.unit === 'days' ? amount * 8 * 60 : amount * 60);
}

function loadCatalogue(): { agencies: Agency[]; procedures: Procedure[] } {
  const file = path.join(REPO, 'resources', 'catalogue', 'sample.json');
  const parsed = parseCatalogue(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!parsed.catalogue) throw new Error('sample catalogue invalid');
  return { agencies: parsed.catalogue.agencies, procedures: parsed.catalogue.procedures.filter((p) => p.active) };
}

const uuid = (kind: number, n: number): string => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function seedYear(db: Db, opts: SeedYearOptions = {}): SeedYearResult {
  const started = Date.now();
  const total = opts.dossiers ?? 200_000;
  const counterCount = opts.counters ?? 20;
  const clerkCount = opts.clerks ?? counterCount + 4;
  const from = opts.from ?? '2025-01-01';
  const ticketTotal = opts.tickets ?? total;
  const rnd = mulberry32(opts.seed ?? 19);
  const pick = <T>(l: readonly T[]): T => l[Math.floor(rnd() * l.length)]!;
  const between = (a: number, b: number): number => a + Math.floor(rnd() * (b - a + 1));
  const clock = new Clock();
  const fromMin = Date.parse(`${from}T00:00:00Z`) / MIN;
  const endMin = fromMin + 365 * DAY_MIN; // exclusive: the day after the period
  const nowMin = endMin + 7 * 60;
  const to = clock.dayText(endMin / DAY_MIN - 1);
  const nowIso = clock.iso(nowMin);

  const { agencies, procedures } = loadCatalogue();
  const agencyByCode = new Map(agencies.map((a) => [a.code, a]));
  const counters = Array.from({ length: counterCount }, (_, i) => `Q000${pad2(i + 1)}`);

  const saved = { sync: db.pragma('synchronous', { simple: true }), cache: db.pragma('cache_size', { simple: true }), fk: db.pragma('foreign_keys', { simple: true }), temp: db.pragma('temp_store', { simple: true }) };
  // Every row written here points at rows written before it: the foreign key lookups are skipped.
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  db.pragma('temp_store = MEMORY');
  // The per-row triggers would take most of the time: dropped while seeding (their rows are written here as they
  // would make them: dossiers' resolved/withdrawn/promised columns, dossier_items, stale document_pdfs, sync_outbox),
  // and put back at the end.
  const triggers = db
    .prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('dossiers', 'dossier_transitions', 'dossier_pages')`)
    .all();
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  // Secondary indexes too: built once at the end (one sort each) rather than row by row; the reports' covering
  // indexes on dossiers and pages (migration 014) cost several times the inserts when kept up row by row.
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN
        ('dossiers', 'dossier_transitions', 'dossier_pages', 'ocr_jobs', 'page_text', 'sync_outbox', 'document_pdfs', 'queue_events', 'queue_calls')`,
    )
    .all();
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);

  // ---------- catalogue, users, applicants, queue groups ----------
  const clerks = Array.from({ length: clerkCount }, (_, i) => {
    const displayName = `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 5) % GIVEN.length]}`;
    const username = `canbo${pad2(i + 1)}`;
    return { username, displayName, label: '' };
  });
  const applicantCount = Math.max(10, Math.floor(total * 0.6));
  const applicantSnapshots: string[] = [];
  db.transaction(() => {
    const at = clock.iso(fromMin - DAY_MIN);
    const upA = db.prepare('INSERT OR REPLACE INTO agencies (code, name, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)');
    for (const a of agencies) upA.run(a.code, a.name, JSON.stringify(a), at, 'system:seed');
    const upP = db.prepare('INSERT OR REPLACE INTO procedures (agency_code, code, name, active, data, updated_at, updated_by) VALUES (?, ?, ?, 1, ?, ?, ?)');
    for (const p of procedures) upP.run(p.agencyCode, p.code, p.name, JSON.stringify(p), at, 'system:seed');
    const user = db.prepare(
      `INSERT INTO users (username, display_name, role, password_hash, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'clerk', 'seed:no-login', ?, 'system:seed', ?, 'system:seed')`,
    );
    for (const c of clerks) c.label = `user:${c.username}#${Number(user.run(c.username, c.displayName, at, at).lastInsertRowid)}`;
    const app = db.prepare(
      `INSERT INTO applicants (id, kind, id_number, full_name, name_folded, date_of_birth, gender, address, created_at, created_by, updated_at, updated_by)
       VALUES (?, 'citizen', ?, ?, ?, ?, ?, ?, ?, 'system:seed', ?, 'system:seed')`,
    );
    for (let i = 0; i < applicantCount; i++) {
      const fullName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      const a = { id: uuid(1, i), kind: 'citizen', idNumber: `0010${String(90_000_000 + i).padStart(8, '0')}`, fullName, dateOfBirth: `19${between(40, 99)}-0${between(1, 9)}-1${between(0, 9)}`, gender: rnd() < 0.5 ? 'male' : 'female', address: 'Phường Ô Chợ Dừa, Hà Nội' };
      app.run(a.id, a.idNumber, fullName, fold(fullName), a.dateOfBirth, a.gender, a.address, at, at);
      applicantSnapshots.push(JSON.stringify(a));
    }
    const group = db.prepare('INSERT OR IGNORE INTO queue_groups (code, sort, data) VALUES (?, ?, ?)');
    for (const g of sampleGroups(agencies)) group.run(g.code, g.sort, JSON.stringify(g));
  })();
  const applicantOf = (i: number): { id: string; snapshot: string } => ({ id: uuid(1, i), snapshot: applicantSnapshots[i]! });
  const agencySnapshots = new Map(agencies.map((a) => [a.code, JSON.stringify(a)]));
  const procedureSnapshots = new Map(procedures.map((p) => [p, JSON.stringify(p)]));
  const feesOf = new Map(procedures.map((p) => [p, JSON.stringify({ fee: p.fees.fee, charge: p.fees.charge, postage: 0, returnAddress: null, warnings: [], agencyName: agencyByCode.get(p.agencyCode)!.name })]));

  // ---------- working days and their arrival minutes ----------
  const workdays: number[] = [];
  for (let d = fromMin; d < endMin; d += DAY_MIN) if (isWorkday(d)) workdays.push(d);
  const arrival = (day: number): number => {
    // Mornings are busier than afternoons (60/40).
    const [a, b] = rnd() < 0.6 ? WINDOWS[0]! : WINDOWS[1]!;
    return day + between(a, b - 15);
  };

  // ---------- dossiers, history, checklists, pages, OCR ----------
  const insDossier = db.prepare(
    `INSERT INTO dossiers (id, code, agency_code, agency_snapshot, procedure_code, procedure_snapshot, applicant_id, applicant_snapshot, submitter, state,
       channel, result_return, received_at, due_at, lookup_pin, checklist, fees, summary, counter_id, created_at, created_by, updated_at, updated_by,
       resolved_at, withdrawn_at, promised_due_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'counter', ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insTransition = db.prepare('INSERT INTO dossier_transitions (dossier_id, from_state, to_state, at, actor, data) VALUES (?, ?, ?, ?, ?, ?)');
  const insPage = db.prepare(
    `INSERT INTO dossier_pages (id, dossier_id, tray_owner, item_code, position, state, kind, raw_path, raw_type, raw_bytes, image_path, image_type, image_bytes,
       image_sha256, master_path, master_type, master_bytes, width, height, dpi, error_code, removed_at, removed_by, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'page', ?, 'image/jpeg', ?, ?, 'image/jpeg', ?, ?, ?, 'image/png', ?, 2480, 3508, 300, ?, ?, ?, ?, ?, ?)`,
  );
  const insItem = db.prepare('INSERT INTO dossier_items (dossier_id, item_code, pages, first_page_at) VALUES (?, ?, ?, ?)');
  const codeSeq = new Map<string, number>();
  let pageNo = 0;
  let dossierNo = 0;
  
  const addPages = (dossierId: string, itemCode: string, atMin: number, clerk: string, receivedLine: boolean): void => {
    const r = rnd();
    const count = !receivedLine ? 0 : r < 0.03 ? 0 : r < 0.68 ? 1 : r < 0.9 ? 2 : r < 0.97 ? 3 : 4;
    let position = 0;
    let ready = 0;
    let firstReady: string | null = null;
    for (let i = 0; i < count; i++) {
      const id = uuid(3, pageNo++);
      const created = atMin - between(1, 6);
      const createdIso = clock.iso(created, between(0, 59));
      const kindRoll = rnd();
      const state = kindRoll < 0.008 ? 'failed' : kindRoll < 0.012 && created > nowMin - 15 * 60 ? 'raw' : 'ready';
      const removed = rnd() < 0.03;
      const bytes = between(120_000, 420_000);
      insPage.run(
        id, dossierId, null, itemCode, removed ? null : ++position, state,
        `scans/${id}/raw.jpg`, bytes + 50_000,
        state === 'ready' ? `scans/${id}/image.jpg` : null, state === 'ready' ? bytes : null, state === 'ready' ? id.replace(/-/g, '').padEnd(64, '0') : null,
        state === 'ready' ? `scans/${id}/master.png` : null, state === 'ready' ? bytes * 3 : null,
        state === 'failed' ? 'SCAN_PROCESS_FAILED' : null,
        removed ? clock.iso(created + between(1, 3)) : null, removed ? clerk : null,
        createdIso, clerk, createdIso,
      );
      if (state === 'ready' && !removed) {
        ready++;
        if (firstReady === null || createdIso < firstReady) firstReady = createdIso;
      }
    }
    if (receivedLine) insItem.run(dossierId, itemCode, ready, firstReady);
  };

  const firstTo = (history: Array<[string | null, string, number, string]>, to: string): string | null => {
    const h = history.find((e) => e[1] === to && e[0] !== to);
    return h ? clock.local(h[2]) : null;
  };

  const seedDossier = (day: number, agencyProcs: Procedure[]): void => {
    const n = dossierNo++;
    const id = uuid(2, n);
    const p = pick(agencyProcs);
    const agency = p.agencyCode;
    const counterIdx = Math.floor(rnd() * counterCount);
    const week = Math.floor((day - fromMin) / (7 * DAY_MIN));
    const clerk = clerks[(counterIdx + week) % clerkCount]!.label;
    const counter = counters[counterIdx]!;
    const applicant = applicantOf(Math.floor(rnd() * applicantCount));
    const first = arrival(day);
    const dayText = clock.dayText(day / DAY_MIN);
    const codeKey = `${agency}|${dayText}`;
    const seq = (codeSeq.get(codeKey) ?? 0) + 1;
    codeSeq.set(codeKey, seq);
    const code = `${agency}-${dayText.slice(2, 4)}${dayText.slice(5, 7)}${dayText.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
    const lines = p.checklist.map((c) => {
      const received = c.required || rnd() < 0.3;
      return { itemCode: c.code, name: c.name, required: c.required, received, mark: received ? (c.acceptedMarks[0] ?? 1) : null, copies: c.copies, check: received ? 1 : 0, note: null };
    });
    const history: Array<[string | null, string, number, string]> = []; // from, to, minute, data
    // Written by sequence() below (a closure: kept in one object so the compiler sees the changes).
    const o: { state: string; receivedAt: number; due: number | null; apologyDue: number | null } = { state: 'received', receivedAt: first, due: null, apologyDue: null };
    const intake = rnd();
    const ops = rnd() < 0.9 ? 'send' : 'direct';
    const sequence = (): void => {
      // From a receipt at receivedAt: withdrawn, supplement asked by the agency, or resolved early / on time / late.
      o.due = dueOf(o.receivedAt, p);
      const fate = rnd();
      let at = o.receivedAt;
      if (ops === 'send') {
        at = nextWorking(at + between(10, 120));
        if (at >= nowMin) return;
        history.push(['received', 'sent_to_agency', at, '{"note":null}']);
        o.state = 'sent_to_agency';
      }
      if (fate < 0.025) {
        const w = nextWorking(at + between(30, 3 * DAY_MIN));
        if (w >= nowMin) return;
        history.push([o.state, 'withdrawn', w, '{"note":"Công dân rút hồ sơ"}']);
        o.state = 'withdrawn';
        return;
      }
      const dueDay = Math.floor(o.due / DAY_MIN) * DAY_MIN;
      const receivedDay = Math.floor(o.receivedAt / DAY_MIN) * DAY_MIN;
      const k = rnd();
      let ready: number;
      const early = addWorkingMinutes(at, between(5, 600));
      if (k < 0.1 && dueDay > receivedDay && early < dueDay) {
        // Early: a working day before the due day.
        ready = early;
      } else if (k < 0.95) {
        // On time: the due day, by the due time.
        ready = Math.min(o.due, Math.max(at + 5, dueDay + between(8 * 60, Math.max(8 * 60, o.due - dueDay))));
      } else {
        // Late; half of them apologised for before the due time, with a later appointment.
        ready = o.due + between(5, 5 * DAY_MIN);
        if (rnd() < 0.5) {
          const apologyAt = Math.max(at + 1, o.due - between(30, 240));
          o.apologyDue = addWorkingMinutes(nextWorking(o.due), between(1, 5) * 480);
          if (apologyAt < nowMin) history.push([o.state, o.state, apologyAt, JSON.stringify({ apology: { reason: 'Cơ quan chuyên môn cần thêm thời gian thẩm định', previousDue: clock.local(o.due), newDue: clock.local(o.apologyDue) } })]);
          else o.apologyDue = null;
        }
      }
      if (ready >= nowMin) return;
      history.push([o.state, 'result_ready', ready, '{"note":null}']);
      o.state = 'result_ready';
      if (rnd() < 0.9) {
        const ret = nextWorking(ready + between(30, 8 * DAY_MIN));
        if (ret < nowMin) {
          history.push(['result_ready', 'result_returned', ret, '{"receiverName":"Chủ hồ sơ","method":"counter"}']);
          o.state = 'result_returned';
        }
      }
    };
    if (intake < 0.02) {
      o.state = 'refused';
      history.push([null, 'refused', first, '{"reason":"Không thuộc thẩm quyền giải quyết"}']);
    } else if (intake < 0.05) {
      o.state = 'supplement_requested';
      history.push([null, 'supplement_requested', first, '{"items":[],"note":null}']);
      const later = rnd();
      const back = nextWorking(first + between(1, 7) * DAY_MIN);
      if (later < 0.75 && back < nowMin) {
        history.push(['supplement_requested', 'received', back, '{}']);
        o.state = 'received';
        o.receivedAt = back;
        sequence();
      } else if (later < 0.85 && back < nowMin) {
        history.push(['supplement_requested', 'withdrawn', back, '{"note":null}']);
        o.state = 'withdrawn';
      }
    } else {
      o.state = 'received';
      history.push([null, 'received', first, `{"code":"${code}","fallbackCode":false}`]);
      if (rnd() < 0.015) {
        // The agency asks for more after receipt; the applicant completes it and the promise restarts.
        const sent = nextWorking(first + between(10, 120));
        const asked = nextWorking(sent + between(1, 3) * DAY_MIN);
        const back = nextWorking(asked + between(1, 5) * DAY_MIN);
        if (back < nowMin) {
          history.push(['received', 'sent_to_agency', sent, '{"note":null}'], ['sent_to_agency', 'supplement_requested', asked, '{"items":[],"note":"Bổ sung theo yêu cầu của cơ quan"}'], ['supplement_requested', 'received', back, '{}']);
          o.receivedAt = back;
        }
      }
      sequence();
    }
    // due_at is the latest appointment (an apology's); the promise at receipt is found from the history (014's backfill).
    const finalDue: number | null = o.due === null ? null : (o.apologyDue ?? o.due);
    const createdIso = clock.iso(first, between(0, 59));
    insDossier.run(
      id, code, agency, agencySnapshots.get(agency)!, p.code, procedureSnapshots.get(p)!, applicant.id, applicant.snapshot, o.state,
      rnd() < 0.9 ? 'direct' : 'online', clock.local(o.receivedAt),
      finalDue === null ? null : clock.local(finalDue), String(between(0, 999_999)).padStart(6, '0'), JSON.stringify(lines), feesOf.get(p)!, counter, createdIso, clerk,
      clock.iso(history[history.length - 1]![2]), clerk,
      // What migration 014's triggers keep: the first result ready / withdrawal (Vietnam time), the promise at the last receipt.
      firstTo(history, 'result_ready'), firstTo(history, 'withdrawn'), o.due === null ? null : clock.local(o.due),
    );
    for (const [f, t, at, data] of history) insTransition.run(id, f, t, clock.iso(at, between(0, 59)), t === 'received' || f === null ? clerk : 'system:agency', data);
    for (const l of lines) addPages(id, l.itemCode, first, clerk, l.received && o.state !== 'refused');
    if (o.state === 'refused') for (const l of lines) if (l.received) insItem.run(id, l.itemCode, 0, null);
  };

  const byAgency = new Map<string, Procedure[]>();
  for (const p of procedures) byAgency.set(p.agencyCode, [...(byAgency.get(p.agencyCode) ?? []), p]);
  const agencyLists = [...byAgency.values()];
  // Busier agencies first in the list get more dossiers (ward people's committee, police, land office …).
  const agencyWeights = agencyLists.map((_, i) => 1 / (i + 1));
  const weightSum = agencyWeights.reduce((a, b) => a + b, 0);
  const pickAgency = (): Procedure[] => {
    let r = rnd() * weightSum;
    for (let i = 0; i < agencyLists.length; i++) if ((r -= agencyWeights[i]!) <= 0) return agencyLists[i]!;
    return agencyLists[0]!;
  };
  const CHUNK = 25;
  for (let w = 0; w < workdays.length; w += CHUNK) {
    db.transaction(() => {
      for (let i = w; i < Math.min(w + CHUNK, workdays.length); i++) {
        const count = Math.floor((total * (i + 1)) / workdays.length) - Math.floor((total * i) / workdays.length);
        for (let k = 0; k < count; k++) seedDossier(workdays[i]!, pickAgency());
      }
    })();
  }

  if (process.env.SEED_TRACE) console.log('dossiers', Date.now() - started);
  // Pages on the clerks' reception trays (scanned, not yet received) and their OCR.
  db.transaction(() => {
    const lastDay = workdays[workdays.length - 1]!;
    for (let i = 0; i < Math.min(300, Math.ceil(total / 500)); i++) {
      const id = uuid(3, pageNo++);
      const c = clerks[i % clerkCount]!.label;
      const at = clock.iso(lastDay + between(14 * 60, 16 * 60 + 50));
      insPage.run(id, null, c, 'TP1', i + 1, 'ready', `scans/${id}/raw.jpg`, 300_000, `scans/${id}/image.jpg`, 250_000, id.replace(/-/g, '').padEnd(64, '0'), `scans/${id}/master.png`, 750_000, null, null, null, at, c, at);
    }
  })();

  // ---------- queue tickets and their events ----------
  const groups = sampleGroups(agencies);
  const insTicket = db.prepare(
    `INSERT INTO queue_tickets (id, day, issued_service, seq, prefix, num, number, service, service_name, priority, state, purpose, issued_at, called_at, started_at,
       finished_at, counter, target_counter, calls, transfers, tracking_id, ord)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, 1, 0, ?, ?)`,
  );
  let ord = 0;
  for (let w = 0; w < workdays.length; w += CHUNK) {
    db.transaction(() => {
      for (let i = w; i < Math.min(w + CHUNK, workdays.length); i++) {
        const day = workdays[i]!;
        const dayText = clock.dayText(day / DAY_MIN);
        const count = Math.floor((ticketTotal * (i + 1)) / workdays.length) - Math.floor((ticketTotal * i) / workdays.length);
        const times = Array.from({ length: count }, () => day + between(7 * 60 + 45, 16 * 60 + 45)).sort((a, b) => a - b);
        const seqs = new Map<string, number>();
        for (const issuedMin of times) {
          const g = groups[Math.floor(rnd() * groups.length)]!;
          const seq = (seqs.get(g.code) ?? 0) + 1;
          seqs.set(g.code, seq);
          const id = uuid(4, ord);
          const number = `${g.prefix}${String(seq).padStart(3, '0')}`;
          const issuedSec = between(0, 59);
          const called = issuedMin + between(1, 40);
          const counter = between(1, counterCount);
          const noShow = rnd() < 0.04;
          const started = called + between(1, 2);
          const finished = started + between(3, 15);
          const issuedIso = clock.iso(issuedMin, issuedSec);
          const calledIso = clock.iso(called, between(0, 59));
          const startedIso = noShow ? null : clock.iso(started, between(0, 59));
          const endIso = noShow ? clock.iso(called + 3, between(0, 59)) : clock.iso(finished, between(0, 59));
          insTicket.run(id, dayText, g.code, seq, g.prefix, seq, number, g.code, g.name, noShow ? 'no_show' : 'done', g.purpose ?? 'submit', issuedIso, calledIso, startedIso, noShow ? null : endIso, counter, `t${ord}`, ord);
          ord++;
        }
      }
    })();
  }

  if (process.env.SEED_TRACE) console.log('tickets', Date.now() - started);
  // ---------- what follows from those rows, set-based (seed-year-derived.ts) ----------
  const derived = derivedRowsSql({ recentIso: clock.iso(nowMin - 15 * 60), backlogFrom: clock.iso(nowMin - 2 * DAY_MIN) });
  db.transaction(() => {
    for (const statement of derived) {
      const t = Date.now();
      db.exec(statement);
      if (process.env.SEED_TRACE) console.log(Date.now() - t, statement.trim().slice(0, 70));
    }
  })();
  if (process.env.SEED_TRACE) console.log('derived', Date.now() - started);

  db.transaction(() => {
    for (const i of indexes) {
      const t = Date.now();
      db.exec(i.sql);
      if (process.env.SEED_TRACE) console.log(Date.now() - t, i.name);
    }
    for (const t of triggers) db.exec(t.sql);
    db.prepare(`INSERT OR REPLACE INTO sync_state (key, value) VALUES ('lastSuccessAt', ?)`).run(clock.iso(nowMin - 2 * DAY_MIN - 5));
  })();

  if (process.env.SEED_TRACE) console.log('outbox', Date.now() - started);
  db.pragma(`synchronous = ${saved.sync as number}`);
  db.pragma(`cache_size = ${saved.cache as number}`);
  db.pragma(`foreign_keys = ${saved.fk as number}`);
  db.pragma(`temp_store = ${saved.temp as number}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    from,
    to,
    now: new Date(nowIso),
    dossiers: dossierNo,
    pages: pageNo,
    tickets: ord,
    clerks,
    counters,
    agencies: agencies.map((a) => a.code),
    ms: Date.now() - started,
  };
}
