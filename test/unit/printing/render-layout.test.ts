/** The pure side of thermal rendering: the reprint mark in the forms layout, the 58 mm roll, the ticket's bands, cutting. */
import { describe, expect, it } from 'vitest';
import { layoutForm, MM, type FontMetrics, type LaidOutDocument, type Op } from '../../../core/domain/forms/layout';
import { validateTemplate } from '../../../core/domain/forms/template';
import type { FormLayout } from '../../../core/domain/forms/types';
import { reprintLabels, reprintTime } from '../../../core/domain/printing/reprint-mark';
import { layoutTicket, numberMagnify } from '../../../core/domain/printing/ticket-layout';
import type { Raster, TicketData } from '../../../core/domain/printing/types';
import { cutAroundNative } from '../../../core/services/printing/render/pieces';
import { checklistLine, sampleContext } from '../../integration/forms/fixtures';

const metrics: FontMetrics = {
  measure: (text, font, size) => [...text].length * size * (font === 'bold' ? 0.55 : 0.5),
  ascent: 0.9,
  descent: 0.25,
};

const BLOCKS = [
  { type: 'title', text: 'GIẤY TIẾP NHẬN HỒ SƠ' },
  { type: 'paragraph', text: 'Mã hồ sơ: {{dossier.code}}' },
  { type: 'table', source: 'checklist', columns: [{ header: 'Tên giấy tờ', value: '{{name}}', width: 1 }] },
  { type: 'qr', layouts: ['80mm'], caption: ['Quét mã'] },
];

function layout(name: FormLayout, reprint?: { at: string }, checklistItems = 3): LaidOutDocument {
  const template = validateTemplate({ version: 1, title: 't', blocks: BLOCKS }, 'test.json');
  const context = sampleContext({ checklist: Array.from({ length: checklistItems }, (_, i) => checklistLine(`Giấy tờ ${i + 1}`, 1)) });
  return layoutForm({ template, context, computed: { lookupTarget: context.dossier.code }, layout: name, metrics, reprint });
}

const texts = (ops: Op[]): Extract<Op, { kind: 'text' }>[] => ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text');

describe('reprint mark', () => {
  it('prints the time as the counter reads it: local as is, an instant in Vietnam time, anything else unchanged', () => {
    expect(reprintTime('2026-12-06T14:05')).toBe('14:05 06/12/2026');
    expect(reprintTime('2026-12-06T14:05:31')).toBe('14:05 06/12/2026');
    expect(reprintTime('2026-12-06T20:30:00.000Z')).toBe('03:30 07/12/2026');
    expect(reprintTime('2026-12-06T14:05:00+07:00')).toBe('14:05 06/12/2026');
    expect(reprintTime('14:05 06/12/2026')).toBe('14:05 06/12/2026');
    expect(reprintLabels('2026-12-06T14:05')).toEqual({ title: 'BẢN IN LẠI — 14:05 06/12/2026', time: '14:05 06/12/2026', note: 'REPRINT' });
  });

  it('on the roll: the mark comes first and pushes the form down; without it the form is as before', () => {
    for (const roll of ['80mm', '58mm'] as const) {
      const plain = layout(roll);
      const marked = layout(roll, { at: '2026-03-05T10:02' });
      const markedTexts = texts(marked.pages[0]!.ops);
      const note = markedTexts.findIndex((t) => t.text === 'REPRINT');
      expect(note).toBeGreaterThan(0);
      // First out of the printer, wrapped on the narrow roll but never inside the time.
      expect(markedTexts.slice(0, note).map((t) => t.text.trim()).join(' ').replace(/\s+/g, ' ')).toBe('BẢN IN LẠI — 10:02 05/03/2026');
      expect(markedTexts.slice(0, note).some((t) => t.text.includes('10:02 05/03/2026'))).toBe(true);
      expect(texts(plain.pages[0]!.ops).map((t) => t.text).join(' ')).not.toContain('IN LẠI');
      const title = (d: LaidOutDocument) => texts(d.pages[0]!.ops).find((t) => t.text.includes('GIẤY'))!;
      expect(title(marked).y).toBeGreaterThan(title(plain).y + 5 * MM);
      expect(marked.pages[0]!.height).toBeGreaterThan(plain.pages[0]!.height);
    }
  });

  it('on A4: every page carries the mark in its top margin, and nothing else moves', () => {
    const plain = layout('a4', undefined, 60);
    const marked = layout('a4', { at: '2026-03-05T10:02' }, 60);
    expect(plain.pages.length).toBeGreaterThan(1);
    expect(marked.pages.length).toBe(plain.pages.length);
    marked.pages.forEach((page, i) => {
      const mark = texts(page.ops).filter((t) => t.text.startsWith('BẢN IN LẠI'));
      expect(mark).toHaveLength(1);
      expect(mark[0]!.y).toBeLessThan(20 * MM);
      const rest = page.ops.filter((o) => !(o.kind === 'text' && (o.text.startsWith('BẢN IN LẠI') || o.text === 'REPRINT')));
      // The mark's frame is 4 lines; the rest is the page as it was.
      expect(rest.length - 4).toBe(plain.pages[i]!.ops.length);
    });
  });
});

