import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_CHARS, safeFileName } from '../../../core/services/documents/file-names';
import { sniffText } from '../../../core/services/documents/content-type';

describe('stored file names', () => {
  it('drops bidirectional controls, so a name reads as what it is', () => {
    expect(safeFileName('evil\u202Efdp.exe')).toBe('evilfdp.exe');
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(safeFileName(`ho${c}so.pdf`), JSON.stringify(c)).toBe('hoso.pdf');
    }
  });

  it('drops other invisible controls and path parts, and never starts with a dot', () => {
    expect(safeFileName('a\u0000b\u0007c\u200Bd.pdf')).toBe('abcd.pdf');
    expect(safeFileName('..\\..\\windows\\system32\\x.pdf')).toBe('x.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('.bashrc')).toBe('_bashrc');
    expect(safeFileName('to khai.pdf. . ')).toBe('to khai.pdf');
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(safeFileName('\u202E')).toBe('file');
  });

  it('keeps the extension when it shortens a long name', () => {
    const long = `${'Giấy chứng nhận quyền sử dụng đất '.repeat(10)}.pdf`;
    const out = safeFileName(long);
    expect([...out].length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
    expect(out.endsWith('.pdf')).toBe(true);
    expect(safeFileName(`${'x'.repeat(300)}\u202E.exe`).endsWith('.exe')).toBe(true);
  });
});

describe('text content sniffing', () => {
  it('finds HTML, scripts and SVG with script, and leaves plain text alone', () => {
    expect(sniffText(Buffer.from('  <!DOCTYPE html><p>x'))?.ext).toBe('html');
    expect(sniffText(Buffer.from('<html><body>'))?.ext).toBe('html');
    expect(sniffText(Buffer.from('\uFEFF<script>alert(1)</script>'))?.ext).toBe('html');
    expect(sniffText(Buffer.from('#!/bin/sh\nrm -rf /'))?.ext).toBe('script');
    expect(sniffText(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))?.ext).toBe('svg-script');
    expect(sniffText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html>', 'utf16le')]))?.ext).toBe('html');
    expect(sniffText(Buffer.from('Ghi chú: nộp bản sao.'))).toBeNull();
  });
});
