/**
 * Crop to the paper edge. A scanner's backing (the lid's dark or light plate, the ADF's roller area) shows around a
 * page smaller than the scan area. We compare the scan's outer frame (the backing, when there is one) with the
 * page's middle (the paper): when they differ clearly, each pixel is called paper or backing by which level it is
 * nearer to, and the paper's bounding box is the rows and columns holding a real run of paper. Text on the paper is
 * dark too, but it is surrounded by paper, so rows through it still count as paper.
 */
import { type Box, type Gray, histogram, percentile } from './raster';

/** Paper and backing must differ by at least this many gray levels for the edge to be seen (white on white is not). */
const MIN_CONTRAST = 40;
/** A row or column is paper when at least this share of it is paper-like (keeps dust on the backing out). */
const MIN_RUN_SHARE = 0.02;

export interface PaperEdge {
  /** The paper's bounding box in the measured image's pixels. */
  box: Box;
  /** Gray level halfway between paper and backing: pixels on the backing's side of it are backing. */
  mid: number;
  backingDark: boolean;
}

export function findPaper(img: Gray): PaperEdge | null {
  const { width: w, height: h, data } = img;
  if (w < 16 || h < 16) return null;
  const band = Math.max(2, Math.round(Math.min(w, h) * 0.01));
  const frame = new Uint32Array(256);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    if (y < band || y >= h - band) {
      for (let x = 0; x < w; x++) frame[data[row + x]!]! += 1;
    } else {
      for (let x = 0; x < band; x++) frame[data[row + x]!]! += 1;
      for (let x = w - band; x < w; x++) frame[data[row + x]!]! += 1;
    }
  }
  const backing = percentile(frame, 0.5);
  const centre = histogram(img, { left: Math.floor(w / 4), top: Math.floor(h / 4), width: Math.floor(w / 2), height: Math.floor(h / 2) });
  // Paper is the bright bulk of the middle (text and pictures are darker and fewer).
  const paper = percentile(centre, 0.8);
  if (Math.abs(paper - backing) < MIN_CONTRAST) return null;
  const mid = Math.round((paper + backing) / 2);
  const backingDark = backing < paper;
  const isPaper = backingDark ? (v: number) => v > mid : (v: number) => v < mid;

  const rows = new Uint32Array(h);
  const cols = new Uint32Array(w);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let n = 0;
    for (let x = 0; x < w; x++) {
      if (isPaper(data[row + x]!)) {
        n++;
        cols[x] = cols[x]! + 1;
      }
    }
    rows[y] = n;
  }
  const span = (counts: Uint32Array, across: number): [number, number] | null => {
    const min = Math.max(3, Math.round(across * MIN_RUN_SHARE));
    let first = -1;
    let last = -1;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i]! >= min) {
        if (first < 0) first = i;
        last = i;
      }
    }
    return first < 0 ? null : [first, last];
  };
  const ys = span(rows, w);
  const xs = span(cols, h);
  if (!ys || !xs) return null;
  // One measured pixel in from each side: the edge pixel mixes paper with backing.
  const left = Math.min(xs[0] + 1, xs[1]);
  const top = Math.min(ys[0] + 1, ys[1]);
  const box: Box = { left, top, width: Math.max(1, xs[1] - 1 - left + 1), height: Math.max(1, ys[1] - 1 - top + 1) };
  if (box.width * box.height < 0.2 * w * h) return null; // not a page on a backing: a dark picture or a mostly dark scan
  if (box.left < band && box.top < band && box.left + box.width > w - band && box.top + box.height > h - band) return null;
  // What is cut away must really be backing, else the "frame" was the page's own dark border or a photo.
  let removed = 0;
  let removedBacking = 0;
  for (let y = 0; y < h; y += 2) {
    const row = y * w;
    const insideY = y >= box.top && y < box.top + box.height;
    for (let x = 0; x < w; x += 2) {
      if (insideY && x >= box.left && x < box.left + box.width) continue;
      removed++;
      if (!isPaper(data[row + x]!)) removedBacking++;
    }
  }
  if (removed > 0 && removedBacking < 0.6 * removed) return null;
  return { box, mid, backingDark };
}

/**
 * Paint the backing left inside the paper's box (the corners beside a skewed page) as paper, in place, so that it
 * does not count as ink for orientation, skew and blank measurements. Flood fill from the box's border through
 * backing-like pixels: the page's own text never touches the backing, a margin of paper lies between.
 */
export function whitenBacking(img: Gray, edge: Pick<PaperEdge, 'mid' | 'backingDark'>, paperLevel: number): void {
  const { width: w, height: h, data } = img;
  const isBacking = edge.backingDark ? (v: number) => v <= edge.mid : (v: number) => v >= edge.mid;
  const stack: number[] = [];
  const push = (x: number, y: number): void => {
    const i = y * w + x;
    if (data[i] !== paperLevel && isBacking(data[i]!)) {
      data[i] = paperLevel;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) {
    push(x, 0);
    push(x, h - 1);
  }
  for (let y = 0; y < h; y++) {
    push(0, y);
    push(w - 1, y);
  }
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w;
    const y = (i - x) / w;
    if (x > 0) push(x - 1, y);
    if (x < w - 1) push(x + 1, y);
    if (y > 0) push(x, y - 1);
    if (y < h - 1) push(x, y + 1);
  }
}
