import { describe, expect, it } from 'vitest';
import { WedgeBurstDetector, type WedgeScan, type WedgeVerdict } from '../../../renderer/src/input/wedge-burst';

const QR = '001185012345|013456789|Nguyễn Thị Huỳnh Như|07041985|Nữ|Số 12 ngõ 34 phố Hoàng Hoa Thám, Hà Nội|15082021';

/** Deterministic pseudo-random numbers, so timings vary but every run is the same. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Typed {
  verdicts: WedgeVerdict[];
  end: number;
}

/** Feed each character of text with gaps from gap(i); returns the verdicts and the last timestamp. */
function type(d: WedgeBurstDetector, text: string, start: number, gap: (i: number) => number): Typed {
  const verdicts: WedgeVerdict[] = [];
  let t = start;
  [...text].forEach((ch, i) => {
    if (i > 0) t += gap(i);
    verdicts.push(d.feed(ch, t));
  });
  return { verdicts, end: t };
}

const scans = (vs: WedgeVerdict[]): WedgeScan[] => vs.flatMap((v) => (v.scan === null ? [] : [v.scan]));

describe('WedgeBurstDetector: scanners', () => {
  it('recognises a fast burst ended by Enter, swallowing it from the confirming key on', () => {
    const d = new WedgeBurstDetector();
    const r = rng(1);
    const { verdicts, end } = type(d, QR, 1000, () => 2 + r() * 12);
    const enter = d.feed('Enter', end + 5);
    expect(scans(verdicts)).toEqual([]);
    expect(enter.swallow).toBe(true);
    expect(enter.scan?.text).toBe(QR);
    expect(enter.scan?.terminatedBy).toBe('terminator');
    // Keys 1–5 reached the field before the burst was sure; the caller removes them.
    expect(enter.scan?.leaked).toBe(5);
    expect(verdicts.map((v) => v.swallow)).toEqual([...QR].map((_, i) => i >= 5));
  });

  it('ends a burst without Enter after a pause (flush)', () => {
    const d = new WedgeBurstDetector();
    const { end } = type(d, QR, 0, () => 8);
    expect(d.flush(end + 10).scan).toBeNull(); // still within the burst
    expect(d.pending).toBe(true);
    const v = d.flush(end + d.flushDelayMs);
    expect(v.scan?.text).toBe(QR);
    expect(v.scan?.terminatedBy).toBe('pause');
    expect(d.pending).toBe(false);
  });

  it('ends a burst when the next key comes after a pause', () => {
    const d = new WedgeBurstDetector();
    const { end } = type(d, QR, 0, () => 8);
    const next = d.feed('x', end + 500);
    expect(next.swallow).toBe(false);
    expect(next.scan?.text).toBe(QR);
    expect(next.scan?.endedAt).toBe(end);
  });

  it('tolerates Shift presses and an occasional hiccup inside a recognised burst', () => {
    const d = new WedgeBurstDetector();
    let t = 0;
    const out: WedgeVerdict[] = [];
    [...QR].forEach((ch, i) => {
      t += i === 40 ? 70 : 6;
      if (ch !== ch.toLowerCase()) expect(d.feed('Shift', t - 1).swallow).toBe(false);
      out.push(d.feed(ch, t));
    });
    const enter = d.feed('Enter', t + 4);
    expect(enter.scan?.text).toBe(QR);
    expect(out.every((v) => v.scan === null)).toBe(true);
  });

  it('hands back swallowed keys of a short fast burst that ends without the terminator (Tab, a pause)', () => {
    const d = new WedgeBurstDetector();
    const { verdicts, end } = type(d, '0123456789', 0, () => 5);
    expect(verdicts.filter((v) => v.swallow)).toHaveLength(5);
    const tab = d.feed('Tab', end + 5);
    expect(tab.swallow).toBe(false);
    expect(tab.scan).toBeNull();
    expect(tab.release).toBe('56789');
    const again = type(d, '0123456789', 1000, () => 5);
    const paused = d.flush(again.end + d.flushDelayMs);
    expect(paused.scan).toBeNull();
    expect(paused.release).toBe('56789');
  });

  it('takes a short recognised burst ended by Enter as a scan and swallows the Enter (a receipt QR holding a bare code)', () => {
    const d = new WedgeBurstDetector();
    const code = 'H12-261206-0001';
    const { end } = type(d, code, 0, () => 5);
    const enter = d.feed('Enter', end + 5);
    expect(enter.swallow).toBe(true);
    expect(enter.scan).toMatchObject({ text: code, terminatedBy: 'terminator', leaked: 5 });
    // Below the confirming length nothing is a burst: five quick keys and Enter are a person's.
    const few = type(d, 'abcde', 5000, () => 5);
    expect(d.feed('Enter', few.end + 5)).toEqual({ swallow: false, scan: null, release: '' });
    expect(() => new WedgeBurstDetector({ minTerminatedLength: 3, confirmAfter: 6 })).toThrow(RangeError);
  });

  it('follows configured thresholds', () => {
    const d = new WedgeBurstDetector({ minLength: 8, maxGapMs: 60, confirmAfter: 3, terminators: ['Tab'] });
    const { end } = type(d, 'ABCDEFGH', 0, () => 50);
    // Enter is not a terminator here: it ends the burst (still a scan) but is not swallowed.
    const enter = d.feed('Enter', end + 5);
    expect(enter.swallow).toBe(false);
    expect(enter.scan?.terminatedBy).toBe('key');
    const again = type(d, 'ABCDEFGH', 1000, () => 50);
    const tab = d.feed('Tab', again.end + 10);
    expect(tab.swallow).toBe(true);
    expect(tab.scan).toMatchObject({ text: 'ABCDEFGH', leaked: 2 });
    expect(() => new WedgeBurstDetector({ confirmAfter: 1 })).toThrow(RangeError);
    expect(() => new WedgeBurstDetector({ minLength: 3, confirmAfter: 6 })).toThrow(RangeError);
  });
});

