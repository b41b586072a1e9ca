/** Form data for the printed-form tests: Vietnamese names with many stacked diacritics on purpose. */
import type { FormChecklistLine, FormContext } from '../../../core/domain/forms/types';

export const APPLICANT_NAME = 'Nguyễn Thị Hồng Nhung';
export const SUBMITTER_NAME = 'Trần Quốc Vượng';
export const DOSSIER_CODE = '000.00.01.H12-261122-0007';

const MARK_LABELS = { 1: 'Bản chụp', 2: 'Bản sao chứng thực', 3: 'Bản chính', 4: 'Bản dịch' } as const;

export function checklistLine(name: string, mark: 1 | 2 | 3 | 4, copies = 1, note?: string): FormChecklistLine {
  return { name, mark, markLabel: MARK_LABELS[mark], copies, received: true, ...(note ? { note } : {}) };
}

export const CHECKLIST: FormChecklistLine[] = [
  checklistLine('Tờ khai đăng ký hộ kinh doanh (Mẫu Phụ lục III-1)', 3, 1),
  checklistLine('Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh, thành viên hộ gia đình đăng ký', 2, 2, 'Đối chiếu bản chính'),
  checklistLine('Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh', 1, 1),
  checklistLine('Văn bản ủy quyền cho thành viên hộ gia đình làm chủ hộ kinh doanh', 4, 1),
];

/** A complete context; every optional section filled so every form can print from it. */
export function sampleContext(overrides: Partial<FormContext> = {}): FormContext {
  return {
    agency: {
      code: '000.00.01.H12',
      // Two-tier administration since 1 July 2025: a commune's one-stop centre under its people's committee.
      name: 'Trung tâm Phục vụ hành chính công xã Gia Lâm',
      parentName: 'Ủy ban nhân dân xã Gia Lâm',
      address: 'Số 1 đường Cổ Bi, xã Gia Lâm, thành phố Hà Nội',
      phone: '024 3876 5432',
      place: 'Gia Lâm',
    },
    dossier: {
      code: DOSSIER_CODE,
      id: '3f0c9a7e-2b1d-4c8e-9f6a-1d2e3c4b5a69',
      lookupPin: '4821',
      receivedAt: '2026-03-05T09:41',
      dueAt: '2026-03-10T16:30',
      resultReturn: 'post',
      returnAddress: 'Thôn Đông, xã Dương Xá, huyện Gia Lâm, Hà Nội',
      channel: 'direct',
      processingTime: '03 ngày làm việc',
    },
    procedure: { code: '1.001612', name: 'Đăng ký thành lập hộ kinh doanh', field: 'Thành lập và hoạt động của hộ kinh doanh' },
    applicant: {
      fullName: APPLICANT_NAME,
      idNumber: '001190012345',
      address: 'Số 18 ngõ 42 phố Ngô Xuân Quảng, thị trấn Trâu Quỳ, huyện Gia Lâm, Hà Nội',
      phone: '0912 345 678',
      email: 'hongnhung@example.vn',
      kind: 'citizen',
    },
    submitter: {
      fullName: SUBMITTER_NAME,
      idNumber: '001085067890',
      address: 'Xã Dương Xá, huyện Gia Lâm, Hà Nội',
      phone: '0987 654 321',
      kind: 'citizen',
    },
    checklist: CHECKLIST,
    fees: { fee: 100_000, charge: 0, postage: 25_000, paid: 0, due: 125_000 },
    officer: { name: 'Lê Thị Thu Hường', title: 'Công chức Bộ phận Một cửa' },
    supplement: {
      items: [
        { name: 'Biên bản họp thành viên hộ gia đình', reason: 'Thiếu chữ ký của thành viên Phạm Văn Đức' },
        { name: 'Tờ khai đăng ký hộ kinh doanh', reason: 'Ngành nghề kinh doanh ghi chưa đúng mã ngành cấp 4' },
      ],
      note: 'Nộp bổ sung trong thời hạn 10 ngày làm việc.',
    },
    refusal: { reason: 'Ngành nghề đăng ký thuộc danh mục cấm kinh doanh theo Luật Đầu tư năm 2020.' },
    apology: { reason: 'Hồ sơ phải lấy ý kiến của Chi cục Thuế khu vực, cơ quan này chưa trả lời.', newDueAt: '2026-03-13T10:15' },
    handover: {
      from: 'Bưu điện huyện Gia Lâm — nhân viên Đỗ Mạnh Hùng',
      to: 'Văn phòng HĐND và UBND xã Gia Lâm',
      dossiers: [
        { code: DOSSIER_CODE, procedureName: 'Đăng ký thành lập hộ kinh doanh', applicantName: APPLICANT_NAME, pages: 7 },
        { code: '000.00.01.H12-261122-0008', procedureName: 'Cấp bản sao trích lục hộ tịch', applicantName: 'Vũ Đình Khiêm', pages: 2 },
      ],
    },
    lookupUrl: 'https://dichvucong.gialam.example.vn/tra-cuu',
    printedAt: '2026-03-05T09:45',
    ...overrides,
  };
}
