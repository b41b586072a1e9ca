import { describe, expect, it } from 'vitest';
import { lookupTarget, parseFormContext } from '../../../core/domain/forms/context';
import { DOSSIER_CODE, sampleContext } from '../../integration/forms/fixtures';

const withUrl = (lookupUrl: string, code = DOSSIER_CODE) => {
  const ctx = sampleContext({ lookupUrl });
  return parseFormContext({ ...ctx, dossier: { ...ctx.dossier, code } });
};

describe('lookupTarget with a {code} slot', () => {
  it('puts the dossier code in place of {code}', () => {
    expect(lookupTarget(withUrl('https://dichvucong.example.vn/tra-cuu/{code}'))).toBe(
      `https://dichvucong.example.vn/tra-cuu/${DOSSIER_CODE}`,
    );
    expect(lookupTarget(withUrl('https://dvc.example.vn/tra-cuu?ma={code}&lang=vi'))).toBe(
      `https://dvc.example.vn/tra-cuu?ma=${DOSSIER_CODE}&lang=vi`,
    );
  });

  it('URL-encodes the code there', () => {
    expect(lookupTarget(withUrl('https://dvc.example.vn/hs/{code}/trang-thai', 'HS 01/Đ?&'))).toBe(
      `https://dvc.example.vn/hs/${encodeURIComponent('HS 01/Đ?&')}/trang-thai`,
    );
  });

  it('accepts the slot as a URL parser escapes it', () => {
    expect(lookupTarget(withUrl('https://dvc.example.vn/tra-cuu/%7Bcode%7D'))).toBe(`https://dvc.example.vn/tra-cuu/${DOSSIER_CODE}`);
  });

  it('still appends ?code= without a slot', () => {
    expect(lookupTarget(withUrl('https://dvc.example.vn/tra-cuu'))).toBe(`https://dvc.example.vn/tra-cuu?code=${DOSSIER_CODE}`);
  });
});
