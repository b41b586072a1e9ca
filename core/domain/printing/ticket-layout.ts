/**
 * A queue ticket laid out with the forms engine's primitives (pure; measured with the fonts passed in). A small
 * layout in code rather than a template: the ticket's number and QR must sit in bands whose height is what the
 * printer itself draws (its font magnified, its QR modules), so the raster can be cut around them and the printer's
 * own text and QR dropped in — something the template language has no notion of.
 */
import type { FontMetrics, LaidOutDocument } from '../forms/layout';
import { reprintMarkOps } from '../forms/layout';
import { qrMatrix, qrSvgPath, QUIET_ZONE } from '../forms/qr';
import { t } from '../../i18n/translate';
import { RollStack, type RollPaper } from './stack';
import type { TicketData } from './types';

/** ESC/POS font A cell: 12 × 24 dots; GS ! magnifies it 1..8 times. */
export const NATIVE_CELL = { width: 12, height: 24 };
/** Digits of DejaVu Serif are 0.73 em tall, about the share of font A's 24-dot cell its digits fill. */
const DIGIT_HEIGHT_EM = 0.73;
const FONT_A_INK = 0.72;
/** QR on a ticket: about 24 mm, in whole printer dots per module. */
const QR_TARGET_MM = 24;
const MAX_MAGNIFY = 6;

const vi = (key: string, params: Record<string, unknown> = {}): string => t(`printing.render.ticket.${key}`, params, 'vi');

/** A horizontal band of the page (points from its top) holding only one thing the printer may draw itself. */
export interface NativeBand {
  top: number;
  bottom: number;
}

export interface TicketLayout {
  doc: LaidOutDocument;
  dotsPerPoint: number;
  /** The printable area (points): what the raster covers. */
  left: number;
  width: number;
  number: NativeBand & { text: string; magnify: number };
  qr: (NativeBand & { payload: string; moduleDots: number }) | null;
}

/** How much the printer magnifies the number so it fills the roll without running over it. */
export function numberMagnify(text: string, dots: number): number {
  return Math.max(1, Math.min(MAX_MAGNIFY, Math.floor(dots / (NATIVE_CELL.width * Math.max(1, text.length)))));
}

/** Dots per QR module for a payload: whole dots, about QR_TARGET_MM wide with its quiet zone. */
export function qrModuleDots(payload: string, dotsPerMm: number): { modules: number; moduleDots: number } {
  const size = qrMatrix(payload).size;
  const modules = size + 2 * QUIET_ZONE;
  return { modules, moduleDots: Math.max(2, Math.min(16, Math.floor((QR_TARGET_MM * dotsPerMm) / modules))) };
}

/** The QR (with its quiet zone) centred in a band of the stack, in whole dots per module. */
export function qrBand(stack: RollStack, payload: string): NativeBand & { payload: string; moduleDots: number } {
  const dotsPerMm = stack.dotsPerPoint * (72 / 25.4);
  const { modules, moduleDots } = qrModuleDots(payload, dotsPerMm);
  const side = (modules * moduleDots) / stack.dotsPerPoint;
  const top = stack.band(side);
  stack.add({ kind: 'qr', x: stack.left + (stack.width - side) / 2, y: top, side, modules, path: qrSvgPath(qrMatrix(payload)) });
  return { top, bottom: top + side, payload, moduleDots };
}

/** `text` drawn as large as the printer's font magnified `magnify` times would be, centred in its band. */
export function numberBand(stack: RollStack, text: string, magnify: number): NativeBand & { text: string; magnify: number } {
  const bandHeight = (NATIVE_CELL.height * magnify) / stack.dotsPerPoint;
  let size = (bandHeight * FONT_A_INK) / DIGIT_HEIGHT_EM;
  const width = stack.metrics.measure(text, 'bold', size);
  if (width > stack.width) size *= stack.width / width;
  const top = stack.band(bandHeight);
  const w = stack.metrics.measure(text, 'bold', size);
  const baseline = top + (bandHeight + DIGIT_HEIGHT_EM * size) / 2;
  stack.add({ kind: 'text', x: stack.left + (stack.width - w) / 2, y: baseline, text, font: 'bold', size });
  return { top, bottom: top + bandHeight, text, magnify };
}

export function layoutTicket(ticket: TicketData, paper: RollPaper, metrics: FontMetrics): TicketLayout {
  const s = new RollStack(paper, metrics);
  if (ticket.reprint) {
    const mark = reprintMarkOps(ticket.reprint.at, s.left, s.width, s.y, { fontScale: 8 / 12, lengthScale: 0.55, lineFactor: s.lineFactor }, metrics);
    s.add(...mark.ops);
    s.band(mark.height);
    s.gap(2);
  }
  if (ticket.place) {
    s.text(ticket.place, 'bold', 9.5);
    s.rule();
  }
  s.text(vi('heading'), 'bold', 11);
  s.gap(1.5);
  const number = numberBand(s, ticket.number, numberMagnify(ticket.number, s.dots));
  s.gap(2);
  if (ticket.service) s.text(ticket.service, 'bold', 10);
  s.gap(1);
  s.text(vi('issuedAt', { at: ticket.issuedAt }), 'regular', 8);
  if (ticket.ahead !== null) s.text(vi('ahead', { count: ticket.ahead }), 'regular', 8.5);
  if (ticket.waitMinutes !== null) s.text(vi('wait', { minutes: ticket.waitMinutes }), 'regular', 8.5);
  let qr: TicketLayout['qr'] = null;
  if (ticket.qr) {
    s.gap(2);
    qr = qrBand(s, ticket.qr);
    s.gap(0.5);
    s.text(vi('qrCaption'), 'italic', 7.5);
  }
  s.rule(true);
  s.text(vi('footer'), 'italic', 7);
  return { doc: s.document(), dotsPerPoint: s.dotsPerPoint, left: s.left, width: s.width, number, qr };
}
