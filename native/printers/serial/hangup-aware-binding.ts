/**
 * serialport 13's unix read retries a read that returned 0 bytes, at once and forever. On a tty opened the way it
 * opens one (non-blocking, VMIN 1), "no data yet" is EAGAIN and 0 bytes means hang-up: the USB-serial adapter was
 * pulled or the other end of the line is gone. Left alone, that loop keeps a core busy and the link never learns the
 * printer went away. This wraps the detected binding so a 0-byte read is returned as such; the stream then ends,
 * which the link reports as "closed". Windows reads through another path and is left as it is.
 */
import { read as fsRead } from 'node:fs';
import { promisify } from 'node:util';

const readAsync = promisify(fsRead);
const RETRY_CODES = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

/** The part of a unix port binding (LinuxPortBinding, DarwinPortBinding) this relies on. */
interface UnixPortBinding {
  fd: number | null;
  readonly isOpen: boolean;
  poller?: { once(event: 'readable', cb: (err: Error | null) => void): unknown };
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }>;
}

interface BindingLike {
  open(options: object): Promise<unknown>;
}

function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

async function readOrHangUp(port: UnixPortBinding, buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }> {
  for (;;) {
    if (!port.isOpen || port.fd === null) throw canceled();
    try {
      const { bytesRead } = await readAsync(port.fd, buffer, offset, length, null);
      return { bytesRead, buffer };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!RETRY_CODES.has(code)) throw e;
      if (!port.isOpen) throw canceled();
      await new Promise<void>((resolve, reject) => port.poller!.once('readable', (err) => (err ? reject(err) : resolve())));
    }
  }
}

export function hangUpAwareBinding<B extends BindingLike>(base: B): B {
  if (process.platform === 'win32') return base;
  return {
    ...base,
    async open(options: object) {
      const port = (await base.open(options)) as UnixPortBinding;
      if (typeof port.fd === 'number' && port.poller) port.read = (buffer, offset, length) => readOrHangUp(port, buffer, offset, length);
      return port;
    },
  } as B;
}
