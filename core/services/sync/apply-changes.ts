/**
 * Applies a change pulled from the central server, once per cursor (sync_changes), and says what it changed:
 * result_ready and supplement_requested go through the dossier state machine (as the central system's actor,
 * audited); catalogue and calendar updates go through their services' own import paths and their diff is recorded
 * ("visible diff"). The change and its sync_changes row are one transaction, so a crash never applies it twice; a
 * change that fails is rolled back, recorded as failed with its Vietnamese reason, and never blocks later ones.
 */
import type { AppliedChange } from '../../contract/sync';
import { changeSchema, type Change } from '../../contract/central-api';
import { AppError } from '../../contract/errors';
import type { OfficialCalendar } from '../../domain/calendar/official-calendar';
import { parseCatalogue } from '../../domain/catalogue/validate';
import { assertTransition, type DossierState } from '../../domain/dossier/states';
import { calendarDiff, catalogueDiff, type DiffLine } from '../../domain/sync/change-diff';
import { errorMessage, t } from '../../i18n/translate';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { inTransaction, type Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { DossierService } from '../dossiers/dossier-service';
import { insertTransition } from '../dossiers/transitions';

export interface ChangeApplierDeps {
  db: Db;
  audit: AuditLog;
  dossiers: DossierService;
  catalogue: CatalogueService;
  calendar: CalendarService;
  logger: Logger;
  clock: Clock;
}

export interface ChangeApplier {
  /** Applies one change (or returns what it did the first time, for a cursor seen before). Never throws for a bad change: outcome 'failed'. */
  apply(change: Change): AppliedChange;
  /** Newest first. */
  list(limit: number): AppliedChange[];
}

/** Who moves dossiers and loads catalogues on the central system's word (history rows read "system:central"). */
export const CENTRAL_ACTOR: Actor = { kind: 'system', name: 'central', role: 'admin' };

interface ChangeRow {
  cursor: string;
  kind: AppliedChange['kind'];
  at: string;
  applied_at: string;
  dossier_id: string | null;
  dossier_code: string | null;
  outcome: AppliedChange['outcome'];
  diff: string;
  error_code: string | null;
  error_message: string | null;
}

interface Outcome {
  outcome: AppliedChange['outcome'];
  lines: DiffLine[];
  error: AppError | null;
}

const applied = (lines: DiffLine[]): Outcome => ({ outcome: 'applied', lines, error: null });
const skipped = (error: AppError): Outcome => ({ outcome: 'skipped', lines: [], error });

const toApplied = (r: ChangeRow): AppliedChange => ({
  cursor: r.cursor,
  kind: r.kind,
  at: r.at,
  appliedAt: r.applied_at,
  dossierId: r.dossier_id,
  dossierCode: r.dossier_code,
  outcome: r.outcome,
  diff: JSON.parse(r.diff) as string[],
  error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
});

/** Catalogue data may say how it is meant: 'merge' adds and changes; 'replace' (default) makes it the whole catalogue. */
function catalogueMode(data: Record<string, unknown>): 'merge' | 'replace' {
  return data.mode === 'merge' ? 'merge' : 'replace';
}

export function createChangeApplier(deps: ChangeApplierDeps): ChangeApplier {
  const { db } = deps;
  const seen = db.prepare<[string], ChangeRow>('SELECT * FROM sync_changes WHERE cursor = ?');
  const record = db.prepare(
    `INSERT INTO sync_changes (cursor, kind, at, applied_at, dossier_id, dossier_code, outcome, diff, error_code, error_message)
     VALUES (@cursor, @kind, @at, @applied_at, @dossier_id, @dossier_code, @outcome, @diff, @error_code, @error_message)`,
  );

  function moveDossier(change: Extract<Change, { kind: 'result_ready' | 'supplement_requested' }>): Outcome {
    const row = db
      .prepare<[string], { id: string; code: string | null; state: DossierState }>('SELECT id, code, state FROM dossiers WHERE id = ?')
      .get(change.dossierId);
    const code = row?.code ?? change.dossierCode;
    if (!row) return skipped(new AppError('SYNC_CHANGE_DOSSIER_UNKNOWN', { code }));
    const to: DossierState = change.kind;
    if (row.state === to) return skipped(new AppError('SYNC_CHANGE_ALREADY', { code, state: to }));
    // result_ready only from received or sent_to_agency; a supplement request from the same two (states.ts).
    assertTransition(row.state, to);
    const at = deps.clock.now().toISOString();
    const data: Record<string, unknown> =
      change.kind === 'result_ready'
        ? { source: 'central', cursor: change.cursor, reportedAt: change.at, note: change.data.note ?? null }
        : {
            source: 'central',
            cursor: change.cursor,
            // When the central system recorded it; the history row's own time is when it reached this counter.
            reportedAt: change.at,
            reason: change.data.reason,
            // The same shape as a supplement requested at the desk (dossier-service.ts), so forms and screens read it alike.
            items: (change.data.items ?? []).map((name) => ({ itemCode: null, name, reason: change.data.reason })),
            note: change.data.reason,
          };
    db.prepare('UPDATE dossiers SET state = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(to, at, actorLabel(CENTRAL_ACTOR), row.id);
    insertTransition(db, CENTRAL_ACTOR, { dossierId: row.id, from: row.state, to, at, data });
    deps.audit.append(CENTRAL_ACTOR, { action: `dossier.${to}`, entity: 'dossier', entityId: row.id, data: { from: row.state, to, ...data } });
    const from = t(`dossier.states.${row.state}`);
    if (change.kind === 'result_ready') return applied([{ key: 'syncChanges.resultReady', params: { code, from } }]);
    return applied([
      { key: 'syncChanges.supplementRequested', params: { code, from, reason: change.data.reason } },
      ...(change.data.items ?? []).map((item) => ({ key: 'syncChanges.supplementItem', params: { item } })),
    ]);
  }

  function loadCatalogue(data: Record<string, unknown>): Outcome {
    const mode = catalogueMode(data);
    const { mode: _mode, ...file } = data;
    const parsed = parseCatalogue(file);
    if (!parsed.catalogue || parsed.errors.length > 0) {
      const first = parsed.errors[0];
      throw new AppError('SYNC_CHANGE_CATALOGUE_REJECTED', {
        count: parsed.errors.length,
        sheet: first?.sheet ?? '',
        row: first?.row ?? 0,
        first: first ? errorMessage(first.code, first.params).slice(0, 300) : '',
      });
    }
    const before = {
      agencies: new Map(deps.catalogue.agencies().map((a) => [a.code, { name: a.name }])),
      procedures: new Map(
        db
          .prepare<[], { agency_code: string; code: string; name: string; data: string }>('SELECT agency_code, code, name, data FROM procedures')
          .all()
          .map((p) => [`${p.agency_code}\u0000${p.code}`, { json: p.data, name: p.name, code: p.code, agencyCode: p.agency_code }]),
      ),
    };
    deps.catalogue.store(CENTRAL_ACTOR, parsed.catalogue, mode);
    return applied(catalogueDiff(before, parsed.catalogue, mode));
  }

  function loadCalendar(data: Record<string, unknown>): Outcome {
    const before = deps.calendar.config().official as OfficialCalendar | null;
    const after = deps.calendar.setOfficial(CENTRAL_ACTOR, data).official as OfficialCalendar | null;
    return applied(calendarDiff(before, after));
  }

  function run(change: Change): Outcome {
    switch (change.kind) {
      case 'result_ready':
      case 'supplement_requested':
        return moveDossier(change);
      case 'catalogue':
        return loadCatalogue(change.data);
      case 'calendar':
        return loadCalendar(change.data);
    }
  }

  function store(change: { cursor: string; kind: AppliedChange['kind']; at: string; dossierId?: string; dossierCode?: string }, o: Outcome): AppliedChange {
    const row: ChangeRow = {
      cursor: change.cursor,
      kind: change.kind,
      at: change.at,
      applied_at: deps.clock.now().toISOString(),
      dossier_id: change.dossierId ?? null,
      dossier_code: change.dossierCode ?? null,
      outcome: o.outcome,
      diff: JSON.stringify(o.lines.map((l) => t(l.key, l.params))),
      error_code: o.error?.code ?? null,
      error_message: o.error ? errorMessage(o.error.code, o.error.params) : null,
    };
    record.run(row);
    return toApplied(row);
  }

  const failure = (e: unknown): AppError =>
    e instanceof AppError ? e : new AppError('SYNC_CHANGE_FAILED', { reason: e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300) });

  return {
    apply(input) {
      const cursor = typeof (input as { cursor?: unknown })?.cursor === 'string' ? (input as { cursor: string }).cursor : null;
      const parsed = changeSchema.safeParse(input);
      if (!parsed.success || cursor === null) {
        // A change the protocol cannot describe: recorded (when it has a cursor) so the pull moves on and people see it.
        const reason = parsed.success ? 'cursor' : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ').slice(0, 300);
        const error = new AppError('SYNC_CHANGE_INVALID', { reason });
        deps.logger.warn('sync change invalid', { cursor, reason });
        const raw = input as { kind?: unknown; at?: unknown };
        const kind = (['result_ready', 'supplement_requested', 'catalogue', 'calendar'] as const).find((k) => k === raw?.kind) ?? 'catalogue';
        const o: Outcome = { outcome: 'failed', lines: [], error };
        if (cursor === null) return { cursor: '', kind, at: '', appliedAt: deps.clock.now().toISOString(), dossierId: null, dossierCode: null, outcome: 'failed', diff: [], error: { code: error.code, message: errorMessage(error.code, error.params) } };
        return inTransaction(db, () => {
          const before = seen.get(cursor);
          return before ? toApplied(before) : store({ cursor, kind, at: typeof raw.at === 'string' ? raw.at : '' }, o);
        });
      }
      const change = parsed.data;
      const ids = 'dossierId' in change ? { dossierId: change.dossierId, dossierCode: change.dossierCode } : {};
      try {
        return inTransaction(db, () => {
          const before = seen.get(change.cursor);
          if (before) return toApplied(before);
          return store({ cursor: change.cursor, kind: change.kind, at: change.at, ...ids }, run(change));
        });
      } catch (e) {
        // The change rolled back whole; its failure is recorded on its own (unless another process recorded it meanwhile).
        const error = failure(e);
        if (!(e instanceof AppError)) deps.logger.error('sync change failed', { cursor: change.cursor, kind: change.kind, error: String(e) });
        return inTransaction(db, () => {
          const before = seen.get(change.cursor);
          return before ? toApplied(before) : store({ cursor: change.cursor, kind: change.kind, at: change.at, ...ids }, { outcome: 'failed', lines: [], error });
        });
      }
    },
    list(limit) {
      return db.prepare<[number], ChangeRow>('SELECT * FROM sync_changes ORDER BY applied_at DESC, rowid DESC LIMIT ?').all(limit).map(toApplied);
    },
  };
}
