import { describe, expect, it } from 'vitest';
import { foldVietnamese, normaliseQuery } from '../../core/domain/text/fold';

describe('foldVietnamese', () => {
  it('removes diacritics and folds đ/Đ, keeping length', () => {
    const s = 'Đăng ký kinh doanh ĐẤT đai';
    expect(foldVietnamese(s)).toBe('dang ky kinh doanh dat dai');
    expect(foldVietnamese(s).length).toBe(s.normalize('NFC').length);
  });
  it('treats NFD input like NFC', () => {
    expect(foldVietnamese('Cấp giấy phép'.normalize('NFD'))).toBe('cap giay phep');
  });
  it('normalises white space in queries', () => {
    expect(normaliseQuery('  CAP   giấy\tphep ')).toBe('cap giay phep');
  });
});
