import { describe, expect, it } from 'vitest';
import { classifyScan, ScanRouter, type RoutedScan } from '../../../renderer/src/input/scan-router';

const CCCD = '001185004321||Trần Thị Bích Ngọc|03081985|Nữ|Số 5 ngõ 7 phố Huế, Hà Nội|10082021';

describe('classifyScan', () => {
  it('tells a CCCD QR, a receipt QR (lookup URL or bare code) and anything else apart', () => {
    expect(classifyScan(CCCD)).toBe('cccd');
    expect(classifyScan(`  ${CCCD}\n`)).toBe('cccd');
    expect(classifyScan('https://dichvucong.example.vn/tra-cuu?code=000.27.10.H12-261206-0001')).toBe('receipt');
    expect(classifyScan('000.27.10.H12-261206-0001')).toBe('receipt');
    expect(classifyScan('Xin chào')).toBe('other');
    expect(classifyScan('a|b|c')).toBe('other');
    // Not the ID number first: not a card, however many fields.
    expect(classifyScan('12345|Trần Thị Bích Ngọc|03081985|Nữ|x|y|z')).toBe('other');
  });
});

describe('ScanRouter', () => {
  const log: string[] = [];
  const handler =
    (name: string, take = true) =>
    (s: RoutedScan) => {
      log.push(`${name}:${s.kind}:${s.source}`);
      return take;
    };

  it('offers a scan to the newest handler of its kind first, and on down when one passes', () => {
    log.length = 0;
    const r = new ScanRouter();
    r.register(handler('screen'), { kinds: ['cccd', 'receipt', 'other'] });
    const off = r.register(handler('panel', false), { kinds: ['cccd'] });
    expect(r.route(CCCD, 'wedge', { dialogOpen: false }).handled).toBe(true);
    expect(log).toEqual(['panel:cccd:wedge', 'screen:cccd:wedge']);
    off();
    log.length = 0;
    r.route('ABC-123456', 'hid', { dialogOpen: false });
    expect(log).toEqual(['screen:receipt:hid']);
  });

  it('while a modal dialog is open, only the dialog\'s own handler is asked; the screen behind never acts', () => {
    log.length = 0;
    const r = new ScanRouter();
    r.register(handler('screen'), { kinds: ['cccd', 'receipt', 'other'] });
    expect(r.route(CCCD, 'wedge', { dialogOpen: true })).toMatchObject({ handled: false, scan: { kind: 'cccd' } });
    expect(log).toEqual([]);
    const off = r.register(handler('return-dialog'), { kinds: ['cccd', 'receipt', 'other'], modal: true });
    expect(r.route(CCCD, 'wedge', { dialogOpen: true }).handled).toBe(true);
    expect(log).toEqual(['return-dialog:cccd:wedge']);
    off();
    expect(r.route(CCCD, 'wedge', { dialogOpen: true }).handled).toBe(false);
  });

  it('reports a scan nobody registered for as not handled (the app says so instead of typing it)', () => {
    const r = new ScanRouter();
    r.register(() => true, { kinds: ['receipt'] });
    expect(r.route(CCCD, 'wedge', { dialogOpen: false })).toEqual({ handled: false, scan: { text: CCCD, kind: 'cccd', source: 'wedge' } });
  });
});