describe('58 mm roll', () => {
  it('is 58 mm wide with 48 mm printable, and prints the blocks templates tag for the roll (80mm)', () => {
    const doc = layout('58mm');
    expect(doc.width).toBeCloseTo(58 * MM, 5);
    expect(doc.pages[0]!.ops.some((o) => o.kind === 'qr')).toBe(true);
    for (const op of texts(doc.pages[0]!.ops)) {
      expect(op.x).toBeGreaterThanOrEqual(5 * MM - 0.01);
      expect(op.x + metrics.measure(op.text, op.font, op.size)).toBeLessThanOrEqual(53 * MM + 0.01);
    }
    expect(layout('a4').pages[0]!.ops.some((o) => o.kind === 'qr')).toBe(false);
  });
});

const TICKET: TicketData = {
  number: 'A023',
  service: 'Chứng thực bản sao',
  place: 'UBND phường Bến Nghé',
  issuedAt: '08:05 07/12/2026',
  ahead: 4,
  waitMinutes: 12,
  qr: 'https://q.example.vn/t/1',
  reprint: null,
};

describe('ticket layout', () => {
  it('has the place, heading, number, service, time, people ahead, wait, QR caption and footer', () => {
    const t = layoutTicket(TICKET, 80, metrics);
    const all = texts(t.doc.pages[0]!.ops).map((o) => o.text).join('\n');
    for (const s of [
      'UBND phường Bến Nghé',
      'SỐ THỨ TỰ',
      'A023',
      'Chứng thực bản sao',
      'Giờ lấy số: 08:05 07/12/2026',
      'Số người đang chờ trước bạn: 4',
      'Thời gian chờ dự kiến: khoảng 12 phút',
      'Quét mã để theo dõi lượt của bạn',
    ])
      expect(all).toContain(s);
    expect(t.doc.pages[0]!.ops.filter((o) => o.kind === 'qr')).toHaveLength(1);
  });

  it('leaves out what the queue does not know, and the QR when there is none', () => {
    const t = layoutTicket({ ...TICKET, ahead: null, waitMinutes: null, qr: null, place: null }, 80, metrics);
    const all = texts(t.doc.pages[0]!.ops).map((o) => o.text).join('\n');
    expect(all).not.toContain('Số người đang chờ');
    expect(all).not.toContain('Thời gian chờ');
    expect(all).not.toContain('Quét mã');
    expect(t.qr).toBeNull();
    expect(t.doc.pages[0]!.ops.some((o) => o.kind === 'qr')).toBe(false);
  });

  it('the number and QR bands hold nothing but the number and the QR', () => {
    for (const paper of [80, 58] as const) {
      const t = layoutTicket({ ...TICKET, reprint: { at: '2026-12-07T08:30' } }, paper, metrics);
      for (const band of [t.number, t.qr!]) {
        const inside = t.doc.pages[0]!.ops.filter((o) => {
          const [top, bottom] = o.kind === 'text' ? [o.y - o.size * metrics.ascent, o.y + o.size * metrics.descent] : o.kind === 'line' ? [Math.min(o.y1, o.y2), Math.max(o.y1, o.y2)] : [o.y, o.y + o.side];
          return bottom > band.top + 0.01 && top < band.bottom - 0.01;
        });
        expect(inside).toHaveLength(1);
        expect(inside[0]!.kind === 'qr' || (inside[0]!.kind === 'text' && inside[0]!.text === 'A023')).toBe(true);
      }
      // The number band is as tall as the printer's font A (24 dots) magnified.
      expect((t.number.bottom - t.number.top) * t.dotsPerPoint).toBeCloseTo(24 * t.number.magnify, 6);
      expect(t.width * t.dotsPerPoint).toBeCloseTo(paper === 80 ? 576 : 384, 6);
    }
  });

  it('magnifies the number as far as the roll allows (1..6)', () => {
    expect(numberMagnify('A023', 576)).toBe(6);
    expect(numberMagnify('ABCDEFGHIJKL', 576)).toBe(4);
    expect(numberMagnify('ABCDEFGHIJKL', 384)).toBe(2);
    expect(numberMagnify('X'.repeat(40), 384)).toBe(1);
  });
});

describe('cutting the preview around native pieces', () => {
  const raster = (height: number): Raster => {
    const bits = new Uint8Array(height);
    for (let y = 0; y < height; y++) bits[y] = y;
    return { width: 8, height, bits };
  };

  it('keeps the rows above, between and below the bands, in order, with the native pieces in place', () => {
    const pieces = cutAroundNative(
      raster(100),
      [
        { top: 60, bottom: 80, piece: { kind: 'qr', payload: 'x', moduleDots: 4 } },
        { top: 10, bottom: 30, piece: { kind: 'text', text: 'A1', magnify: 2 } },
      ],
      1,
    );
    expect(pieces.map((p) => p.kind)).toEqual(['raster', 'text', 'raster', 'qr', 'raster']);
    const rows = pieces.flatMap((p) => (p.kind === 'raster' ? [...p.raster.bits] : []));
    expect(rows).toEqual([...Array.from({ length: 10 }, (_, i) => i), ...Array.from({ length: 30 }, (_, i) => 30 + i), ...Array.from({ length: 20 }, (_, i) => 80 + i)]);
  });

  it('no bands: the whole preview is the one piece; a band at the very top or bottom leaves no empty raster', () => {
    expect(cutAroundNative(raster(5), [], 1)).toEqual([{ kind: 'raster', raster: raster(5) }]);
    const edge = cutAroundNative(raster(40), [{ top: 0, bottom: 20, piece: { kind: 'text', text: '1', magnify: 1 } }, { top: 20, bottom: 40, piece: { kind: 'qr', payload: 'q', moduleDots: 2 } }], 1);
    expect(edge.map((p) => p.kind)).toEqual(['text', 'qr']);
  });
});
