/**
 * The page store as the scan service uses it (implemented in page-store.ts). Pages belong to a dossier, or to a
 * clerk's reception tray until `dossiers.receive` takes them. Every write is durable before it is recorded: file
 * written, file fsynced, folder fsynced, then the row. A page is identified by (batchId, batchSeq), so a page that
 * arrives again (a retried job, a restarted process) is never stored twice.
 */
import type { Page } from '../../contract/scans';
import type { Actor } from '../actor';
import type { PipelineOutput, SeparatorMark } from '../scanning/pipeline/types';

export type PageOwner = { dossierId: string } | { trayOwner: string };

export interface NewRawPage {
  owner: PageOwner;
  itemCode: string;
  batchId: string;
  /** 1-based arrival number within the batch (continues after a jam). */
  batchSeq: number;
  /** Put the page before this position of the item (insert); default: after the last page. */
  insertAt?: number;
  bytes: Uint8Array;
  mediaType: 'image/png' | 'image/jpeg' | 'image/tiff';
  widthPx: number;
  heightPx: number;
  dpi: number;
  actor: Actor;
}

export interface ScanBatch {
  id: string;
  owner: PageOwner;
  itemCode: string;
  device: string;
  /** JSON of the scan settings, so a continued batch scans the same way. */
  settings: string;
  status: string;
  /** Highest batchSeq stored so far (0 when none). */
  lastSeq: number;
}

export interface PageStoreApi {
  createBatch(b: { id: string; owner: PageOwner; itemCode: string; device: string; settings: string; actor: Actor }): ScanBatch;
  batch(id: string): ScanBatch | null;
  setBatchStatus(id: string, status: string, error?: { code: string; message: string } | null): void;
  /** Durable raw page + its row (state 'raw'); returns the stored page when (batchId, batchSeq) exists already. */
  addRaw(p: NewRawPage): Page;
  /** The raw bytes of a page still waiting for the pipeline (crash recovery reads them again). */
  readRaw(pageId: string): Buffer;
  /** Pages in state 'raw' (received, not processed): the pipeline's work left by a crash. */
  pendingRaw(): Page[];
  /** The pipeline's output made durable, then the row set 'ready' (separator pages get kind 'separator'). */
  completeProcessing(pageId: string, out: PipelineOutput): Page;
  /** The image could not be read: the row keeps the raw file and the reason, state 'failed'. */
  markFailed(pageId: string, error: { code: string; message: string }): Page;
  /** Re-file the pages after a separator: later pages of the batch go to itemCode. */
  setItem(pageId: string, itemCode: string): Page;
  get(pageId: string): Page | null;
  list(owner: PageOwner): Page[];
}

export type { SeparatorMark };
