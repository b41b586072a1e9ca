/**
 * Reception: the counter clerk turns a paper dossier into a recorded one with a few keys. One screen, five steps
 * shown as a stepper (applicant, procedure, checklist, attachments, review), then the result with its slips.
 * A CCCD scan is caught anywhere on the screen. Nothing typed is lost when a call fails: errors appear beside the
 * field they name (the clerk is taken there) or at the top.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DossierView } from '../../../../core/contract/dossiers';
import type { MethodOutput } from '../../../../core/contract/index';
import { useAnnouncer } from '../../a11y/Announcer';
import { api, ApiError } from '../../bridge';
import { FormError } from '../../components/FormError';
import { ScreenPage } from '../../components/ScreenPage';
import { describeError } from '../../i18n/error-text';
import { currentLocale } from '../../i18n/setup';
import { useScanHandler } from '../../input/scan-handlers';
import type { RoutedScan } from '../../input/scan-router';
import { useSession } from '../../session/session-context';
import { ApplicantStep, type ScanState } from './ApplicantStep';
import { ChecklistStep } from './ChecklistStep';
import { setReceptionCommandHandler, type ReceptionCommand } from './commands';
import { RefuseDialog, SupplementDialog, type SupplementDraft, type SupplementLine } from './DecisionDialogs';
import { DocumentsStep } from './DocumentsStep';
import { DoneView } from './DoneView';
import {
  applyQr,
  buildIntake,
  checkAll,
  clearApplicant,
  hasApplicant,
  checkStep,
  emptyDraft,
  extraRow,
  localField,
  missingRequired,
  prepareForProcedure,
  receiveInput,
  stepOfField,
  STEPS,
  type AttachmentDraft,
  type ChecklistRow,
  type Decision,
  type Draft,
  type PersonDraft,
  type Problems,
  type SentIndex,
  type StepId,
} from './draft';
import { formatBytes, formatLocalDateTime } from './format';
import { ProcedureStep } from './ProcedureStep';
import { isBlankDraft, parseSavedDraft, serialiseDraft, vietnamWallClock } from './saved-draft';
import { usePrintingSettings } from '../printing/printing-settings';
import { useReceptionTicket } from '../queue/useReceptionTicket';
import { refusalDetail } from './scan-refusal';
import { WorkingHoursNotice } from './WorkingHoursNotice';
import { ReviewStep, type MissingItem } from './ReviewStep';
import { Stepper } from './Stepper';
import './reception.css';

type Agency = MethodOutput<'catalogue.agencies'>[number];

const AGENCY_KEY = 'motcua.reception.agency';
/** The draft is sent to the core this long after the last change. */
const DRAFT_SAVE_MS = 600;
/** Focus request resolved after the render: the first control of the step then on screen. */
const DEFAULT_FOCUS = '\u0000default';

function rememberedAgency(): string | null {
  try {
    return localStorage.getItem(AGENCY_KEY);
  } catch {
    return null;
  }
}

function rememberAgency(code: string): void {
  try {
    localStorage.setItem(AGENCY_KEY, code);
  } catch {
    /* not remembered; still used */
  }
}

interface Kept {
  userId: number | null;
  draft: Draft;
  step: StepId;
  done: DossierView | null;
}
/** The dossier in progress survives a visit to another screen (same user only). */
let kept: Kept | null = null;
let seq = 0;
const nextKey = (prefix: string) => `${prefix}-${++seq}`;

function isMissingList(v: unknown): v is MissingItem[] {
  return Array.isArray(v) && v.every((m) => typeof m === 'object' && m !== null && typeof (m as MissingItem).itemCode === 'string');
}

