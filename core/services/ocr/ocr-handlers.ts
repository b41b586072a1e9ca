import type { ocrContract } from '../../contract/ocr';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../../rpc/handlers';

// SKELETON (issue #15): replaced by the OCR queue's handlers before the issue closes.
const todo = (): never => {
  throw new AppError('OCR_NOT_READY');
};
export function ocrHandlers(): Handlers<typeof ocrContract> {
  return { status: todo, dossier: todo, page: todo, focus: todo, review: todo, retry: todo, readPdf: todo };
}
