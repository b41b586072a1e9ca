/**
 * Raw 8-bit pixel buffers the stages measure on, and the small helpers they share (downscale, histogram, Otsu).
 * Everything here is pure: a stage takes buffers and returns numbers or new buffers, so it is unit-testable without
 * sharp or a worker.
 */

/** One-channel 8-bit image, row-major, no padding (0 black … 255 white). */
export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A rectangle in pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Box-average downscale by an integer factor from `channels`-interleaved pixels to gray (luma Rec.601 weights for
 * colour). Area averaging keeps thin strokes as gray instead of dropping them, which the measurements rely on.
 */
export function downscaleToGray(src: Uint8Array, width: number, height: number, channels: number, factor: number): Gray {
  const f = Math.max(1, Math.floor(factor));
  const w = Math.max(1, Math.floor(width / f));
  const h = Math.max(1, Math.floor(height / f));
  const out = new Uint8Array(w * h);
  const acc = new Uint32Array(w);
  const n = f * f;
  for (let by = 0; by < h; by++) {
    acc.fill(0);
    for (let dy = 0; dy < f; dy++) {
      const row = (by * f + dy) * width * channels;
      if (channels === 1) {
        for (let bx = 0, x = 0; bx < w; bx++) {
          let s = 0;
          for (let dx = 0; dx < f; dx++, x++) s += src[row + x]!;
          acc[bx] = acc[bx]! + s;
        }
      } else {
        for (let bx = 0, x = 0; bx < w; bx++) {
          let s = 0;
          for (let dx = 0; dx < f; dx++, x++) {
            const i = row + x * channels;
            // 0.299 R + 0.587 G + 0.114 B in integer arithmetic (weights sum to 1024).
            s += (306 * src[i]! + 601 * src[i + 1]! + 117 * src[i + 2]!) >> 10;
          }
          acc[bx] = acc[bx]! + s;
        }
      }
    }
    const o = by * w;
    for (let bx = 0; bx < w; bx++) out[o + bx] = Math.round(acc[bx]! / n);
  }
  return { data: out, width: w, height: h };
}

export function histogram(img: Gray, box?: Box): Uint32Array {
  const hist = new Uint32Array(256);
  const b = box ?? { left: 0, top: 0, width: img.width, height: img.height };
  for (let y = b.top; y < b.top + b.height; y++) {
    const row = y * img.width;
    for (let x = b.left; x < b.left + b.width; x++) hist[img.data[row + x]!]! += 1;
  }
  return hist;
}

/** The value at which `q` (0..1) of the counted pixels are at or below. */
export function percentile(hist: Uint32Array, q: number): number {
  let total = 0;
  for (let i = 0; i < 256; i++) total += hist[i]!;
  const target = q * total;
  let acc = 0;
  for (let i = 0; i < 256; i++) {
    acc += hist[i]!;
    if (acc >= target) return i;
  }
  return 255;
}

/** Otsu's threshold: the level that best separates the histogram into two classes (ink below, paper at/above). */
export function otsu(hist: Uint32Array): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < 256; i++) {
    total += hist[i]!;
    sum += i * hist[i]!;
  }
  if (total === 0) return 128;
  let wB = 0;
  let sumB = 0;
  let best = -1;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t + 1; // pixels < threshold are ink
    }
  }
  return threshold;
}

export function cropGray(img: Gray, box: Box): Gray {
  const out = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.top + y) * img.width + box.left;
    out.set(img.data.subarray(from, from + box.width), y * box.width);
  }
  return { data: out, width: box.width, height: box.height };
}
