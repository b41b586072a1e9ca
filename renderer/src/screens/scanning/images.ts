/**
 * Page images from the core: pages.image answers in chunks (like documents.read), each saying where the next one
 * starts. Thumbnails are fetched a few at a time so a 60-page batch does not queue 60 requests at once.
 */
import { useEffect, useState } from 'react';
import { api } from '../../bridge';
import { base64ToBytes } from '../../files/base64';
import type { ScanPage } from './page-order';

export interface PageImage {
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export async function readPageImage(pageId: string, variant: 'thumb' | 'image' | 'master'): Promise<PageImage> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let total: number;
  let mediaType: string;
  do {
    const r = await api.call('pages.image', { pageId, variant, offset });
    mediaType = r.mediaType;
    total = r.bytes;
    parts.push(base64ToBytes(r.dataBase64));
    if (r.next <= offset) break; // a core answer that does not advance must not loop forever
    offset = r.next;
  } while (offset < total);
  const bytes = new Uint8Array(new ArrayBuffer(parts.reduce((n, p) => n + p.length, 0)));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { mediaType, bytes };
}

const MAX_PARALLEL = 4;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Images the app can show itself (the CSP allows blob: images); TIFF (G4 text pages) is saved instead. */
export function showableImage(mediaType: string): boolean {
  return ['image/jpeg', 'image/png', 'image/gif', 'image/webp'].includes(mediaType);
}

/**
 * An object URL for a page's thumbnail, made again when the page is turned or processed; null while loading,
 * while the pipeline has not made it yet, or when the page failed.
 */
export function usePageThumb(page: ScanPage): string | null {
  const ready = page.state === 'ready';
  const version = `${page.id}:${page.rotation}:${page.state}:${page.bytes ?? ''}`;
  // The URL is kept with the version it shows, so a turned page never shows its old image while the new one loads.
  const [shown, setShown] = useState<{ version: string; url: string } | null>(null);
  useEffect(() => {
    if (!ready) return;
    let made: string | null = null;
    let cancelled = false;
    limited(() => (cancelled ? Promise.resolve(null) : readPageImage(page.id, 'thumb'))).then(
      (img) => {
        if (cancelled || !img) return;
        made = URL.createObjectURL(new Blob([img.bytes], { type: img.mediaType }));
        setShown({ version, url: made });
      },
      () => undefined, // no thumbnail: the tile says so
    );
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [version, ready, page.id]);
  return ready && shown?.version === version ? shown.url : null;
}
