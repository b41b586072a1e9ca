import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../../core/domain/text/fold';
import { parseSearchQuery } from '../../../core/domain/text/search-query';
import { makeSnippet, SNIPPET_CHARS } from '../../../core/domain/text/snippet';

const snip = (text: string, q: string) => makeSnippet(text, parseSearchQuery(q).terms);
const marked = (s: { text: string; highlights: [number, number][] }) => s.highlights.map(([a, b]) => s.text.slice(a, b));

describe('makeSnippet', () => {
  it('marks every matched word of the snippet, by folded comparison, in the text as read', () => {
    const s = snip('Ông Nguyễn Văn Đức ở đường Lê Lợi; ông Đức là chủ hộ.', 'duc duong');
    expect(s.text).toBe('Ông Nguyễn Văn Đức ở đường Lê Lợi; ông Đức là chủ hộ.');
    expect(marked(s)).toEqual(['Đức', 'đường', 'Đức']);
  });

  it('matches whole words only, and a prefix term by its start', () => {
    expect(marked(snip('Anh An và anh Anh', 'an'))).toEqual(['An']);
    expect(marked(snip('Anh An và anh Anh', 'an*'))).toEqual(['Anh', 'An', 'anh', 'Anh']);
  });

  it('marks a phrase only where its words stand together, in order', () => {
    const s = snip('quyền của người sử dụng đất; quyền sử dụng đất ở', '"quyền sử dụng"');
    expect(s.highlights).toEqual([
      [29, 34],
      [35, 37],
      [38, 42],
    ]);
    expect(marked(s)).toEqual(['quyền', 'sử', 'dụng']);
  });

  it('collapses white space and keeps offsets on the words after it', () => {
    const text = '  Số 12\n\n\tngõ   34,\r\n phố  Đặng Tiến Đông  ';
    const s = snip(text, 'ngo pho dang');
    expect(s.text).toBe('Số 12 ngõ 34, phố Đặng Tiến Đông');
    expect(marked(s)).toEqual(['ngõ', 'phố', 'Đặng']);
  });

  it('NFD text gives an NFC snippet with offsets on its words', () => {
    const s = snip('Chủ tịch Ủy ban nhân dân xã Đông Hòa'.normalize('NFD'), 'uy ban hoa');
    expect(s.text).toBe('Chủ tịch Ủy ban nhân dân xã Đông Hòa');
    expect(marked(s)).toEqual(['Ủy', 'ban', 'Hòa']);
  });

  it('keeps offsets right after characters outside the BMP', () => {
    const s = snip('Ghi chú 🙂 𝐀 ngày 5: Đóng dấu 𠀋 đỏ', 'dong do');
    expect(marked(s)).toEqual(['Đóng', 'đỏ']);
  });

  it('a long page: about SNIPPET_CHARS around the first match, starting and ending on whole words', () => {
    const words = Array.from({ length: 400 }, (_, i) => ['hồ', 'sơ', 'thủ', 'tục', 'hành', 'chính', 'một', 'cửa'][i % 8]!);
    words[200] = 'Quahog';
    words[203] = 'quahog';
    const text = words.join(' ');
    const s = snip(text, 'quahog');
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(s.text.length).toBeGreaterThan(SNIPPET_CHARS - 10);
    expect(text).toContain(s.text);
    const start = text.indexOf(s.text);
    expect(start === 0 || text[start - 1] === ' ').toBe(true);
    const end = start + s.text.length;
    expect(end === text.length || text[end] === ' ').toBe(true);
    // The first match is shown with some text before it (not more than the lead of 40 characters).
    const at = s.text.indexOf('Quahog');
    expect(at).toBeGreaterThan(20);
    expect(at).toBeLessThanOrEqual(40);
    expect(marked(s)).toEqual(['Quahog', 'quahog']);
  });

  it('a match near the start or the end of the page stays in the snippet', () => {
    const body = 'chữ '.repeat(100);
    expect(marked(snip(`Wombat ${body}`, 'wombat'))).toEqual(['Wombat']);
    const end = snip(`${body}cuối trang Wombat`, 'wombat');
    expect(end.text.endsWith('Wombat')).toBe(true);
    expect(marked(end)).toEqual(['Wombat']);
  });

  it('a word longer than the snippet is cut rather than lost', () => {
    const s = snip(`đầu ${'x'.repeat(300)} Wombat`, 'wombat');
    expect(marked(s)).toEqual(['Wombat']);
    // A matched word far longer than the snippet (OCR noise) is cut, and then not marked (it is not whole).
    const long = snip(`Từ ${'Ư'.repeat(1000)} khác`, 'ưưư*');
    expect(long.text.startsWith('Từ ƯƯƯ')).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(2 * SNIPPET_CHARS);
    expect(long.highlights).toEqual([]);
  });

  it('offsets agree with fold: each highlighted range folds to a query word', () => {
    const text = 'Đăng ký kinh doanh HỘ KINH DOANH Đặng Thị Đào, đường Đào Duy Từ';
    const s = snip(text, 'dang dao');
    for (const w of marked(s)) expect(['dang', 'dao']).toContain(foldVietnamese(w));
    expect(marked(s)).toEqual(['Đăng', 'Đặng', 'Đào', 'Đào']);
  });
});
