/**
 * The searchable PDF/A of each checklist document of a dossier (document_pdfs, migration 009). Triggers mark a
 * document 'stale' when its pages change, the queue when their OCR ends; the builder here takes stale documents
 * whose pages have all finished OCR (done, or failed for good: that page goes in without text) and builds them
 * from the stored page images and word boxes. A build is a new file, written durably (file and folder fsynced, the
 * folder recorded in the journal first so the orphan sweep checks it), then the row, then the old file removed.
 * The row is updated only when its pages are still those built from (source_key): a page changed during the build,
 * or another process that built the same first, leaves our file to be removed and the row as it is.
 */
import { createHash, randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError, isAppError } from '../../contract/errors';
import { UPLOAD_CHUNK_BYTES } from '../../contract/limits';
import type { DocumentPdf } from '../../contract/ocr';
import { errorMessage } from '../../i18n/translate';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import { inTransaction, type Db } from '../../store/database';
import type { PageFiles } from '../documents/page-files';
import type { OcrWord } from './engine/types';
import type { PdfDocumentInfo, PdfPageInput, SearchablePdf } from '../pdf/types';

/** The folder under <data>/files holding the PDFs, one folder per dossier. */
export const PDF_DIR = 'pdf';
/** Part of the source key: a change of how PDFs are made rebuilds them. */
const BUILD_VERSION = 1;
/** Retry delays of a document whose build could not be stored: 10 s, doubling, at most 10 minutes. */
const MIN_RETRY_MS = 10_000;
const MAX_RETRY_MS = 600_000;

export type BuildPdf = (pages: PdfPageInput[], info: PdfDocumentInfo) => Promise<SearchablePdf>;

interface DocRow {
  dossier_id: string;
  item_code: string;
  state: 'stale' | 'ready' | 'failed';
  page_count: number;
  path: string | null;
  bytes: number | null;
  sha256: string | null;
  source_key: string | null;
  built_at: string | null;
  error_code: string | null;
  error_message: string | null;
}

interface SourcePage {
  id: string;
  state: string;
  kind: string;
  image_path: string | null;
  image_type: string | null;
  image_sha256: string | null;
  width: number | null;
  height: number | null;
  dpi: number | null;
  job_state: string | null;
  text_id: number | null;
  text_at: string | null;
  words: string | null;
  text_width: number | null;
  text_height: number | null;
}

/** A stale document in the builder's pass, and whether none of its pages still waits for the pipeline or OCR. */
interface StaleDoc {
  rid: number;
  stale_since: string;
  dossier_id: string;
  item_code: string;
  ready: number;
}

type Plan = { kind: 'wait' } | { kind: 'empty' } | { kind: 'build'; pages: SourcePage[]; key: string };

export interface DocumentPdfsDeps {
  db: Db;
  files: PageFiles;
  clock: Clock;
  events: EventPublisher;
  logger: Logger;
  build: BuildPdf;
  /** Stale documents read per turn of the event loop (default 100; tests pass small ones). */
  batch?: number;
}

export class DocumentPdfs {
  private building: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** Documents whose last build failed outside the builder (writing the file …): when to try again. */
  private readonly backoff = new Map<string, { until: number; delayMs: number }>();

  private readonly batchSize: number;

  constructor(private readonly d: DocumentPdfsDeps) {
    this.batchSize = Math.max(1, d.batch ?? 100);
  }

