/**
 * The local dossier in the National Portal's vocabulary (DongBoHoSoMC's HoSo, opencps.md §1.4): field names as
 * exchanged, dates as yyyyMMddHHmmss in Vietnam time, the DVCQG status code mapped from the local state (a configured
 * mapping, not a constant: domain.md, opencps.md §1.6), LoaiDoiTuong, HinhThuc, TaiLieuNop, DanhSachLePhi (kept:
 * OpenCPS always sent []), the checklist marks and the fee receipts. Pure: the caller reads the rows.
 */
import type { DossierFile, DvcqgDossier } from '../../contract/central-api';
import type { Agency, Procedure } from '../catalogue/schema';
import type { ChecklistLine } from '../dossier/checklist';
import { DOSSIER_STATES, type DossierState } from '../dossier/states';
import { vietnamLocal, pad } from '../time/vietnam';

/** The setting that overrides the status mapping (a partial map: states it leaves out keep the default). */
export const STATUS_MAP_SETTING = 'sync.statusMap';

/**
 * Local state → TrangThaiHoSo. OpenCPS keeps this in a table (opencps.md §1.6) because the official code list is
 * set by the portal's technical spec, not by code. The default is the commonly cited DVCQG list quoted there
 * (1 Mới đăng ký, 2 Được tiếp nhận, 3 Không được tiếp nhận, 4 Đang xử lý, 5 Yêu cầu bổ sung, 7 Công dân yêu cầu rút,
 * 9 Đã xử lý xong, 10 Đã trả kết quả) — marked there as not verified, hence the `sync.statusMap` override.
 */
export const DEFAULT_STATUS_MAP: Readonly<Record<DossierState, string>> = {
  draft: '1',
  received: '2',
  refused: '3',
  sent_to_agency: '4',
  supplement_requested: '5',
  withdrawn: '7',
  result_ready: '9',
  result_returned: '10',
};

export type StatusMap = Partial<Record<DossierState, string>>;

/** Why a configured status map is unusable (null: fine). Codes are short digit strings, like the portal's. */
export function statusMapProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'not_object';
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!(DOSSIER_STATES as readonly string[]).includes(k)) return `unknown_state:${k}`;
    if (typeof v !== 'string' || !/^\d{1,10}$/.test(v)) return `bad_code:${k}`;
  }
  return null;
}

export function statusCode(state: DossierState, override?: StatusMap | null): string {
  return override?.[state] ?? DEFAULT_STATUS_MAP[state];
}

const CHANNEL_CODE = { direct: '1', online: '2', postal: '3' } as const;
const RETURN_CODE = { counter: '0', post: '1' } as const;
const APPLICANT_KIND_CODE = { citizen: '1', organisation: '2' } as const;

const LOCAL_TEXT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A DVCQG date (yyyyMMddHHmmss, Vietnam time) from either form the counter stores: a Vietnam wall-clock text
 * ('2026-12-07T09:30', received_at/due_at/returned_at) or an ISO instant with its zone ('…Z', collected_at).
 */
export function dvcqgDate(value: string): string {
  const local = LOCAL_TEXT.exec(value);
  if (local) return `${local[1]}${local[2]}${local[3]}${local[4]}${local[5]}${local[6] ?? '00'}`;
  const instant = new Date(value);
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || Number.isNaN(instant.getTime())) throw new Error(`dvcqgDate: not a date-time: ${value.slice(0, 40)}`);
  const dt = vietnamLocal(instant);
  const seconds = new Date(instant.getTime() + 7 * 3_600_000).getUTCSeconds();
  return `${pad(dt.y, 4)}${pad(dt.m)}${pad(dt.d)}${pad(dt.hh)}${pad(dt.mm)}${pad(seconds)}`;
}

/** The fee lines as the portal names them (Vietnamese wire values, like the field names). */
export const FEE_LINES = {
  fee: { MaPhiLePhi: 'LEPHI', TenPhiLePhi: 'Lệ phí', LoaiPhiLePhi: '1' },
  charge: { MaPhiLePhi: 'PHI', TenPhiLePhi: 'Phí', LoaiPhiLePhi: '2' },
  postage: { MaPhiLePhi: 'BUUPHI', TenPhiLePhi: 'Cước bưu chính', LoaiPhiLePhi: '3' },
} as const;

