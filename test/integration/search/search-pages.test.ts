/**
 * search.pages on a real core: dossiers received the normal way, pages stored by the page store, OCR text seeded as
 * the OCR queue stores it (search-world.ts). Folding (case, diacritics, đ = d), user text never taken as FTS5 syntax,
 * what is found (dossier pages only: not removed, not in a tray), the hit's fields and snippet, order and paging,
 * and who may search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../core/contract/ocr';
import type { Connection } from '../../../core/rpc/connection';
import type { Actor } from '../../../core/services/actor';
import { PageEdits } from '../../../core/services/documents/page-edits';
import { trayOwnerOf } from '../../../core/services/documents/page-store';
import type { PipelineOutput } from '../../../core/services/scanning/pipeline/types';
import { SearchService } from '../../../core/services/search/search-service';
import { foldVietnamese } from '../../../core/domain/text/fold';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, TRAN_VAN_DUC, personInput } from '../../helpers/people';
import { MARITAL, WARD } from '../scanning/scan-harness';
import { pageImage, storePage } from './search-world';

let t: TestCore;
let clerk: Connection;
let postal: Connection;
let supervisor: Connection;
let clerkActor: Actor;
let out: PipelineOutput;
let dossier: { id: string; code: string; names: Map<string, string> };

const LONG_TEXT =
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n   TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN\n' +
  'Kính gửi: Ủy ban nhân dân phường Bến Thành. Họ, chữ đệm, tên người yêu cầu: Huỳnh Thị Ngọc Ánh; ngày, tháng, năm sinh 15/03/1985; ' +
  'giới tính: Nữ; dân tộc: Kinh; quốc tịch: Việt Nam. Nơi cư trú: số 12    ngõ 34\n\tphố Đặng Tiến Đông, phường Đống Đa, thành phố Hà Nội. ' +
  'Giấy tờ tùy thân: căn cước công dân số 001185012345 cấp ngày 10/08/2021. Tình trạng hôn nhân: chưa đăng ký kết hôn với ai. ' +
  'Mục đích sử dụng giấy xác nhận: để làm thủ tục đăng ký kết hôn với ông Trần Văn Đức tại Ủy ban nhân dân quận Hoàn Kiếm. ' +
  'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.';

const search = (c: Connection, query: string, more: { limit?: number; offset?: number } = {}) => call(t.core, c, 'search.pages', { query, ...more });
const codes = (hits: SearchHit[]) => hits.map((h) => `${h.itemCode}#${h.page}`).sort();
const failure = async (c: Connection, query: string) => {
  const r = await t.core.dispatch(c, 'search.pages', { query });
  if (r.ok) throw new Error(`"${query}" was accepted: ${JSON.stringify(r.value)}`);
  return r.error;
};

async function login(admin: Connection, username: string, role: 'clerk' | 'postal_clerk' | 'supervisor'): Promise<{ c: Connection; id: number }> {
  const u = await call(t.core, admin, 'users.create', { username, displayName: `Cán bộ ${username}`, role, password: 'dung-mat-khau' });
  const c = conn(t.core);
  await call(t.core, c, 'auth.login', { username, password: 'dung-mat-khau' });
  return { c, id: u.id };
}

beforeAll(async () => {
  t = await startCore();
  out = await pageImage();
  const admin = await withAdmin(t.core);
  const k = await login(admin, 'clerk1', 'clerk');
  clerk = k.c;
  clerkActor = { kind: 'user', userId: k.id, username: 'clerk1', role: 'clerk' };
  postal = (await login(admin, 'post1', 'postal_clerk')).c;
  supervisor = (await login(admin, 'sup1', 'supervisor')).c;
  const v = await call(t.core, clerk, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
  dossier = { id: v.id, code: v.code ?? '', names: new Map(v.checklist.map((l) => [l.itemCode, l.name])) };
  const owner = { dossierId: v.id };
  storePage(t.core, out, owner, 'TP1', LONG_TEXT);
  storePage(t.core, out, owner, 'TP1', 'Trang hai của tờ khai: Đường Lê Lợi, số nhà 45. Người khai ký tên.');
  storePage(t.core, out, owner, 'TP3', 'Bản án ly hôn số 12/2020/HNGĐ-ST. Nguyen Van Binh và Le Thi Hoa. Mục d khoản 2 Điều 56.');
  storePage(t.core, out, owner, 'TP4', 'Giấy ủy quyền AND biên bản NEAR the river: body text, OR NOT. Giá 1.500.000 đồng; mã hồ sơ H12-00045.');
});
afterAll(() => t.close());

describe('folding: case, Vietnamese diacritics and đ/Đ', () => {
  it('"duong" finds "Đường", "NGUYEN" finds "Nguyễn", "đ" finds a lone "d" and "d" finds "đ"', async () => {
    expect(codes((await search(clerk, 'duong')).hits)).toEqual(['TP1#2']);
    // "Nguyen Van Binh" is typed without marks on TP3; "Nguyễn" is nowhere else, so both spellings find that page only.
    expect(codes((await search(clerk, 'NGUYEN')).hits)).toEqual(['TP3#1']);
    expect(codes((await search(clerk, 'Nguyễn')).hits)).toEqual(['TP3#1']);
    expect(codes((await search(clerk, 'đ')).hits)).toEqual(['TP3#1']);
    expect(codes((await search(clerk, 'ĐỨC')).hits)).toEqual(['TP1#1']);
    expect(codes((await search(clerk, 'duc')).hits)).toEqual(['TP1#1']);
    expect(codes((await search(clerk, 'dang ky ket hon')).hits)).toEqual(['TP1#1']);
  });

  it('text stored in NFD is found and highlighted like NFC', async () => {
    const d = await call(t.core, clerk, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    storePage(t.core, out, { dossierId: d.id }, 'TP1', 'Xác nhận của Ủy ban: ông Phạm Quốc Việt, thường trú tại xã Đông Hòa.'.normalize('NFD'));
    const r = await search(clerk, 'pham quoc viet');
    expect(r.hits.map((h) => h.dossierCode)).toEqual([d.code]);
    const h = r.hits[0]!;
    expect(h.highlights.map(([s, e]) => h.snippet.slice(s, e))).toEqual(['Phạm', 'Quốc', 'Việt']);
  });
});

describe('user text is never FTS5 syntax', () => {
  it('operators, quotes, *, NEAR(, -, : and ^ are words or separators, and every word must match', async () => {
    for (const q of ['AND', 'and', 'NEAR(', 'NEAR(the river', 'body:text', 'OR NOT', '^ủy quyền', '(the) river', 'the - river', 'AND OR NOT NEAR']) {
      const r = await search(clerk, q);
      expect(codes(r.hits), q).toEqual(['TP4#1']);
    }
    // A quote left open is a phrase to the end; "-" does not exclude; "body:" is a word, not a column filter (as
    // FTS5 syntax "body:kết" would find TP1, the only page with "kết"; TP4 alone has "body").
    expect(codes((await search(clerk, '"ly hôn số')).hits)).toEqual(['TP3#1']);
    expect(codes((await search(clerk, 'ly -hôn')).hits)).toEqual(['TP3#1']);
    expect((await search(clerk, 'body:kết')).hits).toEqual([]);
    // Punctuation inside numbers and codes separates words, as in the index.
    expect(codes((await search(clerk, 'H12-00045')).hits)).toEqual(['TP4#1']);
    expect(codes((await search(clerk, '1.500.000')).hits)).toEqual(['TP4#1']);
    // All words must match: one word on no page means no hit.
    expect((await search(clerk, 'river Xyzzy')).hits).toEqual([]);
  });

  it('a quoted phrase needs its words together and in order', async () => {
    expect(codes((await search(clerk, '"kết hôn với ai"')).hits)).toEqual(['TP1#1']);
    expect((await search(clerk, '"hôn kết"')).hits).toEqual([]);
    expect(codes((await search(clerk, 'hôn kết')).hits)).toEqual(['TP1#1']);
  });

  it('a word followed by * matches words starting with it', async () => {
    expect(codes((await search(clerk, 'Nguy*')).hits)).toEqual(['TP3#1']);
    expect((await search(clerk, 'Nguy')).hits).toEqual([]);
    expect(codes((await search(clerk, 'riv* NEAR')).hits)).toEqual(['TP4#1']);
  });

  it('a query with nothing to look for, a one-letter prefix or too many words is refused as bad input', async () => {
    for (const q of ['*', '-', ':', '""', '" "', '(', 'NEAR(', '^']) {
      if (q === 'NEAR(') continue; // NEAR is a word here (found above)
      expect((await failure(clerk, q)).code, q).toBe('SEARCH_QUERY_EMPTY');
    }
    expect((await failure(clerk, 'n*')).code).toBe('SEARCH_PREFIX_TOO_SHORT');
    expect((await failure(clerk, Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).code).toBe('SEARCH_QUERY_TOO_LONG');
    const e = await failure(clerk, '*');
    expect(e.message).toMatch(/chữ hoặc số/);
  });
});

describe('what is found', () => {
  it('a hit names the dossier, the checklist item and the page position', async () => {
    const r = await search(clerk, 'Lê Lợi');
    expect(r.hits).toHaveLength(1);
    const h = r.hits[0]!;
    expect(h).toMatchObject({ dossierId: dossier.id, dossierCode: dossier.code, itemCode: 'TP1', itemName: dossier.names.get('TP1'), page: 2 });
    expect(h.itemName).toMatch(/Tờ khai/);
    expect(r.more).toBe(false);
    expect(typeof r.ms).toBe('number');
  });

  it('removed pages are not found; the pages after them are found at their new position', async () => {
    const d = await call(t.core, clerk, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    const first = storePage(t.core, out, { dossierId: d.id }, 'TP2', 'Trang bỏ đi: quyết định Quahog số một.');
    storePage(t.core, out, { dossierId: d.id }, 'TP2', 'Trang giữ lại: quyết định Quahog số hai.');
    const service = new SearchService(t.core.db);
    const q = { query: 'quahog', limit: 50, offset: 0 };
    expect(service.pages(q).hits.map((h) => h.page).sort()).toEqual([1, 2]);
    // Removed and searched in one go: the OCR queue (if running) has no turn to take the text out of the index
    // first, so this is the search's own rule, not the queue's clean-up.
    new PageEdits(t.core.services.pages, { db: t.core.db, audit: t.core.services.audit }).remove(clerkActor, { pageId: first });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM page_text WHERE page_id = ?').get(first)).toEqual({ n: 1 });
    const after = service.pages(q).hits;
    expect(after.map((h) => [h.page, h.snippet.includes('giữ lại')])).toEqual([[1, true]]);
  });

  it("pages in a clerk's tray are not found (not even by that clerk) until a dossier takes them", async () => {
    const tray = { trayOwner: trayOwnerOf(clerkActor) };
    storePage(t.core, out, tray, 'TP1', 'Trang trong khay: tờ khai của bà Zanthoxylum.');
    expect((await search(clerk, 'Zanthoxylum')).hits).toEqual([]);
    expect((await search(supervisor, 'Zanthoxylum')).hits).toEqual([]);
    const d = await call(t.core, clerk, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC), trayPages: true });
    const r = await search(clerk, 'zanthoxylum');
    expect(r.hits.map((h) => [h.dossierCode, h.itemCode, h.page])).toEqual([[d.code, 'TP1', 1]]);
  });

  it('separator sheets are not found', async () => {
    const d = await call(t.core, clerk, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    const sheet: PipelineOutput = { ...out, separator: { kind: 'item', itemCode: 'TP2', text: 'TP2' } };
    const id = storePage(t.core, sheet, { dossierId: d.id }, 'TP1', 'Tờ phân cách Quillwort TP2');
    expect(t.core.db.prepare('SELECT kind FROM dossier_pages WHERE id = ?').get(id)).toEqual({ kind: 'separator' });
    expect((await search(clerk, 'quillwort')).hits).toEqual([]);
  });
});

describe('snippets', () => {
  it('an excerpt of the text as read around the first match, white space collapsed, cut between words', async () => {
    const h = (await search(clerk, 'hoan kiem')).hits[0]!;
    expect(h.snippet).not.toMatch(/\s{2}|[\n\t]/);
    expect(h.snippet.length).toBeLessThanOrEqual(170);
    expect(h.snippet.length).toBeGreaterThan(100);
    // Cut between words: the snippet's first and last words are whole words of the page.
    const words = new Set(LONG_TEXT.split(/\s+/));
    const parts = h.snippet.split(' ');
    expect(words.has(parts[0]!)).toBe(true);
    expect(words.has(parts[parts.length - 1]!)).toBe(true);
    expect(LONG_TEXT.replace(/\s+/g, ' ')).toContain(h.snippet);
    expect(h.highlights.map(([s, e]) => h.snippet.slice(s, e))).toEqual(['Hoàn', 'Kiếm']);
  });

  it('highlights point at every matched word, also past collapsed white space', async () => {
    const h = (await search(clerk, 'ngõ phố')).hits[0]!;
    expect(h.snippet).toContain('số 12 ngõ 34 phố Đặng');
    const marked = h.highlights.map(([s, e]) => h.snippet.slice(s, e));
    expect(marked.length).toBeGreaterThanOrEqual(2);
    for (const w of marked) expect(['ngo', 'pho']).toContain(foldVietnamese(w));
    expect(marked).toContain('ngõ');
    expect(marked).toContain('phố');
    // Every occurrence in the snippet is marked, not only the first.
    const folded = foldVietnamese(h.snippet);
    const all = [...folded.matchAll(/(?<![\p{L}\p{N}])(ngo|pho)(?![\p{L}\p{N}])/gu)].map((m) => m.index);
    expect(h.highlights.map(([s]) => s)).toEqual(all);
  });
});

describe('order and paging', () => {
  it('newest dossier first, then checklist order and page position; offset pages through all hits once', async () => {
    const receive = async () => {
      // Received at least a few ms apart, so their receipt times differ.
      await new Promise((r) => setTimeout(r, 5));
      return call(t.core, clerk, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    };
    const older = await receive();
    const middle = await receive();
    const newer = await receive();
    // Stored (and so read) in an order unlike the one expected: the older dossiers' pages last, TP3 before TP1, and a
    // page of KHAC (other documents: after the checklist's items, though "KHAC" sorts before "TP1").
    storePage(t.core, out, { dossierId: newer.id }, 'KHAC', 'Wombat trong giấy tờ khác.');
    storePage(t.core, out, { dossierId: newer.id }, 'TP3', 'Wombat trong bản án.');
    storePage(t.core, out, { dossierId: newer.id }, 'TP1', 'Wombat trang một của tờ khai.');
    storePage(t.core, out, { dossierId: newer.id }, 'TP1', 'Wombat trang hai của tờ khai.');
    storePage(t.core, out, { dossierId: middle.id }, 'TP2', 'Wombat trong giấy xác nhận.');
    storePage(t.core, out, { dossierId: older.id }, 'TP4', 'Wombat trong giấy ủy quyền.');
    storePage(t.core, out, { dossierId: older.id }, 'TP2', 'Wombat trong giấy xác nhận cũ.');
    const all = await search(clerk, 'wombat', { limit: 50 });
    expect(all.hits.map((h) => `${h.dossierCode} ${h.itemCode}#${h.page}`)).toEqual([
      `${newer.code} TP1#1`,
      `${newer.code} TP1#2`,
      `${newer.code} TP3#1`,
      `${newer.code} KHAC#1`,
      `${middle.code} TP2#1`,
      `${older.code} TP2#1`,
      `${older.code} TP4#1`,
    ]);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 2) {
      const r = await search(clerk, 'wombat', { limit: 2, offset });
      seen.push(...r.hits.map((h) => h.pageId));
      if (!r.more) break;
      expect(r.hits).toHaveLength(2);
    }
    expect(seen).toEqual(all.hits.map((h) => h.pageId));

    // Past the ordered window (here 3 matches, the 3 read last), matches follow newest read first, and paging still
    // gives every hit once.
    const small = new SearchService(t.core.db, 3);
    const windowed = small.pages({ query: 'wombat', limit: 50, offset: 0 }).hits.map((h) => `${h.dossierCode} ${h.itemCode}#${h.page}`);
    expect(windowed).toEqual([`${middle.code} TP2#1`, `${older.code} TP2#1`, `${older.code} TP4#1`, `${newer.code} TP1#2`, `${newer.code} TP1#1`, `${newer.code} TP3#1`, `${newer.code} KHAC#1`]);
    const paged: string[] = [];
    for (let offset = 0; offset < 10; offset += 2) paged.push(...small.pages({ query: 'wombat', limit: 2, offset }).hits.map((h) => `${h.dossierCode} ${h.itemCode}#${h.page}`));
    expect(paged).toEqual(windowed);
  });
});

describe('who may search', () => {
  it('every counter role finds the pages of every dossier; a connection without a session is refused', async () => {
    const byClerk = await search(clerk, 'duong');
    expect(byClerk.hits).toHaveLength(1);
    expect((await search(postal, 'duong')).hits).toEqual(byClerk.hits);
    expect((await search(supervisor, 'duong')).hits).toEqual(byClerk.hits);
    expect((await failure(conn(t.core), 'duong')).code).toBe('RPC_UNAUTHENTICATED');
  });
});
