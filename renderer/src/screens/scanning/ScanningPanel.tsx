/**
 * Scanning paper into checklist items, shared by Reception's Documents step (pages go to the clerk's tray until
 * the dossier is received) and the dossier record (pages go straight into the dossier): the scanner and its
 * settings, the items with their page counts, Start/Stop with live progress, device stops in plain words with
 * Continue, and the selected item's pages to put in order.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { CheckboxField } from '../../components/CheckboxField';
import { Panel } from '../../components/Panel';
import { describeError } from '../../i18n/error-text';
import { DevicePicker } from './DevicePicker';
import { ItemChooser } from './ItemChooser';
import { PageViewer } from './PageDialogs';
import { PageGrid, type PageActions } from './PageGrid';
import type { OcrSource, PageOcrActions } from './ocr-page';
import { groupPages, type ScanItem, type ScanPage } from './page-order';
import { ScanStatus } from './ScanStatus';
import { usePages, type PagesTarget } from './usePages';
import { CONTINUABLE, useScanJob, type JobView, type StartInput } from './useScanJob';
import { useScanSetup } from './useScanSetup';
import { useTrayOcr } from './useTrayOcr';
import { useTrayOcrFocus } from './useTrayOcrFocus';
import './scanning.css';

export interface ScanningPanelProps {
  target: PagesTarget;
  items: readonly ScanItem[];
  procedureCode: string | null;
  /** The procedure's agency, for its separator sheets (several agencies may use one procedure code). */
  agencyCode?: string | null;
  level?: 2 | 3;
  /** The dossier's OCR, for each page's badge and the clerk's answers (retry, accept, rescan). */
  ocr?: OcrSource;
  /** Open on this item (and page), e.g. from a search hit. */
  openAt?: { itemCode: string; pageId: string | null } | null;
}

const NO_PAGES: readonly ScanPage[] = [];

