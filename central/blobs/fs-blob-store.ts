/**
 * BlobStore on a local folder: complete blobs at <dir>/ab/cd/<sha256> (content-addressed, written once), uploads in
 * progress at <dir>/partial/<sha256>. The partial file's size is the offset truth: a chunk is written and fsynced
 * before the reply, so a server killed mid-chunk holds a prefix of it and the client resumes from that size. A
 * verified partial is renamed into place and the folder fsynced (core/services/documents/durable-files.ts), so a
 * complete file never exists half-written; one present without its database row (a crash in between) is complete.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fsyncDir } from '../../core/services/documents/durable-files';
import type { BlobState, BlobStore } from './blob-store';

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    throw e;
  }
}

export class FsBlobStore implements BlobStore {
  private readonly partialDir: string;

  constructor(private readonly dir: string) {
    this.partialDir = path.join(dir, 'partial');
  }

  finalPath(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  partialPath(sha256: string): string {
    return path.join(this.partialDir, sha256);
  }

  async status(sha256: string): Promise<BlobState | null> {
    const done = await sizeOf(this.finalPath(sha256));
    if (done !== null) return { offset: done, complete: true };
    const partial = await sizeOf(this.partialPath(sha256));
    return partial === null || partial === 0 ? null : { offset: partial, complete: false };
  }

  async append(sha256: string, offset: number, chunk: Uint8Array): Promise<BlobState> {
    await mkdir(this.partialDir, { recursive: true });
    const file = this.partialPath(sha256);
    const created = (await sizeOf(file)) === null;
    const fh = await open(file, 'a');
    try {
      const { size } = await fh.stat();
      if (size !== offset) throw new Error(`blob ${sha256}: partial holds ${size} bytes, chunk starts at ${offset}`);
      for (let done = 0; done < chunk.length; ) done += (await fh.write(chunk, done, chunk.length - done)).bytesWritten;
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (created) fsyncDir(this.partialDir);
    return { offset: offset + chunk.length, complete: false };
  }

  async complete(sha256: string): Promise<boolean> {
    const partial = this.partialPath(sha256);
    const hash = createHash('sha256');
    // A zero-length blob has no partial file (no chunk ever wrote one).
    if ((await sizeOf(partial)) !== null) await pipeline(createReadStream(partial), hash);
    if (hash.digest('hex') !== sha256) {
      await this.dropPartial(sha256);
      return false;
    }
    const target = this.finalPath(sha256);
    const made = await mkdir(path.dirname(target), { recursive: true });
    await mkdir(this.partialDir, { recursive: true });
    if ((await sizeOf(partial)) === null) {
      const fh = await open(target, 'w');
      await fh.sync();
      await fh.close();
    } else {
      await rename(partial, target);
    }
    fsyncDir(path.dirname(target));
    fsyncDir(this.partialDir);
    // New fan-out folders (ab/, ab/cd/) are entries of their parents: fsynced too, or a power cut could lose them.
    if (made !== undefined) {
      fsyncDir(path.dirname(path.dirname(target)));
      fsyncDir(this.dir);
    }
    return true;
  }

  async dropPartial(sha256: string): Promise<void> {
    await rm(this.partialPath(sha256), { force: true });
  }

  open(sha256: string): Readable {
    return createReadStream(this.finalPath(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return (await sizeOf(this.finalPath(sha256))) !== null;
  }
}
