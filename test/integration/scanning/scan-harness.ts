/**
 * What the scan-job tests share: a core with a received dossier and a logged-in clerk, the scan service on it (the
 * core's own when wired, else built here on the core's database with the real PageStore), a small real pipeline
 * (sharp, in process: decode, grayscale master, JPEG thumbnail) and the loopback peers.
 */
import sharp from 'sharp';
import { AppError } from '../../../core/contract/errors';
import type { Page } from '../../../core/contract/scans';
import type { Connection } from '../../../core/rpc/connection';
import type { PagePipeline, PipelineInput, PipelineOutput, SeparatorMark } from '../../../core/services/scanning/pipeline/types';
import { systemClock } from '../../../core/platform/clock';
import { PageStore, trayOwnerOf } from '../../../core/services/documents/page-store';
import { BatchLocks } from '../../../core/services/scanning/batch-locks';
import { recoverScans, type RecoveryReport } from '../../../core/services/scanning/job-recovery';
import { ScanService, type PageSource } from '../../../core/services/scanning/scan-service';
import { call, conn, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';

export const WARD = '000.27.10.H12';
/** Checklist TP1..TP4 (sample catalogue). */
export const MARITAL = '1.004873';

export interface ScanWorld {
  t: TestCore;
  clerk: Connection;
  admin: Connection;
  dossierId: string;
  dossierCode: string;
  scans: ScanService;
}

/** A real pipeline, small: sharp decodes the page (a corrupt one fails with SCAN_PAGE_UNREADABLE), keeps a gray
 *  master, a JPEG thumbnail; `separator` says which decoded pages are separator sheets (by their pixel width). */
export function sharpPipeline(opts: { separatorWidth?: Map<number, SeparatorMark>; blankWidths?: ReadonlySet<number>; calls?: number[] } = {}): PagePipeline & { seen: number[] } {
  const seen: number[] = [];
  return {
    seen,
    async process(input: PipelineInput): Promise<PipelineOutput> {
      let meta;
      let gray: Buffer;
      try {
        const img = sharp(Buffer.from(input.bytes), { failOn: 'error' });
        meta = await img.metadata();
        gray = await img.clone().grayscale().png().toBuffer();
      } catch (e) {
        throw new AppError('SCAN_PAGE_UNREADABLE', { detail: (e as Error).message });
      }
      const width = meta.width ?? 0;
      const height = meta.height ?? 0;
      seen.push(width);
      const thumb = await sharp(gray).resize({ width: 40 }).jpeg().toBuffer();
      return {
        image: { bytes: gray, mediaType: 'image/png', ext: 'png' },
        master: { bytes: gray, mediaType: 'image/png', ext: 'png' },
        thumb: { bytes: thumb, mediaType: 'image/jpeg', ext: 'jpg' },
        widthPx: width,
        heightPx: height,
        dpi: input.dpi || 300,
        rotation: 0,
        skewDeg: 0,
        deskewed: false,
        crop: null,
        blank: opts.blankWidths?.has(width) ?? false,
        inkRatio: opts.blankWidths?.has(width) ? 0 : 0.1,
        content: 'text',
        separator: opts.separatorWidth?.get(width) ?? null,
        timings: {},
      };
    },
    async close() {},
  };
}

/** Receives a dossier of the marital-status procedure (checklist TP1..TP4) as a logged-in clerk. */
export async function receivedDossier(t: TestCore): Promise<{ admin: Connection; clerk: Connection; id: string; code: string }> {
  const admin = await withAdmin(t.core);
  await call(t.core, admin, 'users.create', { username: 'clerk1', displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
  const clerk = conn(t.core);
  await call(t.core, clerk, 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' });
  const v = await call(t.core, clerk, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
  return { admin, clerk, id: v.id, code: v.code ?? '' };
}

/** Pages of one item, in position order. */
export function itemPages(pages: Page[], itemCode: string): Page[] {
  return pages.filter((p) => p.itemCode === itemCode).sort((a, b) => a.position - b.position);
}

/** Polls `check` until it holds, at most `tries` times (bounded; no timing asserted). */
export async function until(check: () => boolean, tries = 400, everyMs = 25): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error('condition not reached');
}

/**
 * The scan service over a test core's database, with the real PageStore, the pipeline and scanner given. Built the
 * way core/app.ts builds it (recovery first), so a test can also "restart" on the same data folder.
 */
export function buildScans(t: TestCore, deps: { pipeline: PagePipeline; scanner: PageSource; concurrency?: number }): { scans: ScanService; store: PageStore; recovery: RecoveryReport } {
  const core = t.core;
  const store = new PageStore({ db: core.db, filesDir: core.layout.files, audit: core.services.audit, clock: systemClock, events: core.events, logger: core.logger });
  const locks = new BatchLocks(core.layout.root);
  const scans = new ScanService({
    db: core.db,
    store,
    pipeline: deps.pipeline,
    scanner: deps.scanner,
    events: core.events,
    dossiers: core.services.dossiers,
    logger: core.logger,
    clock: systemClock,
    locks,
    trayOwnerOf,
    ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
  });
  const recovery = recoverScans({ db: core.db, store, locks, scans, logger: core.logger });
  return { scans, store, recovery };
}
