import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { qrMatrix, qrSvgPath, QUIET_ZONE } from '../../../core/domain/forms/qr';

/** Rasterise the path back into modules to compare with the matrix. */
function paint(path: string, side: number): boolean[][] {
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, len] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < len; i++) grid[y]![x + i] = true;
  }
  return grid;
}

describe('QR as a vector path', () => {
  it('draws exactly the dark modules, inside a quiet zone', () => {
    const m = qrMatrix('https://dvc.example.vn/tra-cuu?code=000.00.01.H12-261122-0007');
    const side = m.size + 2 * QUIET_ZONE;
    const grid = paint(qrSvgPath(m), side);
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const inside = r >= QUIET_ZONE && c >= QUIET_ZONE && r < side - QUIET_ZONE && c < side - QUIET_ZONE;
        const expected = inside && m.dark(r - QUIET_ZONE, c - QUIET_ZONE);
        expect(grid[r]![c]).toBe(expected);
      }
    }
    // Finder pattern: the top-left corner module is dark.
    expect(m.dark(0, 0)).toBe(true);
  });

  it('refuses empty content', () => {
    expect(() => qrMatrix('')).toThrow(AppError);
  });
});
