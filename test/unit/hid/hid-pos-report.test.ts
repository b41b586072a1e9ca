import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { parseCccdQr } from '../../../core/domain/cccd/parse';
import {
  decodeHidPosReports,
  decodeHidPosScan,
  HidPosAssembler,
  parseScannedDataReport,
} from '../../../native/hid/hid-pos-report';
import { reportsFor } from './reports';

const QR = '079303001234|264123456|Nguyễn Thị Huỳnh Như|01012003|Nữ|123/45 Nguyễn Thị Minh Khai, Phường Phạm Ngũ Lão, Quận 1, Thành phố Hồ Chí Minh|02022022';

function code(f: () => unknown): { code: string; reason: unknown } {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, reason: e.params.reason };
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('parseScannedDataReport', () => {
  it('reads length, AIM symbology, data and the continued flag', () => {
    const [r] = reportsFor('HELLO', { symbology: ']Q1' });
    if (r === undefined) throw new Error('no report');
    expect(r.length).toBe(64);
    const p = parseScannedDataReport(r);
    expect(p.symbology).toBe(']Q1');
    expect(Buffer.from(p.data).toString()).toBe('HELLO');
    expect(p.continued).toBe(false);
  });

  it('refuses a length larger than the report can hold, a wrong report ID and a runt report', () => {
    const [r] = reportsFor('HELLO');
    if (r === undefined) throw new Error('no report');
    const bad = Buffer.from(r);
    bad[1] = 57; // 64-byte report holds 56 data bytes
    expect(code(() => parseScannedDataReport(bad))).toEqual({ code: 'CCCD_SCANNER_BAD_REPORT', reason: 'length' });
    const other = Buffer.from(r);
    other[0] = 0x04;
    expect(code(() => parseScannedDataReport(other)).reason).toBe('report_id');
    expect(code(() => parseScannedDataReport(Buffer.from([2, 0, 0, 0]))).reason).toBe('too_short');
  });
});

describe('decodeHidPosReports', () => {
  it('joins a barcode spread over several reports', () => {
    const reports = reportsFor(QR);
    expect(reports.length).toBeGreaterThan(2);
    expect(decodeHidPosReports(reports)).toBe(QR);
    expect(decodeHidPosScan(reports).symbology).toBe(']Q1');
  });

  it('decodes a character whose UTF-8 bytes straddle two reports', () => {
    // 55 ASCII bytes, then "ễ" (3 bytes): its first byte ends report 1, the rest open report 2.
    const text = `${'A'.repeat(55)}ễ tail`;
    const reports = reportsFor(text);
    expect(reports).toHaveLength(2);
    expect(reports[0]?.[1]).toBe(56);
    expect(decodeHidPosReports(reports)).toBe(text);
  });

  it('works with devices that send reports without an ID byte', () => {
    const reports = reportsFor(QR, { reportId: null });
    expect(reports[0]?.length).toBe(63);
    expect(decodeHidPosReports(reports, { reportId: null })).toBe(QR);
  });

  it('works with other report sizes', () => {
    expect(decodeHidPosReports(reportsFor(QR, { size: 32 }))).toBe(QR);
  });

  it('refuses an unfinished barcode, one that ends early, no reports, and bytes that are not UTF-8', () => {
    const reports = reportsFor(QR);
    expect(code(() => decodeHidPosReports(reports.slice(0, 2))).reason).toBe('unfinished');
    expect(code(() => decodeHidPosReports([...reportsFor('short'), ...reports])).reason).toBe('ended_early');
    expect(code(() => decodeHidPosReports([])).reason).toBe('empty');
    expect(code(() => decodeHidPosReports(reportsFor(Buffer.from([0x48, 0xe1, 0xbb, 0x41])))).code).toBe('CCCD_SCANNER_NOT_UTF8');
  });

  it('hands the CCCD parser exact UTF-8: the applicant comes out intact', () => {
    const r = parseCccdQr(decodeHidPosReports(reportsFor(`${QR}\r\n`)), { now: new Date('2026-03-01T00:00:00Z') });
    expect(r.fullName).toBe('Nguyễn Thị Huỳnh Như');
    expect(r.warnings).toEqual([]);
  });
});

describe('HidPosAssembler', () => {
  it('emits each barcode when its final report arrives and ignores other reports', () => {
    const a = new HidPosAssembler();
    const trigger = Buffer.alloc(64);
    trigger[0] = 0x04;
    const seen: string[] = [];
    for (const r of [...reportsFor(QR), trigger, ...reportsFor('SECOND')]) {
      const scan = a.push(r);
      if (scan !== null) seen.push(scan.text);
      if (r === trigger) expect(a.inProgress).toBe(false);
    }
    expect(seen).toEqual([QR, 'SECOND']);
  });

  it('reports progress and starts clean after a bad report', () => {
    const a = new HidPosAssembler();
    const [first, ...rest] = reportsFor(QR);
    if (first === undefined) throw new Error('no report');
    expect(a.push(first)).toBeNull();
    expect(a.inProgress).toBe(true);
    const bad = Buffer.from(first);
    bad[1] = 200;
    expect(() => a.push(bad)).toThrow(AppError);
    expect(a.inProgress).toBe(false);
    expect(rest.length).toBeGreaterThan(0);
    const again = reportsFor('AFTER');
    expect(again.map((r) => a.push(r)).at(-1)?.text).toBe('AFTER');
  });
});
