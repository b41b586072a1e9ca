/** Sends a local file to the core in chunks (uploads.*), as the renderer does: no file is read whole. */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { UploadFailed, uploadFile, type UploadedFile } from '../../contract/upload-client';
import type { UploadPurpose } from '../../contract/uploads';
import { CliFailure, cliFailure, exitCodeFor, type CliSession } from './runtime';

export async function uploadLocalFile(s: CliSession, file: string, purpose: UploadPurpose): Promise<UploadedFile> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw cliFailure('CLI_FILE_UNREADABLE', `Không đọc được tệp ${file}: ${(e as Error).message}`);
  }
  try {
    const { size } = await handle.stat();
    return await uploadFile((m, input) => s.core.dispatch(s.conn, m, input), {
      fileName: path.basename(file),
      size,
      async read(start, end) {
        const buf = Buffer.alloc(end - start);
        const { bytesRead } = await handle.read(buf, 0, buf.length, start);
        return buf.subarray(0, bytesRead);
      },
    }, { purpose });
  } catch (e) {
    if (e instanceof UploadFailed) throw new CliFailure(e.error, exitCodeFor(e.error.code));
    throw e;
  } finally {
    await handle.close();
  }
}
