/**
 * Does each dossier's current state and code equal what its audited history says? The chain proves the history
 * was not rewritten; this proves the dossier row was not edited behind the history's back (an UPDATE of
 * dossiers.state or .code in a DB tool writes no audit row).
 *
 * History rule (see DossierService.recordTransition): every state change appends an audit row of entity 'dossier',
 * action `dossier.<to>`, whose data holds `to` (the new state); such a row that also holds `code` sets the dossier's
 * code (the creating transition does). Other dossier rows (fees, apologies, return corrections) change neither.
 */
import type { Db } from '../../store/database';

export interface DossierMismatch {
  dossierId: string;
  code: string | null;
  field: 'state' | 'code' | 'history' | 'dossier';
  expected: string | null;
  actual: string | null;
}

interface Expected {
  state: string | null;
  code: string | null;
  hasCode: boolean;
}

export function reconcileDossiers(db: Db): DossierMismatch[] {
  const expected = new Map<string, Expected>();
  const rows = db
    .prepare<[], { entity_id: string | null; action: string; data: string }>("SELECT entity_id, action, data FROM audit_log WHERE entity = 'dossier' ORDER BY id")
    .iterate();
  for (const r of rows) {
    if (r.entity_id === null || !r.action.startsWith('dossier.')) continue;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(r.data) as Record<string, unknown>;
    } catch {
      continue; // the chain check reports an unreadable row
    }
    const e = expected.get(r.entity_id) ?? { state: null, code: null, hasCode: false };
    // A transition is the row whose action names the state it records (dossier.<to>); other dossier rows
    // (fees, apologies, corrections) change neither state nor code.
    if (typeof data.to !== 'string' || r.action !== `dossier.${data.to}`) {
      expected.set(r.entity_id, e);
      continue;
    }
    e.state = data.to;
    if (Object.hasOwn(data, 'code') && (typeof data.code === 'string' || data.code === null)) {
      e.code = data.code as string | null;
      e.hasCode = true;
    }
    expected.set(r.entity_id, e);
  }

  const out: DossierMismatch[] = [];
  const seen = new Set<string>();
  for (const d of db.prepare<[], { id: string; code: string | null; state: string }>('SELECT id, code, state FROM dossiers ORDER BY rowid').iterate()) {
    seen.add(d.id);
    const e = expected.get(d.id);
    if (!e || e.state === null) {
      out.push({ dossierId: d.id, code: d.code, field: 'history', expected: null, actual: d.state });
      continue;
    }
    if (e.state !== d.state) out.push({ dossierId: d.id, code: d.code, field: 'state', expected: e.state, actual: d.state });
    if (e.hasCode && e.code !== d.code) out.push({ dossierId: d.id, code: d.code, field: 'code', expected: e.code, actual: d.code });
  }
  // Audited dossiers whose row is gone.
  for (const [id, e] of expected) {
    if (!seen.has(id)) out.push({ dossierId: id, code: e.code, field: 'dossier', expected: e.state, actual: null });
  }
  return out;
}
