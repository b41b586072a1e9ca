import { describe, expect, it } from 'vitest';
import { assertAcceptable, type DetectedType } from '../../../core/services/documents/content-type';

const codeOf = (fileName: string, detected: DetectedType | null, accepted?: string[]) => {
  try {
    assertAcceptable({ fileName, detected }, accepted, 'Bản vẽ', 'attachments.0');
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};
const PDF = { ext: 'pdf', mime: 'application/pdf' };

describe('what an item accepts', () => {
  it('takes PDF, JPEG, PNG and TIFF when the catalogue names no types', () => {
    expect(codeOf('a.pdf', PDF)).toBe('ok');
    expect(codeOf('a.jpeg', { ext: 'jpg', mime: 'image/jpeg' })).toBe('ok');
    expect(codeOf('a.tiff', { ext: 'tif', mime: 'image/tiff' })).toBe('ok');
    expect(codeOf('a.docx', { ext: 'docx', mime: 'x' })).toBe('DOSSIER_FILE_TYPE_NOT_ALLOWED');
  });

  it('takes the catalogue\'s own types when their content agrees, and types no magic number names', () => {
    expect(codeOf('ban-ve.dwg', { ext: 'dwg', mime: 'image/vnd.dwg' }, ['pdf', 'dwg'])).toBe('ok');
    expect(codeOf('don.doc', { ext: 'cfb', mime: 'application/x-cfb' }, ['doc'])).toBe('ok');
    expect(codeOf('ghi-chu.txt', null, ['txt'])).toBe('ok');
    expect(codeOf('ban-ve.dwg', PDF, ['pdf', 'dwg'])).toBe('DOSSIER_FILE_CONTENT_MISMATCH');
  });

  it('never takes programs or pages, even when the catalogue lists them', () => {
    expect(codeOf('cai-dat.exe', { ext: 'exe', mime: 'application/x-msdownload' }, ['exe'])).toBe('DOSSIER_FILE_DANGEROUS');
    expect(codeOf('trang.html', null, ['html'])).toBe('DOSSIER_FILE_DANGEROUS');
    expect(codeOf('anh.png', { ext: 'html', mime: 'text/html' })).toBe('DOSSIER_FILE_DANGEROUS');
  });
});
