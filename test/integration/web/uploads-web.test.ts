/**
 * Over web mode's WebSocket, a file just under the contract's limit arrives in chunks and is attached; a file
 * over it is answered DOSSIER_FILE_TOO_LARGE and the connection stays open (it used to be dropped).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../core/contract/limits';
import { uploadFile, UploadFailed } from '../../../core/contract/upload-client';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { SAMPLE_FILES } from '../../helpers/uploads';
import { startWebMode, type WebMode } from '../../helpers/web-mode';
import { RpcClient, type WsReply } from '../../helpers/ws-client';

let web: WebMode;
let client: RpcClient;
beforeAll(async () => {
  web = await startWebMode({ requireRenderer: false });
  client = await RpcClient.open(web.url);
  expect((await client.call('auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' })).ok).toBe(true);
  expect((await client.call('auth.login', { username: 'admin', password: 'mat-khau-123' })).ok).toBe(true);
}, 60_000);
afterAll(async () => {
  client?.ws.terminate();
  await web?.stop();
});

/** A call that fails the test if the server closes the connection instead of answering. */
function call(method: string, input: unknown): Promise<WsReply> {
  return new Promise((resolve, reject) => {
    const onClose = () => reject(new Error(`connection closed during ${method}\n${web.output()}`));
    client.ws.once('close', onClose);
    void client.call(method, input).then((r) => {
      client.ws.off('close', onClose);
      resolve(r);
    });
  });
}
const send = (m: string, input: unknown) => call(m, input).then((r) => (r.ok ? { ok: true as const, value: r.value } : { ok: false as const, error: { code: r.error!.code, message: r.error!.message, params: {} } }));

describe('files over the WebSocket', () => {
  it('attaches a 24.5 MiB file sent in chunks', async () => {
    const data = Buffer.alloc(MAX_FILE_BYTES - 512 * 1024, 0x20);
    SAMPLE_FILES.pdf.copy(data);
    const up = await uploadFile(send, { fileName: 'ban-scan.pdf', size: data.length, read: async (a, b) => data.subarray(a, b) });
    const r = await call('dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: personInput(NGUYEN_THI_HUYNH), attachments: [{ itemCode: 'TP1', uploadId: up.uploadId }] });
    expect(r.error?.code ?? 'ok').toBe('ok');
    expect((r.value as { documents: { bytes: number }[] }).documents[0]?.bytes).toBe(data.length);
  }, 120_000);

  it('answers a file over the limit with DOSSIER_FILE_TOO_LARGE and keeps the connection', async () => {
    const data = Buffer.alloc(MAX_FILE_BYTES + 1);
    const refused = await uploadFile(send, { fileName: 'qua-lon.pdf', size: data.length, read: async (a, b) => data.subarray(a, b) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UploadFailed);
    expect((refused as UploadFailed).error.code).toBe('DOSSIER_FILE_TOO_LARGE');
    expect((await call('catalogue.agencies', {})).ok).toBe(true);
  }, 60_000);
});
