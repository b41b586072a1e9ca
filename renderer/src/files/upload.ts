/**
 * Sends a chosen file to the core in chunks (uploads.begin / chunk / finish through window.motcua.call), so no
 * file travels inside one large message and the size limit is the contract's one number. A refusal comes back
 * as the ApiError of the step that refused it (DOSSIER_FILE_TOO_LARGE at begin, DOSSIER_FILE_DANGEROUS at
 * finish …), shown by code like any other error.
 */
import { uploadFile, UploadFailed, type UploadedFile } from '../../../core/contract/upload-client';
import type { UploadPurpose } from '../../../core/contract/uploads';
import { ApiError } from '../bridge/api';
import { getBridge } from '../bridge';

export { MAX_FILE_BYTES } from '../../../core/contract/limits';

export async function uploadBlob(
  file: File,
  opts: { purpose?: UploadPurpose; onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<UploadedFile> {
  try {
    return await uploadFile((method, input) => getBridge().call(method, input), {
      fileName: file.name,
      size: file.size,
      read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
    }, opts);
  } catch (e) {
    if (e instanceof UploadFailed) throw new ApiError('uploads', e.error);
    throw e;
  }
}