export function ReceptionScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const announce = useAnnouncer();
  const stepHeadingId = useId();
  const userId = user?.id ?? null;
  const restored = kept && kept.userId === userId ? kept : null;

  const [draft, setDraft] = useState<Draft>(() => restored?.draft ?? emptyDraft(rememberedAgency() ?? ''));
  const [step, setStep] = useState<StepId>(restored?.step ?? 'applicant');
  const [done, setDone] = useState<DossierView | null>(restored?.done ?? null);
  /** The dossier just received here with a receipt printer at the counter: its slips print by themselves. */
  const [autoPrintId, setAutoPrintId] = useState<string | null>(null);
  const receiptPrinter = usePrintingSettings()?.receipt?.uri ?? null;
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [scan, setScan] = useState<ScanState>({ busy: false, error: null });
  const [loadingProcedure, setLoadingProcedure] = useState(false);
  const [busy, setBusy] = useState<Decision | null>(null);
  const [incomplete, setIncomplete] = useState<MissingItem[] | null>(null);
  const [dialog, setDialog] = useState<'supplement' | 'refuse' | null>(null);
  const [dialogErrors, setDialogErrors] = useState<Record<string, string>>({});
  const [refuseReason, setRefuseReason] = useState('');
  /** The request to supplement as written so far; null until first opened (then built from what is missing). */
  const [supplement, setSupplement] = useState<SupplementDraft | null>(null);
  const [visited, setVisited] = useState<ReadonlySet<StepId>>(() => new Set([restored?.step ?? 'applicant']));
  /** The draft came back from the core after a reload (or from another browser of this clerk). */
  const [restoredNotice, setRestoredNotice] = useState<{ savedAt: string; droppedFiles: number } | null>(null);
  /** The core's draft has been read (or there is a newer one on screen): saving may start. */
  const draftLoaded = useRef(restored !== null);
  /** What the core holds: the saved text, null for no draft, undefined when unknown (a call failed). */
  const lastSaved = useRef<string | null | undefined>(undefined);
  /** Where focus goes after the next render (a step change first has to put the field on screen). */
  const pendingFocus = useRef<string | null>(null);

  // Latest values for handlers called from outside React's render (shortcuts, scanner).
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);

  useEffect(() => {
    kept = { userId, draft, step, done };
  }, [userId, draft, step, done]);

  // The ticket called at this counter fills the ticket field (and an empty applicant); a decision finishes it.
  const queueTicket = useReceptionTicket(setDraft, done !== null);

  // The clerk's draft kept by the core comes back after a reload, unless work has started on screen meanwhile.
  useEffect(() => {
    if (draftLoaded.current) return;
    let cancelled = false;
    api.call('reception.getDraft').then(
      (saved) => {
        if (cancelled) return;
        draftLoaded.current = true;
        const parsed = saved ? parseSavedDraft(saved.data) : null;
        // A ticket filled from the queue meanwhile is not work on screen (the saved draft still comes back).
        if (!saved || !parsed || isBlankDraft(parsed.draft) || !isBlankDraft({ ...draftRef.current, ticket: '' })) return;
        lastSaved.current = saved.data;
        setDraft({ ...parsed.draft, agencyCode: parsed.draft.agencyCode || draftRef.current.agencyCode, ticket: parsed.draft.ticket || draftRef.current.ticket });
        setStep(parsed.step);
        setVisited(new Set(STEPS.slice(0, STEPS.indexOf(parsed.step) + 1)));
        setRestoredNotice({ savedAt: saved.savedAt, droppedFiles: parsed.droppedFiles });
        announce(t('reception.draft.restoredAnnounce'));
      },
      () => {
        if (!cancelled) draftLoaded.current = true;
      },
    );
    return () => {
      cancelled = true;
    };
  }, [announce, t]);

  // Saved (debounced) while the dossier is being worked on; a blank form keeps nothing.
  useEffect(() => {
    if (!draftLoaded.current || done) return;
    const timer = setTimeout(() => {
      const data = isBlankDraft(draft) ? null : serialiseDraft(draft, step);
      if (data === lastSaved.current) return;
      lastSaved.current = data;
      const call = data === null ? api.call('reception.discardDraft') : api.call('reception.saveDraft', { data });
      call.catch(() => {
        lastSaved.current = undefined; // try again on the next change
      });
    }, DRAFT_SAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, step, done]);

  const forgetDraft = () => {
    lastSaved.current = null;
    setRestoredNotice(null);
    api.call('reception.discardDraft').catch(() => {
      lastSaved.current = undefined;
    });
  };

  // Agencies once; the remembered choice is kept only if it still exists.
  useEffect(() => {
    let cancelled = false;
    api.call('catalogue.agencies').then(
      (list) => {
        if (cancelled) return;
        setAgencies(list);
        setDraft((d) => {
          if (d.agencyCode && list.some((a) => a.code === d.agencyCode)) return d;
          return { ...d, agencyCode: list.length === 1 ? list[0]!.code : '' };
        });
      },
      (e: unknown) => !cancelled && setTopError(describeError(t, e).text),
    );
    return () => {
      cancelled = true;
    };
  }, [t]);

  // Move focus once the target is on screen, before the browser paints or takes the next key. Runs after every
  // render; most renders have nothing to do.
  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (wanted === null) return;
    pendingFocus.current = null;
    const key = wanted === DEFAULT_FOCUS ? defaultFocus(step, draft) : wanted;
    const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`);
    if (el) el.focus();
    else document.getElementById(stepHeadingId)?.focus();
  });

  const [, setFocusTick] = useState(0);
  const focusField = (key: string) => {
    pendingFocus.current = key;
    setFocusTick((n) => n + 1); // make sure a render (and so the effect) follows
  };

  const clearErrors = (...keys: string[]) => {
    const drop = <T,>(o: Record<string, T>) => {
      if (!keys.some((k) => k in o)) return o;
      const copy = { ...o };
      for (const k of keys) delete copy[k];
      return copy;
    };
    setProblems(drop);
    setServerErrors(drop);
  };

  const errorOf = (key: string): string | undefined => {
    const p = problems[key];
    if (p) return t(`reception.validation.${p.message}`, p.params ?? {});
    return serverErrors[key];
  };

  const goTo = (s: StepId, focusKey?: string) => {
    setStep(s);
    setVisited((v) => (v.has(s) ? v : new Set([...v, s])));
    focusField(focusKey ?? DEFAULT_FOCUS);
  };

  /** Shows the problems of the steps checked; sends the clerk to the first one. */
  const showProblems = (found: Problems, checked: readonly StepId[]) => {
    setProblems((old) => {
      const others = Object.fromEntries(Object.entries(old).filter(([k]) => !checked.includes(stepOfField(k))));
      return { ...others, ...found };
    });
    const first = STEPS.flatMap((s) => Object.keys(found).filter((k) => stepOfField(k) === s))[0];
    if (first === undefined) return false;
    const s = stepOfField(first);
    const text = t('reception.validation.summary', { step: t(`reception.steps.${s}`) });
    announce(text, 'assertive');
    goTo(s, first);
    return true;
  };

  const next = () => {
    const found = checkStep(step, draft);
    if (showProblems(found, [step])) return;
    const i = STEPS.indexOf(step);
    const to = STEPS[i + 1];
    if (to) goTo(to);
  };

  // ---------- editing ----------

  const update = (patch: Partial<Draft>, ...errorKeys: string[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (errorKeys.length) clearErrors(...errorKeys);
  };

  const onPerson = (prefix: 'applicant' | 'submitter', field: keyof PersonDraft, value: string) => {
    setDraft((d) => ({ ...d, [prefix]: { ...d[prefix], [field]: value } }));
    clearErrors(`${prefix}.${field}`);
    setTopError(null);
  };

  const onRow = (key: string, patch: Partial<ChecklistRow>) => {
    setDraft((d) => ({ ...d, checklist: d.checklist.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
    clearErrors(...Object.keys(patch).map((p) => `checklist.${key}.${p}`));
    setIncomplete(null);
    setSupplement(null); // what is missing changed: the request is written afresh
  };

  const onAgency = (code: string) => {
    rememberAgency(code);
    update({ agencyCode: code });
  };

  const pickProcedure = async (hit: { agencyCode: string; code: string }) => {
    setLoadingProcedure(true);
    try {
      const p = await api.call('catalogue.get', { agencyCode: hit.agencyCode, code: hit.code });
      setDraft((d) => prepareForProcedure(d, p));
      clearErrors('procedure');
      setIncomplete(null);
      announce(t('reception.procedure.chosenAnnounce', { name: p.name }));
      goTo('checklist');
    } catch (e) {
      const shown = describeError(t, e);
      setServerErrors((old) => ({ ...old, procedure: shown.text }));
      announce(shown.text, 'assertive');
    } finally {
      setLoadingProcedure(false);
    }
  };

  const tickRequired = () =>
    setDraft((d) => ({ ...d, checklist: d.checklist.map((r) => (r.required && !r.received ? { ...r, received: true } : r)) }));

  const addExtra = () => {
    const row = extraRow(nextKey('extra'));
    setDraft((d) => ({ ...d, checklist: [...d.checklist, row] }));
    focusField(`checklist.${row.key}.name`);
  };

  const removeExtra = (key: string) => {
    setDraft((d) => ({ ...d, checklist: d.checklist.filter((r) => r.key !== key), attachments: d.attachments.filter((a) => a.rowKey !== key) }));
    focusField('checklist-add');
  };

  const addFiles = (files: Omit<AttachmentDraft, 'key'>[]) => {
    setDraft((d) => ({ ...d, attachments: [...d.attachments, ...files.map((f) => ({ ...f, key: nextKey('file') }))] }));
    for (const f of files) announce(t('reception.documents.added', { name: f.fileName, size: formatBytes(f.bytes, currentLocale() === 'vi') }));
  };

  const removeFile = (key: string) => {
    const f = draftRef.current.attachments.find((a) => a.key === key);
    setDraft((d) => ({ ...d, attachments: d.attachments.filter((a) => a.key !== key) }));
    if (f) {
      announce(t('reception.documents.removed', { name: f.fileName }));
      focusField(`documents.${f.rowKey}`);
    }
  };

  // ---------- the applicant's card ----------

  const startNew = () => {
    const agencyCode = draftRef.current.agencyCode;
    setDraft({ ...emptyDraft(agencyCode), ticket: '' });
    setDone(null);
    setProblems({});
    setServerErrors({});
    setTopError(null);
    setScan({ busy: false, error: null });
    setIncomplete(null);
    setDialog(null);
    setRefuseReason('');
    setSupplement(null);
    setVisited(new Set(['applicant']));
    setStep('applicant');
    setRestoredNotice(null);
    focusField('step-heading');
  };

  /**
   * A scan that cannot be used: the previous applicant never stays in place silently. The fields are emptied and
   * the refusal says so (assertive), with the reason in the clerk's language.
   */
  const refuseScan = (e: unknown) => {
    const shown = describeError(t, e);
    const detail = e instanceof ApiError ? refusalDetail(e.code, e.params, t, (key) => i18n.exists(key)) : null;
    if (done) startNew();
    const cleared = hasApplicant(draftRef.current);
    setDraft((d) => clearApplicant(d));
    clearErrors(...Object.keys({ ...problems, ...serverErrors }).filter((k) => k.startsWith('applicant.')));
    setScan({ busy: false, error: { text: shown.text, detail, cleared } });
    announce(cleared ? `${shown.text} ${t('reception.scan.cleared')}` : shown.text, 'assertive');
    if (step !== 'applicant' || done) goTo('applicant', 'step-heading');
  };

  const readQr = async (text: string) => {
    if (busy || dialog) return;
    setScan({ busy: true, error: null });
    try {
      const parsed = await api.call('applicants.parseQr', { text });
      if (done) startNew();
      setDraft((d) => applyQr(d, parsed, text));
      clearErrors(...Object.keys({ ...problems, ...serverErrors }).filter((k) => k.startsWith('applicant.')));
      setScan({ busy: false, error: null });
      setTopError(null);
      announce(t('reception.scan.filled', { name: parsed.fullName }));
      goTo('applicant', 'applicant.phone');
    } catch (e) {
      refuseScan(e);
    }
  };

  /** A receipt QR scanned here opens its dossier (the draft in progress is kept for when the clerk comes back). */
  const openReceipt = async (text: string) => {
    setScan({ busy: true, error: null });
    try {
      const view = await api.call('dossiers.lookup', { text });
      setScan({ busy: false, error: null });
      announce(t('dossiersUi.lookup.opened', { code: view.code ?? view.id }));
      void navigate(`/dossiers?id=${encodeURIComponent(view.id)}`);
    } catch (e) {
      refuseScan(e);
    }
  };

  // Every scan on this screen (keyboard wedge or HID POS): a receipt opens its dossier, anything else is read as a
  // card (a wrong code is refused with the reason). While a decision is being sent the scan is not taken.
  useScanHandler(['cccd', 'receipt', 'other'], (s: RoutedScan) => {
    if (busy || dialog) return false;
    if (s.kind === 'receipt') void openReceipt(s.text);
    else void readQr(s.text);
    return true;
  });

  // ---------- decisions ----------


  const finish = (view: DossierView) => {
    forgetDraft(); // decided: nothing left to come back to
    // The queue ticket served becomes this dossier (queue.finish); a failure there does not undo the decision.
    void queueTicket.finishTicket(draftRef.current.ticket, view.id).then((problem) => {
      if (problem) {
        setTopError(problem);
        announce(problem, 'assertive');
      }
    });
    setDone(view);
    setBusy(null);
    setDialog(null);
    setIncomplete(null);
    setProblems({});
    setServerErrors({});
    setTopError(null);
    if (view.state === 'received') {
      announce(t('reception.done.announceReceived', { code: view.code ?? '', due: formatLocalDateTime(view.due) }));
    } else {
      announce(t('reception.done.announceOther', { state: t(`dossier.states.${view.state}`), code: view.code ?? '' }));
    }
  };

  /** Routes a failed call: beside its field (taking the clerk there), or at the top. Returns the field key, if any. */
  const showServerError = (e: unknown, sent: SentIndex): string | null => {
    const shown = describeError(t, e);
    const key = localField(shown.field, sent);
    if (key) {
      const text = shown.code === 'RPC_INVALID_INPUT' ? t('reception.validation.invalidValue') : shown.text;
      setServerErrors((old) => ({ ...old, [key]: text }));
      announce(text, 'assertive');
      goTo(stepOfField(key), key);
      return key;
    }
    setTopError(shown.text);
    return null;
  };

  const validateFor = (decision: Decision): boolean => !showProblems(checkAll(draftRef.current, decision), STEPS);

  const receive = async () => {
    if (busy || done) return;
    if (!validateFor('receive')) return;
    const { input, sent } = receiveInput(draftRef.current);
    setBusy('receive');
    setTopError(null);
    setIncomplete(null);
    try {
      // The pages scanned in the Documents step wait in this clerk's tray: the new dossier takes them.
      const view = await api.call('dossiers.receive', { ...input, trayPages: true });
      if (receiptPrinter) setAutoPrintId(view.id); // receive and print
      finish(view);
    } catch (e) {
      setBusy(null);
      if (e instanceof ApiError && e.code === 'DOSSIER_CHECKLIST_INCOMPLETE') {
        const missing = isMissingList(e.details) ? e.details : [];
        setIncomplete(missing);
        announce(describeError(t, e).text, 'assertive');
        goTo('review', 'incomplete');
        return;
      }
      showServerError(e, sent);
    }
  };

  const supplementLines = (): SupplementLine[] => {
    const fromCore = incomplete ?? missingRequired(draft.checklist).map((m) => ({ itemCode: m.row.itemCode, name: m.row.name, reason: m.reason }));
    return fromCore.map((m) => ({
      key: `item-${m.itemCode}`,
      itemCode: m.itemCode,
      name: m.name,
      reason: t(m.reason === 'failed' ? 'reception.supplementDialog.failedReason' : 'reception.supplementDialog.absentReason', { name: m.name }),
    }));
  };

  const openDecision = (decision: Decision) => {
    if (busy || done) return;
    if (decision === 'receive') {
      void receive();
      return;
    }
    if (!validateFor(decision)) return;
    setDialogErrors({});
    if (decision === 'supplement' && supplement === null) setSupplement({ lines: supplementLines(), note: '' });
    setDialog(decision);
  };

  const requestSupplement = async ({ lines, note }: SupplementDraft) => {
    const { input, sent } = buildIntake(draftRef.current);
    setBusy('supplement');
    setDialogErrors({});
    try {
      finish(
        await api.call('dossiers.requestSupplement', {
          ...input,
          trayPages: true,
          items: lines.map((l) => (l.itemCode ? { itemCode: l.itemCode, reason: l.reason.trim() } : { name: l.name.trim(), reason: l.reason.trim() })),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
    } catch (e) {
      setBusy(null);
      const shown = describeError(t, e);
      const item = /^items\.(\d+)/.exec(shown.field ?? '');
      if (item) setDialogErrors({ [`items.${lines[Number(item[1])]?.key ?? ''}`]: shown.text });
      else if (shown.field === 'note') setDialogErrors({ note: shown.text });
      else if (localField(shown.field, sent)) {
        setDialog(null);
        showServerError(e, sent);
      } else setDialogErrors({ '': shown.text });
    }
  };

  const refuse = async (reason: string) => {
    const { input, sent } = buildIntake(draftRef.current);
    setBusy('refuse');
    setDialogErrors({});
    try {
      finish(await api.call('dossiers.refuse', { ...input, reason, trayPages: true }));
    } catch (e) {
      setBusy(null);
      const shown = describeError(t, e);
      if (shown.field === 'reason') setDialogErrors({ reason: shown.text });
      else if (localField(shown.field, sent)) {
        setDialog(null);
        showServerError(e, sent);
      } else setDialogErrors({ '': shown.text });
    }
  };

  // ---------- shortcuts ----------

  const commandRef = useRef<(c: ReceptionCommand) => boolean>(() => false);
  useEffect(() => {
    commandRef.current = (c) => {
      if (c === 'newDossier') {
        if (!busy) startNew();
        return true;
      }
      if (dialog || done) return false;
      void receive();
      return true;
    };
  });
  useEffect(() => setReceptionCommandHandler((c) => commandRef.current(c)), []);

  const stepIndex = STEPS.indexOf(step);
  const stepProblems = useCallback(
    (s: StepId) => Object.keys(problems).some((k) => stepOfField(k) === s) || Object.keys(serverErrors).some((k) => stepOfField(k) === s),
    [problems, serverErrors],
  );

  return (
    <ScreenPage title={t('ui.screens.reception.title')} className="rx">
      <div className="rx-top">
        <p className="screen__lead rx-top__lead">{t('reception.lead')}</p>
        <div className="rx-ticket">
          <label htmlFor={`${stepHeadingId}-ticket`} className="field__label">
            {t('reception.ticket.label')}
          </label>
          <input
            id={`${stepHeadingId}-ticket`}
            className="field__input"
            data-field="ticket"
            autoComplete="off"
            maxLength={20}
            aria-describedby={`${stepHeadingId}-ticket-hint`}
            value={draft.ticket}
            onChange={(e) => update({ ticket: e.target.value })}
          />
          <p id={`${stepHeadingId}-ticket-hint`} className="visually-hidden">
            {t('reception.ticket.hint')}
          </p>
        </div>
      </div>
      <FormError message={topError} testId="reception-error" />
      {restoredNotice && !done && (
        <div className="notice rx-draft" data-testid="draft-restored">
          <p>
            {t('reception.draft.restored', { at: formatLocalDateTime(vietnamWallClock(restoredNotice.savedAt)) })}
            {restoredNotice.droppedFiles > 0 && ` ${t('reception.draft.filesAgain', { count: restoredNotice.droppedFiles })}`}
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => {
              startNew();
              forgetDraft();
              announce(t('reception.draft.discarded'));
            }}
          >
            {t('reception.draft.discard')}
          </button>
        </div>
      )}

      {done ? (
        <DoneView dossier={done} onNew={startNew} autoPrint={autoPrintId === done.id} />
      ) : (
        <>
          <Stepper steps={STEPS} current={step} visited={visited} invalid={stepProblems} onGo={(s) => goTo(s)} />
          <section className="rx-step" aria-labelledby={stepHeadingId} data-step={step} data-testid="reception-step">
            <h2 id={stepHeadingId} tabIndex={-1} className="rx-step__title" data-field="step-heading">
              {t('reception.steps.numbered', { n: stepIndex + 1, name: t(`reception.steps.${step}`) })}
            </h2>
            {step === 'applicant' && (
              <ApplicantStep
                draft={draft}
                scan={scan}
                errorOf={errorOf}
                onPerson={onPerson}
                onSubmitterDiffers={(v) => update({ submitterDiffers: v })}
                onPasteQr={(text) => void readQr(text)}
                onNext={next}
              />
            )}
            {step === 'procedure' && (
              <ProcedureStep
                draft={draft}
                agencies={agencies}
                loadingProcedure={loadingProcedure}
                errorOf={errorOf}
                onAgency={onAgency}
                onPick={(hit) => void pickProcedure(hit)}
                onNext={next}
              />
            )}
            {step === 'checklist' && (
              <ChecklistStep
                draft={draft}
                errorOf={errorOf}
                onRow={onRow}
                onTickRequired={tickRequired}
                onAddExtra={addExtra}
                onRemoveExtra={removeExtra}
                onNext={next}
              />
            )}
            {step === 'documents' && <DocumentsStep draft={draft} errorOf={errorOf} onAdd={addFiles} onRemove={removeFile} onNext={next} />}
            {step === 'review' && (
              <ReviewStep
                draft={draft}
                agencies={agencies}
                busy={busy}
                incomplete={incomplete}
                errorOf={errorOf}
                onChange={(patch) => update(patch, ...Object.keys(patch).map((k) => (k === 'feeCollected' ? 'fees.collected' : k === 'feeConfirmed' ? 'fees.confirmed' : k)))}
                onDecide={openDecision}
                receiptPrinter={receiptPrinter}
              />
            )}
            {step === 'review' && draft.procedure && (
              <WorkingHoursNotice agencyCode={draft.procedure.agencyCode} />
            )}
            {stepIndex > 0 && (
              <div className="rx-back">
                <button type="button" className="btn" onClick={() => goTo(STEPS[stepIndex - 1]!)}>
                  {t('reception.nav.back')}
                </button>
              </div>
            )}
          </section>
        </>
      )}

      <SupplementDialog
        open={dialog === 'supplement' && supplement !== null}
        value={supplement ?? { lines: [], note: '' }}
        onValue={setSupplement}
        busy={busy === 'supplement'}
        errors={dialogErrors}
        onSubmit={(v) => void requestSupplement(v)}
        onClose={() => setDialog(null)}
      />
      <RefuseDialog
        open={dialog === 'refuse'}
        reason={refuseReason}
        onReason={setRefuseReason}
        busy={busy === 'refuse'}
        errors={dialogErrors}
        onSubmit={(r) => void refuse(r)}
        onClose={() => setDialog(null)}
      />
    </ScreenPage>
  );
}

/** Where focus goes on arriving at a step: the first thing the clerk does there. */
function defaultFocus(step: StepId, d: Draft): string {
  switch (step) {
    case 'applicant':
      return 'step-heading';
    case 'procedure':
      return 'procedure';
    case 'checklist': {
      const first = d.checklist[0];
      return first ? `checklist.${first.key}.received` : 'step-heading';
    }
    case 'documents':
      return 'step-heading';
    case 'review':
      return d.procedure && d.procedure.fees.fee + d.procedure.fees.charge > 0 ? 'fees.collected' : 'decision.receive';
  }
}
