import { describe, expect, it } from 'vitest';
import { EXTRA_ITEM_CODE } from '../../../core/domain/dossier/checklist';
import {
  ITEM_SHEET_PREFIX,
  itemAfterSeparator,
  itemSheetText,
  PATCH_T_TEXT,
  parseSeparatorText,
  type SeparatorMark,
} from '../../../core/domain/scanning/separators';
import { OTHER_ITEM_CODE } from '../../../core/services/documents/attachments';

const CHECKLIST = ['TK01', 'CCCD', 'GiayKhaiSinh_ban_sao'];
const patchT: SeparatorMark = { kind: 'patch-t', text: PATCH_T_TEXT };

describe('parseSeparatorText: only our sheets are separators', () => {
  it('reads Patch-T in Code 39, whatever the reader calls Code 39', () => {
    for (const format of ['Code39', 'CODE-39', 'Code 39', 'Code39Std', 'Code 39 Standard']) {
      expect(parseSeparatorText(format, 'PATCHT')).toEqual({ kind: 'patch-t', text: 'PATCHT' });
    }
  });

  it('reads an item sheet QR code, lower case and "_" included', () => {
    const text = itemSheetText('GiayKhaiSinh_ban_sao');
    expect(text).toBe(`${ITEM_SHEET_PREFIX}GiayKhaiSinh_ban_sao`);
    for (const format of ['QRCode', 'QR-Code', 'QR Code']) {
      expect(parseSeparatorText(format, text)).toEqual({ kind: 'item', itemCode: 'GiayKhaiSinh_ban_sao', text });
    }
  });

  it('ignores the barcodes a citizen\'s documents carry', () => {
    // A CCCD chip QR, a receipt's QR, an URL, a product code: none of them splits a batch.
    expect(parseSeparatorText('QRCode', '001099012345|123456789|Nguyễn Văn An|01011990|Nam|Số 1 Hàng Bông, Hà Nội|01012021')).toBeNull();
    expect(parseSeparatorText('QRCode', 'https://dichvucong.gov.vn/tra-cuu?ma=000.00.01.H01-250101-0001')).toBeNull();
    expect(parseSeparatorText('Code128', 'PATCHT')).toBeNull();
    expect(parseSeparatorText('EAN13', '8934563138165')).toBeNull();
    // Patch-T is a Code 39 sheet; an item code is a QR code: each only in its own symbology.
    expect(parseSeparatorText('QRCode', 'PATCHT')).toBeNull();
    expect(parseSeparatorText('Code39', `${ITEM_SHEET_PREFIX}TK01`)).toBeNull();
    // Code 39 text that merely contains PATCHT (a shipping label) is not a Patch-T sheet.
    expect(parseSeparatorText('Code39', 'PATCHT01')).toBeNull();
    expect(parseSeparatorText('Code39', 'XPATCHT')).toBeNull();
  });

  it('refuses an item sheet whose code could not be a checklist item code', () => {
    expect(parseSeparatorText('QRCode', ITEM_SHEET_PREFIX)).toBeNull();
    expect(parseSeparatorText('QRCode', `${ITEM_SHEET_PREFIX}TK 01`)).toBeNull();
    expect(parseSeparatorText('QRCode', `${ITEM_SHEET_PREFIX}${'A'.repeat(41)}`)).toBeNull();
    expect(parseSeparatorText('QRCode', `motcua-item:TK01`)).toBeNull();
    expect(() => itemSheetText('TK 01')).toThrow(RangeError);
  });
});

describe('itemAfterSeparator', () => {
  it('Patch-T moves to the next checklist item, then to "other documents" after the last', () => {
    expect(itemAfterSeparator(patchT, 'TK01', CHECKLIST)).toBe('CCCD');
    expect(itemAfterSeparator(patchT, 'CCCD', CHECKLIST)).toBe('GiayKhaiSinh_ban_sao');
    expect(itemAfterSeparator(patchT, 'GiayKhaiSinh_ban_sao', CHECKLIST)).toBe('KHAC');
    expect(itemAfterSeparator(patchT, 'KHAC', CHECKLIST)).toBe('KHAC');
    expect(itemAfterSeparator(patchT, 'TK01', [])).toBe('KHAC');
  });

  it('an item sheet names its item; a code this checklist lacks goes to "other documents"', () => {
    const sheet = (itemCode: string): SeparatorMark => ({ kind: 'item', itemCode, text: itemSheetText(itemCode) });
    expect(itemAfterSeparator(sheet('GiayKhaiSinh_ban_sao'), 'TK01', CHECKLIST)).toBe('GiayKhaiSinh_ban_sao');
    expect(itemAfterSeparator(sheet('TK01'), 'CCCD', CHECKLIST)).toBe('TK01');
    expect(itemAfterSeparator(sheet('KHAC'), 'TK01', CHECKLIST)).toBe('KHAC');
    // Item codes are compared exactly, as the catalogue stores them.
    expect(itemAfterSeparator(sheet('tk01'), 'CCCD', CHECKLIST)).toBe('KHAC');
    expect(itemAfterSeparator(sheet('GPXD'), 'TK01', CHECKLIST)).toBe('KHAC');
  });

  it('"other documents" is one constant shared by the domain and the document store', () => {
    expect(OTHER_ITEM_CODE).toBe(EXTRA_ITEM_CODE);
    expect(EXTRA_ITEM_CODE).toBe('KHAC');
  });
});
