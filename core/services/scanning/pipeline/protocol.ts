/** Messages between the pool (page-pipeline.ts) and its worker threads (worker.ts). */
import type { ErrorParams } from '../../../contract/errors';
import type { PipelineOptions, PipelineOutput } from './types';

export interface PageRequest {
  id: number;
  bytes: Uint8Array;
  dpi: number;
  options: PipelineOptions;
}

export type PageReply = { id: number; ok: true; output: PipelineOutput } | { id: number; ok: false; code: string; params: ErrorParams };

/** workerData of a pipeline worker. */
export interface WorkerConfig {
  /** Tests only: a page whose bytes are exactly this text makes the worker exit mid-page, as a crash would. */
  exitOnBytes?: string;
  /** Tests only: a page whose bytes are exactly this text throws an uncaught exception in the worker. */
  throwOnBytes?: string;
}
