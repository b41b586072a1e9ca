/**
 * Body of a page-pipeline worker thread: takes one page at a time from the pool, answers with the result or the
 * error's code. Raw pixels never cross the thread boundary: only the compressed page in and the encoded images out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { processPage, toPipelineError } from './process-page';
import type { PageReply, PageRequest, WorkerConfig } from './protocol';

// libvips's operation cache would keep whole decoded pages alive between pages: each page is seen once.
sharp.cache(false);

const port = parentPort;
if (!port) throw new Error('page-pipeline worker: must run in a worker thread');
const config = (workerData ?? {}) as WorkerConfig;
const exitMarker = config.exitOnBytes ? Buffer.from(config.exitOnBytes) : null;
const throwMarker = config.throwOnBytes ? Buffer.from(config.throwOnBytes) : null;

port.on('message', (req: PageRequest) => {
  void handle(req);
});

async function handle(req: PageRequest): Promise<void> {
  const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
  if (exitMarker && bytes.equals(exitMarker)) process.exit(70);
  if (throwMarker && bytes.equals(throwMarker)) {
    setImmediate(() => {
      throw new Error('page-pipeline worker: test crash');
    });
    return;
  }
  let reply: PageReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const output = await processPage({ bytes: req.bytes, dpi: req.dpi, options: req.options });
    for (const img of [output.image, output.master, output.thumb]) {
      // Listed for transfer when the image owns its whole buffer (a pooled slice would take its neighbours along).
      // sharp's output buffers are external memory, which V8 cannot detach: Node copies those once. They are the
      // compressed results (about 1 MB a page with the master), so the copy costs well under a millisecond.
      const b = img.bytes;
      if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer && !transfer.includes(b.buffer)) transfer.push(b.buffer);
    }
    reply = { id: req.id, ok: true, output };
  } catch (e) {
    const err = toPipelineError(e);
    reply = { id: req.id, ok: false, code: err.code, params: err.params };
  }
  port!.postMessage(reply, transfer);
}
