import { describe, expect, it } from 'vitest';
import { dvcqgDossierSchema } from '../../../core/contract/central-api';
import { DOSSIER_STATES } from '../../../core/domain/dossier/states';
import { buildDvcqg, DEFAULT_STATUS_MAP, dvcqgDate, statusMapProblem, type DvcqgSource } from '../../../core/domain/sync/dvcqg';

const SHA = 'a'.repeat(64);
const source = (over: Partial<DvcqgSource> = {}): DvcqgSource => ({
  id: '7b0f3c2e-0000-4000-8000-000000000001',
  code: '000.27.10.H12-261124-0001',
  state: 'received',
  channel: 'direct',
  resultReturn: 'counter',
  receivedAt: '2026-11-24T09:30',
  createdAt: '2026-11-24T02:30:00.000Z',
  dueAt: '2026-11-27T09:30',
  returnedAt: null,
  summary: 'Xác nhận tình trạng hôn nhân',
  agency: { code: '000.27.10.H12', name: 'UBND phường Ô Chợ Dừa' },
  procedure: { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: { code: 'HT', name: 'Hộ tịch' } },
  applicant: { kind: 'citizen', fullName: 'Huỳnh Thị Ngọc Ánh', phone: '0912345678', email: null },
  checklist: [
    { itemCode: 'TK', name: 'Tờ khai', required: true, received: true, mark: 3, copies: 2, check: 1, note: null },
    { itemCode: 'GT', name: 'Giấy tờ khác', required: false, received: false, mark: null, copies: 1, check: 0, note: null },
  ],
  fees: { fee: 0, charge: 0, postage: 0 },
  receipts: [],
  files: [],
  ...over,
});

describe('DVCQG dates (yyyyMMddHHmmss, Vietnam time)', () => {
  it('turns an ISO instant into Vietnam wall-clock time across the day, month and year boundary', () => {
    expect(dvcqgDate('2026-12-31T16:59:59.000Z')).toBe('20261231235959');
    expect(dvcqgDate('2026-12-31T17:00:00.000Z')).toBe('20270101000000');
    expect(dvcqgDate('2026-11-23T17:00:05Z')).toBe('20261124000005');
    expect(dvcqgDate('2026-11-24T08:15:00+07:00')).toBe('20261124081500');
  });
  it('keeps a stored Vietnam wall-clock text as it is (no second shift by 7 hours)', () => {
    expect(dvcqgDate('2026-11-24T23:30')).toBe('20261124233000');
    expect(dvcqgDate('2026-11-24T00:00')).toBe('20261124000000');
  });
  it('refuses a text that is no date-time rather than sending a wrong date', () => {
    expect(() => dvcqgDate('24/11/2026')).toThrow();
    expect(() => dvcqgDate('2026-11-24T09:30:00')).not.toThrow();
  });
});

