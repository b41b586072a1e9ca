/**
 * QR codes drawn as vector paths: sharper on any printer and smaller than an embedded PNG.
 * One path of horizontal runs (same winding) so rasterisers leave no seams between modules.
 */
import QRCode from 'qrcode';
import { AppError } from '../../contract/errors';

/** Modules of light margin around the symbol; the QR specification asks for four. */
export const QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(content: string): QrMatrix {
  if (!content) throw new AppError('FORMS_QR_FAILED', { problem: 'empty content' });
  try {
    const qr = QRCode.create(content, { errorCorrectionLevel: 'M' });
    const { size, data } = qr.modules;
    return { size, dark: (row, col) => data[row * size + col] === 1 };
  } catch (e) {
    throw new AppError('FORMS_QR_FAILED', { problem: (e as Error).message }, { cause: e });
  }
}

/** SVG path in module units, origin at the top-left of the quiet zone (side = size + 2 × QUIET_ZONE). */
export function qrSvgPath(m: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < m.size; row++) {
    let col = 0;
    while (col < m.size) {
      if (!m.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.size && m.dark(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}
