/**
 * The reception draft as kept by the core (reception.saveDraft): the dossier being received and the step the
 * clerk was at, as JSON text. Files are left out (their uploads may be swept by the core before the draft comes
 * back); how many there were is kept so the clerk is told to attach them again. Reading it back trusts nothing:
 * every field is checked against the empty draft's shape, and anything unreadable is no draft at all.
 */
import { formatLocalDateTime } from '../../../../core/domain/calendar/local-datetime';
import { vietnamLocal } from '../../../../core/domain/time/vietnam';
import { emptyDraft, emptyPerson, isBlankPerson, STEPS, type Draft, type PersonDraft, type StepId } from './draft';

const VERSION = 1;

export interface SavedDraft {
  draft: Draft;
  step: StepId;
  /** Files attached before the draft was saved, not kept in it. */
  droppedFiles: number;
}

export function serialiseDraft(draft: Draft, step: StepId): string {
  return JSON.stringify({ v: VERSION, step, droppedFiles: draft.attachments.length, draft: { ...draft, attachments: [] } });
}

/** Nothing worth keeping: no applicant, no procedure, nothing typed on the review step. */
export function isBlankDraft(d: Draft): boolean {
  return isBlankPerson(d.applicant) && isBlankPerson(d.submitter) && d.procedure === null && d.checklist.length === 0 && d.attachments.length === 0 && !d.summary.trim() && !d.returnAddress.trim() && !d.ticket.trim();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps each field of `base` whose saved value has the same type; the rest stay as in base. */
function sameShape<T extends object>(base: T, saved: unknown): T {
  if (!isObject(saved)) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(base)) {
    const got = saved[k];
    if (got !== undefined && typeof got === typeof v && Array.isArray(got) === Array.isArray(v)) out[k] = got;
  }
  return out as T;
}

function person(saved: unknown): PersonDraft {
  const p = sameShape(emptyPerson(), saved);
  return {
    ...p,
    kind: p.kind === 'organisation' ? 'organisation' : 'citizen',
    gender: p.gender === 'male' || p.gender === 'female' ? p.gender : '',
  };
}

export function parseSavedDraft(text: string): SavedDraft | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(raw) || raw.v !== VERSION || !isObject(raw.draft)) return null;
  const saved = raw.draft;
  const base = sameShape(emptyDraft(), saved);
  const procedure = isObject(saved.procedure) && typeof saved.procedure.code === 'string' && typeof saved.procedure.agencyCode === 'string' ? (saved.procedure as unknown as Draft['procedure']) : null;
  const checklist = procedure && Array.isArray(saved.checklist) ? (saved.checklist.filter((r) => isObject(r) && typeof r.key === 'string' && typeof r.itemCode === 'string') as unknown as Draft['checklist']) : [];
  const scan = isObject(saved.scan) && typeof saved.scan.idNumber === 'string' && typeof saved.scan.text === 'string' && Array.isArray(saved.scan.warnings) ? (saved.scan as unknown as Draft['scan']) : null;
  const draft: Draft = {
    ...base,
    applicant: person(saved.applicant),
    submitter: person(saved.submitter),
    scan,
    procedure,
    checklist,
    attachments: [],
    resultReturn: saved.resultReturn === 'post' ? 'post' : 'counter',
  };
  const step = STEPS.includes(raw.step as StepId) ? (raw.step as StepId) : 'applicant';
  const droppedFiles = typeof raw.droppedFiles === 'number' && Number.isInteger(raw.droppedFiles) && raw.droppedFiles > 0 ? raw.droppedFiles : 0;
  return { draft, step, droppedFiles };
}

/** An instant (ISO) as Vietnam's wall clock 'YYYY-MM-DDTHH:mm', whatever the machine's time zone. */
export function vietnamWallClock(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : formatLocalDateTime(vietnamLocal(at));
}
