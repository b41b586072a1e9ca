/**
 * A printer's test page: Vietnamese text with every tone mark (a printer or a driver that mangles diacritics shows
 * at once), a ruler of the dots per line (a roll set to the wrong width cuts it off), a QR to scan, and the printer's
 * address and profile as the counter has it.
 */
import type { FontMetrics, LaidOutDocument, Op } from '../forms/layout';
import { t } from '../../i18n/translate';
import { RollStack, type RollPaper } from './stack';
import { qrBand, type NativeBand } from './ticket-layout';
import type { PrinterProfile } from './types';

const vi = (key: string, params: Record<string, unknown> = {}): string => t(`printing.render.testPage.${key}`, params, 'vi');

export interface TestPageLayout {
  doc: LaidOutDocument;
  dotsPerPoint: number;
  left: number;
  width: number;
  qr: NativeBand & { payload: string; moduleDots: number };
}

/** The QR of a test page: ASCII, says what it is and which roll width it was made for. */
export function testPagePayload(profile: PrinterProfile): string {
  return `MOTCUA-TEST ${profile.paperWidthMm}MM`;
}

/** A line along the whole printable width with a tick every 8 dots (long every 64): each line one dot wide. */
function rulerOps(s: RollStack, top: number): Op[] {
  const dot = 1 / s.dotsPerPoint;
  const ops: Op[] = [{ kind: 'line', x1: s.left, y1: top + 24.5 * dot, x2: s.left + s.width, y2: top + 24.5 * dot, width: dot, dashed: false }];
  for (let i = 0; i < s.dots; i += 8) {
    const x = s.left + (i + 0.5) * dot;
    const long = i % 64 === 0;
    ops.push({ kind: 'line', x1: x, y1: top + (long ? 0 : 12) * dot, x2: x, y2: top + 25 * dot, width: dot, dashed: false });
  }
  // The last dot of the line: the ruler must end exactly at the paper's edge of print.
  const last = s.left + (s.dots - 0.5) * dot;
  ops.push({ kind: 'line', x1: last, y1: top, x2: last, y2: top + 25 * dot, width: dot, dashed: false });
  return ops;
}

export function layoutTestPage(profile: PrinterProfile, printerUri: string, metrics: FontMetrics): TestPageLayout {
  const s = new RollStack(profile.paperWidthMm as RollPaper, metrics);
  const yes = (v: boolean): string => (v ? vi('yes') : vi('no'));
  s.text(vi('title'), 'bold', 12);
  s.gap(1.5);
  s.text(vi('vietnamese'), 'regular', 10);
  s.text(vi('tones'), 'regular', 9);
  s.text(vi('pangram'), 'italic', 8.5);
  s.rule();
  s.text(vi('ruler', { dots: s.dots }), 'regular', 7.5);
  s.gap(1);
  s.add(...rulerOps(s, s.band(26 / s.dotsPerPoint)));
  s.rule();
  s.text(vi('printer', { uri: printerUri }), 'regular', 8);
  s.text(vi('paper', { paper: profile.paperWidthMm, dots: s.dots }), 'regular', 8);
  s.text(vi('native', { text: yes(profile.nativeText), qr: yes(profile.nativeQr) }), 'regular', 8);
  s.text(vi('link', { status: yes(profile.statusQuery), processId: yes(profile.processIdReply) }), 'regular', 8);
  s.text(
    vi('codePage', { codePage: profile.codePage === null ? vi('defaultCodePage') : profile.codePage, cut: vi(`cutModes.${profile.cut}`), drawer: yes(profile.drawerKick) }),
    'regular',
    8,
  );
  s.gap(2);
  const payload = testPagePayload(profile);
  const qr = qrBand(s, payload);
  s.gap(0.5);
  s.text(vi('qrCaption', { payload }), 'italic', 7.5);
  return { doc: s.document(), dotsPerPoint: s.dotsPerPoint, left: s.left, width: s.width, qr };
}