export function ScanningPanel({ target, items, procedureCode, agencyCode = null, level = 3, ocr, openAt = null }: ScanningPanelProps) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const pages = usePages(target);
  const inTray = !('dossierId' in target);
  useTrayOcrFocus(inTray, pages.pages?.length ?? 0);
  // A dossier's record passes its OCR in; the reception tray reads its own.
  const trayOcr = useTrayOcr(inTray && !ocr, pages.pages ?? NO_PAGES);
  const ocrSource = ocr ?? trayOcr;
  const setup = useScanSetup(procedureCode);
  const [chosen, setChosen] = useState<string | null>(openAt?.itemCode ?? null);
  const [separators, setSeparators] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [viewing, setViewing] = useState<ScanPage | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  /**
   * Start, Stop and Continue come and go (disabled, removed) as the job moves; a keyboard user on one of them is
   * taken to the one that now makes sense, once it is enabled. Focus elsewhere (the page grid) is left alone.
   */
  const focusNext = useRef<'start' | 'stop' | 'continue' | null>(null);
  const handOver = (to: 'start' | 'stop' | 'continue') => {
    const a = document.activeElement;
    if (!a || a === document.body || a === startRef.current || a === stopRef.current || a === continueRef.current) focusNext.current = to;
  };
  useEffect(() => {
    const want = focusNext.current;
    const el = want === 'start' ? startRef.current : want === 'stop' ? stopRef.current : want === 'continue' ? continueRef.current : null;
    if (el && !el.disabled) {
      focusNext.current = null;
      el.focus();
    }
  });

  const groups = groupPages(items, pages.pages ?? []);
  const group = groups.find((g) => g.itemCode === chosen) ?? groups[0] ?? null;
  const nameOf = (code: string) => groups.find((g) => g.itemCode === code)?.name ?? code;

  const onEnded = (j: JobView) => {
    pages.reload();
    handOver(CONTINUABLE.has(j.status) ? 'continue' : 'start');
    const item = nameOf(j.itemCode);
    if (j.status === 'completed') {
      announce(t('scanningUi.scan.completed', { received: j.received, item }));
      if (j.replaces && j.received > 0) {
        const old = j.replaces;
        api.call('pages.remove', { pageId: old.pageId }).then(
          () => {
            pages.reload();
            announce(t('scanningUi.scan.replaced', { position: old.position }));
          },
          (e: unknown) => setProblem(describeError(t, e).text),
        );
      }
    } else if (j.status === 'cancelled') {
      announce(t('scanningUi.scan.cancelled', { received: j.received }));
    } else {
      announce([t(`scanningUi.scan.problems.${j.status}`, { defaultValue: '' }), j.error?.message ?? t('scanningUi.scan.stopped', { received: j.received })].filter(Boolean).join(': '), 'assertive');
    }
  };
  const job = useScanJob(onEnded);
  const scanning = job.job?.status === 'scanning' || job.starting;

  const begin = async (itemCode: string, extra: Partial<StartInput> = {}, replaces: JobView['replaces'] = null, saying?: string) => {
    setProblem(null);
    if (!setup.device) {
      setProblem(t('scanningUi.scan.noDevice'));
      return;
    }
    const input: StartInput = {
      device: setup.device,
      target: 'dossierId' in target ? { dossierId: target.dossierId, itemCode } : { tray: true, itemCode },
      settings: { ...setup.settings },
      separators,
      ...extra,
    };
    announce(saying ?? t('scanningUi.scan.starting', { item: nameOf(itemCode) }));
    try {
      handOver('stop');
      await job.start(input, replaces);
      // The first scan at a counter makes its scanner the counter's default.
      if (setup.profiles && !setup.profiles.default) void setup.saveDefault().catch(() => undefined);
    } catch (e) {
      setProblem(describeError(t, e).text);
    }
  };

  const guard = async (run: () => Promise<void>): Promise<boolean> => {
    setProblem(null);
    try {
      await run();
      return true;
    } catch (e) {
      setProblem(describeError(t, e).text);
      pages.reload();
      return false;
    }
  };

  const actions: PageActions = {
    move: (page, itemCode, position) =>
      guard(async () => {
        pages.replace(await api.call('pages.move', { pageId: page.id, itemCode, position }));
        pages.reload();
        const total = (groups.find((g) => g.itemCode === itemCode)?.pages.length ?? 0) + (itemCode === page.itemCode ? 0 : 1);
        announce(itemCode === page.itemCode ? t('scanningUi.pages.movedTo', { position, total }) : t('scanningUi.pages.assigned', { item: nameOf(itemCode) }));
      }),
    rotate: (page, quarterTurns) =>
      guard(async () => {
        pages.update(await api.call('pages.rotate', { pageId: page.id, quarterTurns }));
        announce(t('scanningUi.pages.rotatedTo', { position: page.position }));
      }),
    remove: (page) =>
      guard(async () => {
        pages.replace(await api.call('pages.remove', { pageId: page.id }));
        pages.reload();
        announce(t('scanningUi.pages.removed', { position: page.position, item: nameOf(page.itemCode) }));
      }),
    keep: (page) =>
      guard(async () => {
        pages.update(await api.call('pages.keepBlank', { pageId: page.id }));
        announce(t('scanningUi.pages.kept', { position: page.position }));
      }),
    insertBefore: (page) => {
      void begin(page.itemCode, { insertAt: page.position }, null, t('scanningUi.scan.inserting', { position: page.position }));
    },
    rescan: (page) => {
      void begin(page.itemCode, { insertAt: page.position }, { pageId: page.id, position: page.position }, t('scanningUi.scan.replacing', { position: page.position }));
    },
    view: (page) => setViewing(page),
  };

  const ocrActions: PageOcrActions<ScanPage> | undefined = ocrSource && {
    of: (pageId) => ocrSource.pages?.get(pageId),
    retry: (page) =>
      void guard(async () => {
        await ocrSource.retry(page.id);
        announce(t('ocrUi.page.retried', { position: page.position }));
      }),
    accept: (page) =>
      void guard(async () => {
        await ocrSource.review(page.id, 'accept');
        announce(t('ocrUi.page.accepted', { position: page.position }));
      }),
    // Marked first (the core keeps why), then scanned again in its place the way Rescan does.
    rescan: (page) =>
      void guard(async () => {
        await ocrSource.review(page.id, 'rescan');
        actions.rescan(page);
      }),
  };

  const knownItems = groups.filter((g) => g.known);
  const loadError = pages.error ? describeError(t, pages.error).text : null;
  const shownProblem = problem ?? loadError;

  return (
    <Panel title={t('scanningUi.title')} level={level} className="scan-panel" testId="scan-panel">
      <p className="field__hint">{t('scanningUi.intro')}</p>
      <DevicePicker setup={setup} procedureCode={procedureCode} agencyCode={agencyCode} disabled={scanning} />
      {knownItems.length === 0 && groups.length === 0 ? (
        <p className="notice">{t('scanningUi.items.noItems')}</p>
      ) : (
        <ItemChooser
          groups={groups}
          value={group?.itemCode ?? ''}
          onValue={setChosen}
          onDropPage={(pageId, itemCode) => {
            const page = (pages.pages ?? []).find((p) => p.id === pageId);
            const to = groups.find((g) => g.itemCode === itemCode);
            if (page && to && page.itemCode !== itemCode) void actions.move(page, itemCode, to.pages.length + 1);
          }}
        />
      )}
      <div className="scan-controls">
        <CheckboxField label={t('scanningUi.separators.use')} checked={separators} onChecked={setSeparators} disabled={scanning} />
        <div className="button-row">
          <button
            type="button"
            className="btn btn--primary"
            ref={startRef}
            data-testid="scan-start"
            disabled={scanning || !setup.device || !group?.known}
            aria-busy={job.starting}
            onClick={() => group && void begin(group.itemCode)}
          >
            {t('scanningUi.scan.start')}
          </button>
          <button
            type="button"
            className="btn"
            ref={stopRef}
            data-testid="scan-stop"
            disabled={job.job?.status !== 'scanning' || job.stopping}
            onClick={() => void job.stop().catch((e: unknown) => setProblem(describeError(t, e).text))}
          >
            {t('scanningUi.scan.stop')}
          </button>
        </div>
      </div>
      <ScanStatus
        job={job.job}
        itemName={job.job ? nameOf(job.job.itemCode) : ''}
        stopping={job.stopping}
        onContinue={() => {
          setProblem(null);
          handOver('stop');
          job.resume().catch((e: unknown) => setProblem(describeError(t, e).text));
        }}
        onDismiss={() => {
          handOver('start');
          job.dismiss();
        }}
        continueRef={continueRef}
      />
      {shownProblem && (
        <p className="field__error" role="alert" data-testid="scan-error">
          {shownProblem}
        </p>
      )}
      {pages.pages === null && !loadError && <p className="field__hint">{t('scanningUi.pages.loading')}</p>}
      {group && pages.pages !== null && <PageGrid group={group} groups={groups} actions={actions} scanning={scanning} ocr={ocrActions} openPageId={openAt?.pageId ?? null} />}
      <PageViewer
        page={viewing}
        position={viewing ? viewing.position : 0}
        itemName={viewing ? nameOf(viewing.itemCode) : ''}
        onClose={() => setViewing(null)}
      />
    </Panel>
  );
}
