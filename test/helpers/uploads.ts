/** Sends bytes through the chunked upload methods (as the renderer and the CLI do) and returns the upload id. */
import type { Core } from '../../core/app';
import { uploadFile, type UploadedFile } from '../../core/contract/upload-client';
import type { UploadPurpose } from '../../core/contract/uploads';
import type { Connection } from '../../core/rpc/connection';

export function upload(core: Core, conn: Connection, fileName: string, data: Buffer, purpose: UploadPurpose = 'attachment'): Promise<UploadedFile> {
  return uploadFile((m, input) => core.dispatch(conn, m, input), { fileName, size: data.length, read: async (a, b) => data.subarray(a, b) }, { purpose });
}

/** The upload's id, or the error code that refused it. */
export async function uploadId(core: Core, conn: Connection, fileName: string, data: Buffer, purpose: UploadPurpose = 'attachment'): Promise<string> {
  return (await upload(core, conn, fileName, data, purpose)).uploadId;
}

/** Smallest files each content check recognises. */
export const SAMPLE_FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c00000000049454e44ae426082', 'hex'),
  jpg: Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64), Buffer.from('ffd9', 'hex')]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]),
  html: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
};