describe('buildDvcqg', () => {
  it('maps a received dossier into the wire vocabulary the central server accepts', () => {
    const d = buildDvcqg(source());
    expect(dvcqgDossierSchema.parse(d)).toBeTruthy();
    expect(d).toMatchObject({
      MaHoSo: '000.27.10.H12-261124-0001',
      MaTTHC: '1.004873',
      TenTTHC: 'Cấp Giấy xác nhận tình trạng hôn nhân',
      MaLinhVuc: 'HT',
      TenLinhVuc: 'Hộ tịch',
      ChuHoSo: 'Huỳnh Thị Ngọc Ánh',
      LoaiDoiTuong: '1',
      SoDienThoai: '0912345678',
      TrichYeuHoSo: 'Xác nhận tình trạng hôn nhân',
      NgayTiepNhan: '20261124093000',
      NgayHenTra: '20261127093000',
      NgayTra: null,
      TrangThaiHoSo: '2',
      HinhThuc: '0',
      KenhThucHien: '1',
      DonViXuLy: 'UBND phường Ô Chợ Dừa',
      MaDonVi: '000.27.10.H12',
    });
    expect(d).not.toHaveProperty('Email');
  });

  it('codes organisation, postal channel and result by post', () => {
    const d = buildDvcqg(source({ applicant: { kind: 'organisation', fullName: 'Công ty TNHH A' }, channel: 'postal', resultReturn: 'post' }));
    expect([d.LoaiDoiTuong, d.KenhThucHien, d.HinhThuc]).toEqual(['2', '3', '1']);
    expect(buildDvcqg(source({ channel: 'online' })).KenhThucHien).toBe('2');
  });

  it('keeps fees (even zero) and receipts, and postage only when charged', () => {
    const d = buildDvcqg(source({
      fees: { fee: 30_000, charge: 0, postage: 25_000 },
      receipts: [{ number: 'Q01-2026-000007', amount: 55_000, collectedAt: '2026-11-24T17:10:00.000Z' }],
    }));
    expect(d.DanhSachLePhi.map((f) => [f.MaPhiLePhi, f.Gia])).toEqual([['LEPHI', 30_000], ['PHI', 0], ['BUUPHI', 25_000]]);
    expect(d.BienLai).toEqual([{ SoBienLai: 'Q01-2026-000007', SoTien: 55_000, NgayThu: '20261125001000' }]);
    expect(buildDvcqg(source()).DanhSachLePhi.map((f) => f.MaPhiLePhi)).toEqual(['LEPHI', 'PHI']);
  });

  it('gives the checklist marks per item (an item not handed in: mark 0, no copies) and the files by ref', () => {
    const d = buildDvcqg(source({ files: [{ ref: 'page:p1', name: 'TK-trang-001.jpg', itemCode: 'TK', mediaType: 'image/jpeg', sha256: SHA, bytes: 10 }] }));
    expect(d.ThanhPhanHoSo).toEqual([
      { MaThanhPhanHoSo: 'TK', TenThanhPhanHoSo: 'Tờ khai', fileMark: 3, fileCheck: 1, recordCount: 2 },
      { MaThanhPhanHoSo: 'GT', TenThanhPhanHoSo: 'Giấy tờ khác', fileMark: 0, fileCheck: 0, recordCount: 0 },
    ]);
    expect(d.TaiLieuNop).toEqual([{ TenTepDinhKem: 'TK-trang-001.jpg', MaThanhPhanHoSo: 'TK', TepDinhKemId: 'page:p1', sha256: SHA, bytes: 10 }]);
  });

  it('maps every local state by default, and a configured map overrides only the states it names', () => {
    for (const s of DOSSIER_STATES) expect(buildDvcqg(source({ state: s })).TrangThaiHoSo).toBe(DEFAULT_STATUS_MAP[s]);
    expect(buildDvcqg(source({ state: 'result_ready', statusMap: { result_ready: '6' } })).TrangThaiHoSo).toBe('6');
    expect(buildDvcqg(source({ state: 'received', statusMap: { result_ready: '6' } })).TrangThaiHoSo).toBe('2');
    expect(statusMapProblem({ result_ready: '6' })).toBeNull();
    expect(statusMapProblem({ done: '6' })).toBe('unknown_state:done');
    expect(statusMapProblem({ received: 2 })).toBe('bad_code:received');
    expect(statusMapProblem([])).toBe('not_object');
  });

  it('gives the return date and falls back to the creation time and the UUID when there is no receipt yet', () => {
    expect(buildDvcqg(source({ state: 'result_returned', returnedAt: '2026-11-27T10:05' })).NgayTra).toBe('20261127100500');
    const draft = buildDvcqg(source({ code: null, receivedAt: null, dueAt: null, state: 'draft' }));
    expect([draft.MaHoSo, draft.NgayTiepNhan, draft.NgayHenTra]).toEqual(['7b0f3c2e-0000-4000-8000-000000000001', '20261124093000', null]);
  });
});
