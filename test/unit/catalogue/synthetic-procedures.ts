/**
 * Deterministic synthetic procedures for search tests and the search bench: Vietnamese words with
 * diacritics and đ, unique codes per agency, a few agencies and fields.
 */
import { mulberry32 } from '../../helpers/seeded-random';
import type { Procedure } from '../../../core/domain/catalogue/schema';

const WORDS = [
  'đăng', 'ký', 'cấp', 'giấy', 'phép', 'xây', 'dựng', 'nhà', 'ở', 'riêng', 'lẻ', 'chứng', 'thực', 'bản', 'sao',
  'trích', 'lục', 'hộ', 'tịch', 'khai', 'sinh', 'kết', 'hôn', 'thường', 'trú', 'tạm', 'vắng', 'kinh', 'doanh',
  'thành', 'lập', 'thay', 'đổi', 'nội', 'dung', 'đất', 'đai', 'quyền', 'sử', 'dụng', 'tài', 'sản', 'gắn', 'liền',
  'với', 'lần', 'đầu', 'điều', 'chỉnh', 'trợ', 'cấp', 'xã', 'hội', 'người', 'có', 'công', 'lý', 'lịch', 'tư',
  'pháp', 'đầu', 'tư', 'dự', 'án', 'giao', 'dịch', 'bảo', 'đảm', 'thế', 'chấp', 'xóa', 'gia', 'hạn', 'di', 'dời',
  'cải', 'tạo', 'sửa', 'chữa', 'học', 'bổng', 'y', 'tế', 'bằng', 'lái', 'xe', 'Ưu', 'đãi', 'miễn', 'giảm', 'thuế',
];
const FIELDS = [
  { code: 'HT', name: 'Hộ tịch' },
  { code: 'CT', name: 'Chứng thực' },
  { code: 'DD', name: 'Đất đai' },
  { code: 'XD', name: 'Hoạt động xây dựng' },
  { code: 'HKD', name: 'Thành lập và hoạt động của hộ kinh doanh' },
  { code: 'BTXH', name: 'Bảo trợ xã hội' },
];
export const SYNTHETIC_AGENCIES = ['000.00.01.H12', '000.00.02.H12', '000.27.10.H12', 'G01.27.10.H12'];


export function syntheticProcedures(count: number, seed = 42): Procedure[] {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: Procedure[] = [];
  for (let i = 0; i < count; i++) {
    const n = 3 + Math.floor(rnd() * 12);
    const words: string[] = [];
    for (let w = 0; w < n; w++) words.push(pick(WORDS));
    const name = words.join(' ');
    out.push({
      code: `${1 + (i % 2)}.${String(100000 + i).padStart(6, '0')}`,
      name: name.charAt(0).toUpperCase() + name.slice(1),
      field: pick(FIELDS),
      agencyCode: SYNTHETIC_AGENCIES[i % SYNTHETIC_AGENCIES.length]!,
      processing: { amount: 1 + Math.floor(rnd() * 20), unit: rnd() < 0.2 ? 'hours' : 'days' },
      fees: { fee: Math.floor(rnd() * 10) * 10000, charge: 0 },
      channels: ['direct'],
      checklist: [{ code: 'TP1', name: 'Tờ khai', required: true, acceptedMarks: [3], copies: 1 }],
      active: rnd() > 0.05,
    });
  }
  return out;
}