/** What buildDvcqg needs, as the dossier row and its neighbours hold it. */
export interface DvcqgSource {
  code: string | null;
  id: string;
  state: DossierState;
  channel: 'direct' | 'online' | 'postal';
  resultReturn: 'counter' | 'post';
  /** Vietnam wall-clock text or ISO instant. */
  receivedAt: string | null;
  createdAt: string;
  dueAt: string | null;
  returnedAt: string | null;
  summary: string | null;
  agency: Pick<Agency, 'code' | 'name'>;
  procedure: Pick<Procedure, 'code' | 'name'> & { field?: { code: string; name: string } | undefined };
  applicant: { kind: 'citizen' | 'organisation'; fullName: string; phone?: string | null; email?: string | null };
  checklist: readonly ChecklistLine[];
  fees: { fee: number; charge: number; postage: number };
  receipts: readonly { number: string; amount: number; collectedAt: string }[];
  files: readonly DossierFile[];
  statusMap?: StatusMap | null;
}

const cut = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);
const optional = (s: string | null | undefined, max: number): string | undefined => (s?.trim() ? cut(s.trim(), max) : undefined);

export function buildDvcqg(s: DvcqgSource): DvcqgDossier {
  const fees: DvcqgDossier['DanhSachLePhi'] = [
    { ...FEE_LINES.fee, Gia: s.fees.fee },
    { ...FEE_LINES.charge, Gia: s.fees.charge },
    // Postage only when there is some: a dossier returned at the counter has none to declare.
    ...(s.fees.postage > 0 ? [{ ...FEE_LINES.postage, Gia: s.fees.postage }] : []),
  ];
  const out: DvcqgDossier = {
    // A dossier always has its code once received; its UUID stands in for one that has none yet.
    MaHoSo: cut(s.code ?? s.id, 80),
    MaTTHC: cut(s.procedure.code, 80),
    TenTTHC: cut(s.procedure.name, 1000),
    ChuHoSo: cut(s.applicant.fullName, 300),
    LoaiDoiTuong: APPLICANT_KIND_CODE[s.applicant.kind],
    NgayTiepNhan: dvcqgDate(s.receivedAt ?? s.createdAt),
    NgayHenTra: s.dueAt ? dvcqgDate(s.dueAt) : null,
    NgayTra: s.returnedAt ? dvcqgDate(s.returnedAt) : null,
    TrangThaiHoSo: statusCode(s.state, s.statusMap),
    HinhThuc: RETURN_CODE[s.resultReturn],
    KenhThucHien: CHANNEL_CODE[s.channel],
    DonViXuLy: cut(s.agency.name, 500),
    MaDonVi: cut(s.agency.code, 80),
    TaiLieuNop: s.files.map((f) => ({ TenTepDinhKem: f.name, MaThanhPhanHoSo: f.itemCode, TepDinhKemId: f.ref, sha256: f.sha256, bytes: f.bytes })),
    DanhSachLePhi: fees,
    ThanhPhanHoSo: s.checklist.map((l) => ({
      MaThanhPhanHoSo: l.itemCode,
      TenThanhPhanHoSo: l.name,
      // domain.md: fileMark 0 none; an item not handed in has no copies either.
      fileMark: l.received ? (l.mark ?? 0) : 0,
      fileCheck: l.check,
      recordCount: l.received ? l.copies : 0,
    })),
    BienLai: s.receipts.map((r) => ({ SoBienLai: r.number, SoTien: r.amount, NgayThu: dvcqgDate(r.collectedAt) })),
  };
  if (s.procedure.field) {
    out.MaLinhVuc = cut(s.procedure.field.code, 80);
    out.TenLinhVuc = cut(s.procedure.field.name, 500);
  }
  const phone = optional(s.applicant.phone, 50);
  if (phone) out.SoDienThoai = phone;
  const email = optional(s.applicant.email, 200);
  if (email) out.Email = email;
  const summary = optional(s.summary, 2000);
  if (summary) out.TrichYeuHoSo = summary;
  return out;
}