describe('WedgeBurstDetector: people never trigger it', () => {
  it('ignores ordinary typing (gaps of 100 ms and more)', () => {
    const d = new WedgeBurstDetector();
    const r = rng(7);
    const { verdicts, end } = type(d, QR.repeat(3), 0, () => 100 + r() * 300);
    const enter = d.feed('Enter', end + 150);
    expect(verdicts.some((v) => v.swallow || v.scan !== null || v.release !== '')).toBe(false);
    expect(enter).toEqual({ swallow: false, scan: null, release: '' });
  });

  it('ignores a fast typist whose rollovers give a few quick gaps in a row', () => {
    const d = new WedgeBurstDetector();
    const r = rng(11);
    // Up to four quick gaps (20–35 ms) in a row, then a normal one (60–200 ms).
    const { verdicts } = type(d, 'the quick brown fox jumps over the lazy dog '.repeat(5), 0, (i) => (i % 5 === 0 ? 60 + r() * 140 : 20 + r() * 15));
    expect(verdicts.some((v) => v.swallow || v.scan !== null)).toBe(false);
    expect(d.flush(1e9)).toEqual({ swallow: false, scan: null, release: '' });
  });

  it('ignores a held key (auto-repeat) and shortcuts', () => {
    const d = new WedgeBurstDetector();
    for (let i = 0; i < 40; i++) expect(d.feed('a', i * 30, { repeat: i > 0 }).swallow).toBe(false);
    expect(d.feed('Enter', 40 * 30).scan).toBeNull();
    const { end } = type(d, 'abcdefgh', 5000, () => 5);
    const shortcut = d.feed('v', end + 5, { ctrlKey: true });
    expect(shortcut.swallow).toBe(false);
    expect(shortcut.release).toBe('fgh'); // keys swallowed before the shortcut are handed back
  });
});
