/**
 * A thermal job as pieces: the whole drawing is one raster (the preview); where the printer draws something itself
 * (the ticket number in its own font, a QR with GS ( k) the raster is cut above and below that band and the native
 * piece goes between. The bands hold nothing else, so the paper matches the preview.
 */
import type { NativeBand } from '../../../domain/printing/ticket-layout';
import type { Raster, ThermalPiece } from '../../../domain/printing/types';
import { sliceRaster } from './raster';

export type NativeCut = NativeBand & { piece: Extract<ThermalPiece, { kind: 'text' | 'qr' }> };

/** `preview` cut around each band (points from the top, `dotsPerPoint` dots each), native pieces in their place. */
export function cutAroundNative(preview: Raster, cuts: readonly NativeCut[], dotsPerPoint: number): ThermalPiece[] {
  const pieces: ThermalPiece[] = [];
  let row = 0;
  const rasterTo = (end: number): void => {
    if (end > row) pieces.push({ kind: 'raster', raster: sliceRaster(preview, row, end) });
  };
  for (const cut of [...cuts].sort((a, b) => a.top - b.top)) {
    const top = Math.max(row, Math.round(cut.top * dotsPerPoint));
    rasterTo(top);
    pieces.push(cut.piece);
    row = Math.max(top, Math.round(cut.bottom * dotsPerPoint));
  }
  rasterTo(preview.height);
  return pieces;
}