  /** Build what is stale and ready to build, one document at a time; a call while building runs another pass after. */
  kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.building) {
      this.again = true;
      return this.building;
    }
    this.building = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again && !this.closed);
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  /** Resolves when no build is running. */
  async idle(): Promise<void> {
    while (this.building) await this.building;
  }

  /** The core is closing: the document being built is finished, the rest of a backlog waits for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private async pass(): Promise<void> {
    // Never inside the caller's turn (createCore starts the runner, which kicks): a start returns before any build.
    await nextTurn();
    let after: [string, number] = ['', 0];
    for (;;) {
      if (this.closed) return;
      // The stale documents a batch at a time, in the order they went stale (keyset on the partial index): after an
      // upgrade every document of a year is stale while its pages wait for OCR, and reading them all at once held
      // the event loop for seconds at every page read. Each is marked whether its pages are all through.
      const batch = this.staleAfter(after[0], after[1]);
      for (const doc of batch) {
        if (!doc.ready) continue;
        const key = `${doc.dossier_id}\u0000${doc.item_code}`;
        const wait = this.backoff.get(key);
        if (wait && wait.until > Date.now()) continue;
        // One document per turn of the event loop: a build that fails at once (a page file gone) settles in
        // microtasks only, and a backlog of those would otherwise hold every request (and the listen) until the end.
        await nextTurn();
        if (this.closed) return;
        try {
          await this.buildOne(doc.dossier_id, doc.item_code);
          this.backoff.delete(key);
        } catch (e) {
          // A write that failed (a full disk …) is tried again later, less and less often, not on every poll.
          const delayMs = Math.min(MAX_RETRY_MS, (wait?.delayMs ?? MIN_RETRY_MS / 2) * 2);
          this.backoff.set(key, { until: Date.now() + delayMs, delayMs });
          this.d.logger.error('document PDF build failed unexpectedly', { dossierId: doc.dossier_id, itemCode: doc.item_code, retryInMs: delayMs, error: (e as Error)?.message });
        }
      }
      if (batch.length < this.batchSize) return;
      const last = batch[batch.length - 1]!;
      after = [last.stale_since, last.rid];
      await nextTurn();
    }
  }

  /**
   * The next stale documents after (staleSince, rowid), each with whether its pages are all through. Two seeks of the
   * partial index: the rest of that instant's documents (a migration makes a year's documents stale at one instant),
   * then the later ones; a row-value comparison would rescan the instant's documents at every batch.
   */
  private staleAfter(staleSince: string, rowid: number): StaleDoc[] {
    const select = (where: string) =>
      `SELECT d.rowid AS rid, d.stale_since, d.dossier_id, d.item_code, NOT EXISTS (
         SELECT 1 FROM dossier_pages p LEFT JOIN ocr_jobs j ON j.page_id = p.id
         WHERE p.dossier_id = d.dossier_id AND p.item_code = d.item_code AND p.removed_at IS NULL
           AND (p.state = 'raw' OR (p.state = 'ready' AND p.kind = 'page' AND (j.state IS NULL OR j.state IN ('waiting', 'running'))))) AS ready
       FROM document_pdfs d WHERE d.state = 'stale' AND ${where} ORDER BY d.stale_since, d.rowid LIMIT ?`;
    const same = this.d.db.prepare<[string, number, number], StaleDoc>(select('d.stale_since = ? AND d.rowid > ?')).all(staleSince, rowid, this.batchSize);
    if (same.length === this.batchSize) return same;
    return same.concat(this.d.db.prepare<[string, number], StaleDoc>(select('d.stale_since > ?')).all(staleSince, this.batchSize - same.length));
  }

  /** The pages a document's PDF holds now, and whether they are ready to build. */
  private plan(dossierId: string, itemCode: string): Plan {
    const rows = this.d.db
      .prepare<[string, string], SourcePage>(
        `SELECT p.id, p.state, p.kind, p.image_path, p.image_type, p.image_sha256, p.width, p.height, p.dpi, j.state AS job_state,
           t.id AS text_id, t.created_at AS text_at, t.words, t.width AS text_width, t.height AS text_height
         FROM dossier_pages p LEFT JOIN ocr_jobs j ON j.page_id = p.id LEFT JOIN page_text t ON t.page_id = p.id
         WHERE p.dossier_id = ? AND p.item_code = ? AND p.removed_at IS NULL ORDER BY p.position`,
      )
      .all(dossierId, itemCode);
    // Pages still in the pipeline will be part of it: wait for them.
    if (rows.some((r) => r.state === 'raw')) return { kind: 'wait' };
    const pages = rows.filter((r) => r.state === 'ready' && r.kind === 'page' && r.image_path && r.image_type);
    if (pages.some((p) => p.job_state !== 'done' && p.job_state !== 'failed')) return { kind: 'wait' };
    if (pages.length === 0) return { kind: 'empty' };
    const key = createHash('sha256')
      .update(JSON.stringify([BUILD_VERSION, pages.map((p) => [p.id, p.image_sha256, p.job_state, p.text_id, p.text_at])]))
      .digest('hex');
    return { kind: 'build', pages, key };
  }

  private row(dossierId: string, itemCode: string): DocRow | undefined {
    return this.d.db.prepare<[string, string], DocRow>('SELECT * FROM document_pdfs WHERE dossier_id = ? AND item_code = ?').get(dossierId, itemCode);
  }

  private async buildOne(dossierId: string, itemCode: string): Promise<void> {
    const plan = this.plan(dossierId, itemCode);
    if (plan.kind === 'wait') return;
    const before = this.row(dossierId, itemCode);
    if (!before || before.state !== 'stale') return;
    if (plan.kind === 'empty') {
      // No page left: the document has no PDF any more.
      const gone = inTransaction(this.d.db, () => {
        const again = this.plan(dossierId, itemCode);
        const r = this.row(dossierId, itemCode);
        if (again.kind !== 'empty' || r?.state !== 'stale') return null;
        this.d.db.prepare('DELETE FROM document_pdfs WHERE dossier_id = ? AND item_code = ?').run(dossierId, itemCode);
        return r;
      });
      if (gone) {
        this.d.files.remove(gone.path);
        this.d.events.publish('documents.pdfChanged', { dossierId, itemCode, state: 'stale' });
      }
      return;
    }
    // Nothing the PDF is made of changed (a move and back, a page re-processed the same): no rebuild.
    if (before.source_key === plan.key && before.path && this.d.files.exists(before.path)) {
      const done = inTransaction(this.d.db, () => {
        const again = this.plan(dossierId, itemCode);
        if (again.kind !== 'build' || again.key !== plan.key || this.row(dossierId, itemCode)?.state !== 'stale') return false;
        this.d.db.prepare(`UPDATE document_pdfs SET state = 'ready', stale_since = NULL, error_code = NULL, error_message = NULL WHERE dossier_id = ? AND item_code = ?`).run(dossierId, itemCode);
        return true;
      });
      if (done) this.d.events.publish('documents.pdfChanged', { dossierId, itemCode, state: 'ready' });
      return;
    }

    let pdf: SearchablePdf;
    try {
      pdf = await this.d.build(
        plan.pages.map((p) => this.pageInput(p)),
        this.info(dossierId, itemCode),
      );
    } catch (e) {
      const code = isAppError(e) ? e.code : 'OCR_PDF_FAILED';
      const params = isAppError(e) ? e.params : { detail: String((e as Error)?.message ?? e).slice(0, 300) };
      const failed = inTransaction(this.d.db, () => {
        const again = this.plan(dossierId, itemCode);
        if (again.kind !== 'build' || again.key !== plan.key || this.row(dossierId, itemCode)?.state !== 'stale') return false;
        this.d.db
          .prepare(`UPDATE document_pdfs SET state = 'failed', error_code = ?, error_message = ? WHERE dossier_id = ? AND item_code = ?`)
          .run(code, errorMessage(code, params), dossierId, itemCode);
        return true;
      });
      this.d.logger.warn('document PDF not built', { dossierId, itemCode, code, error: (e as Error)?.message });
      if (failed) this.d.events.publish('documents.pdfChanged', { dossierId, itemCode, state: 'failed' });
      return;
    }

    const written = this.d.files.write(this.fileName(dossierId, itemCode), pdf.bytes);
    let old: string | null = null;
    let kept = false;
    try {
      kept = inTransaction(this.d.db, () => {
        const again = this.plan(dossierId, itemCode);
        const r = this.row(dossierId, itemCode);
        if (again.kind !== 'build' || again.key !== plan.key || r?.state !== 'stale') return false;
        old = r.path;
        this.d.db
          .prepare(
            `UPDATE document_pdfs SET state = 'ready', page_count = ?, path = ?, bytes = ?, sha256 = ?, source_key = ?, stale_since = NULL,
               built_at = ?, error_code = NULL, error_message = NULL WHERE dossier_id = ? AND item_code = ?`,
          )
          .run(pdf.pageCount, written.rel, written.bytes, written.sha256, plan.key, this.d.clock.now().toISOString(), dossierId, itemCode);
        return true;
      });
    } finally {
      if (!kept) this.d.files.remove(written.rel);
    }
    if (!kept) return;
    // The row names the new file: only now may the old one go.
    if (old && old !== written.rel) this.d.files.remove(old);
    this.d.events.publish('documents.pdfChanged', { dossierId, itemCode, state: 'ready' });
  }

  private pageInput(p: SourcePage): PdfPageInput {
    const image = this.d.files.readVerified(p.image_path!);
    if (createHash('sha256').update(image).digest('hex') !== p.image_sha256) throw new AppError('PAGE_FILE_MISSING', {});
    const input: PdfPageInput = {
      image,
      mediaType: p.image_type as PdfPageInput['mediaType'],
      widthPx: p.width ?? 0,
      heightPx: p.height ?? 0,
      dpi: p.dpi ?? 300,
    };
    if (p.job_state === 'done' && p.words && p.text_width && p.text_height) {
      input.words = JSON.parse(p.words) as OcrWord[];
      input.textWidthPx = p.text_width;
      input.textHeightPx = p.text_height;
    }
    return input;
  }

  /** Title and XMP fields from the dossier as received: its code, procedure, and the item's name in its checklist. */
  private info(dossierId: string, itemCode: string): PdfDocumentInfo {
    const d = this.d.db
      .prepare<[string], { code: string | null; procedure_snapshot: string; agency_snapshot: string; checklist: string }>(
        'SELECT code, procedure_snapshot, agency_snapshot, checklist FROM dossiers WHERE id = ?',
      )
      .get(dossierId);
    const parse = <T>(s: string | undefined): T | null => {
      try {
        return s ? (JSON.parse(s) as T) : null;
      } catch {
        return null;
      }
    };
    const procedure = parse<{ name?: string }>(d?.procedure_snapshot)?.name;
    const agency = parse<{ name?: string }>(d?.agency_snapshot)?.name;
    const itemName = parse<{ itemCode: string; name: string }[]>(d?.checklist)?.find((l) => l.itemCode === itemCode)?.name;
    const code = d?.code ?? dossierId;
    return {
      title: `${code} — ${itemName ?? itemCode}`,
      dossierCode: code,
      itemCode,
      createdAt: this.d.clock.now(),
      ...(procedure ? { procedure } : {}),
      ...(itemName ? { itemName } : {}),
      ...(agency ? { agency } : {}),
    };
  }

  /** A new name per build (never over a file a row names): pdf/<dossier>/<item>-<random>.pdf. */
  private fileName(dossierId: string, itemCode: string): string {
    const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || '_';
    const token = randomBytes(4).toString('hex');
    return `${PDF_DIR}/${safe(dossierId)}/${safe(itemCode)}-${token}.pdf`;
  }

  // ---------- reading ----------

  list(dossierId: string): DocumentPdf[] {
    return this.d.db
      .prepare<[string], DocRow>('SELECT * FROM document_pdfs WHERE dossier_id = ? ORDER BY item_code')
      .all(dossierId)
      .map((r) => ({
        dossierId: r.dossier_id,
        itemCode: r.item_code,
        state: r.state,
        pageCount: r.page_count,
        bytes: r.bytes,
        sha256: r.sha256,
        builtAt: r.built_at,
        error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
      }));
  }

  /**
   * A chunk of the document's PDF as built (its last ready build, even while a rebuild is waiting). The first chunk
   * checks the whole file against its SHA-256, so a file damaged on disk is reported, not served.
   */
  read(input: { dossierId: string; itemCode: string; offset: number }): {
    fileName: string;
    mediaType: 'application/pdf';
    bytes: number;
    sha256: string;
    offset: number;
    dataBase64: string;
    next: number;
    dossierCode: string;
  } {
    const r = this.row(input.dossierId, input.itemCode);
    if (!r || !r.path || r.bytes === null || !r.sha256) throw new AppError('OCR_PDF_NOT_READY', { itemCode: input.itemCode.slice(0, 60) });
    if (input.offset > r.bytes) throw new AppError('OCR_PDF_BAD_OFFSET', { offset: input.offset, bytes: r.bytes }, { field: 'offset' });
    const length = Math.min(UPLOAD_CHUNK_BYTES, r.bytes - input.offset);
    // PageFiles reads only inside <data>/files (symlinks resolved) and only while the size is what the row says.
    const missing = () => new AppError('OCR_PDF_MISSING', { itemCode: r.item_code });
    let data: Buffer;
    try {
      data = this.d.files.readRange(r.path, r.bytes, input.offset, length);
      if (input.offset === 0 && createHash('sha256').update(this.d.files.readVerified(r.path)).digest('hex') !== r.sha256) throw missing();
    } catch (e) {
      if (isAppError(e) && e.code === 'PAGE_FILE_MISSING') throw missing();
      throw e;
    }
    const code = this.d.db.prepare<[string], { code: string | null }>('SELECT code FROM dossiers WHERE id = ?').get(r.dossier_id)?.code ?? r.dossier_id;
    return {
      fileName: `${code}-${r.item_code}.pdf`.replace(/[^\p{L}\p{N}._-]/gu, '_'),
      mediaType: 'application/pdf',
      bytes: r.bytes,
      sha256: r.sha256,
      offset: input.offset,
      dataBase64: data.toString('base64'),
      next: input.offset + length,
      dossierCode: code,
    };
  }
}
