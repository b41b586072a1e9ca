/**
 * Real-looking CCCD data for the "no false refusal" and mangling tests: Kinh names across every diacritic, old
 * and new tone placement, and names of ethnic minorities whose words are not Vietnamese syllables (Ê Đê, Jrai,
 * M'nông, H'Mông, Thái, Tày, Nùng, Dao, Khmer, Chăm, Hoa). Addresses cover all 63 provinces (old three-level
 * form) and all 34 provinces since the 2025 merger (two-level form).
 */
import { PROVINCE_CODES } from '../../../core/domain/cccd/provinces';

export interface Person {
  name: string;
  gender: 'Nam' | 'Nữ';
}

export const NAMES: readonly Person[] = [
  { name: 'Nguyễn Văn An', gender: 'Nam' },
  { name: 'Trần Thị Bích Ngọc', gender: 'Nữ' },
  { name: 'Lê Hoàng Phúc', gender: 'Nam' },
  { name: 'Phạm Minh Tuấn', gender: 'Nam' },
  { name: 'Hoàng Thị Thu Hương', gender: 'Nữ' },
  { name: 'Huỳnh Tấn Phát', gender: 'Nam' },
  { name: 'Phan Thanh Bình', gender: 'Nam' },
  { name: 'Vũ Đức Thắng', gender: 'Nam' },
  { name: 'Võ Thị Sáu', gender: 'Nữ' },
  { name: 'Đặng Quốc Việt', gender: 'Nam' },
  { name: 'Bùi Xuân Trường', gender: 'Nam' },
  { name: 'Đỗ Thị Hồng Nhung', gender: 'Nữ' },
  { name: 'Hồ Ngọc Hà', gender: 'Nữ' },
  { name: 'Ngô Bảo Châu', gender: 'Nam' },
  { name: 'Dương Văn Minh', gender: 'Nam' },
  { name: 'Lý Thị Mỹ Duyên', gender: 'Nữ' },
  { name: 'Đinh Công Tráng', gender: 'Nam' },
  { name: 'Đoàn Thị Điểm', gender: 'Nữ' },
  { name: 'Đào Duy Từ', gender: 'Nam' },
  { name: 'Trịnh Công Sơn', gender: 'Nam' },
  { name: 'Trương Mỹ Lan', gender: 'Nữ' },
  { name: 'Lương Thế Vinh', gender: 'Nam' },
  { name: 'Tạ Quang Bửu', gender: 'Nam' },
  { name: 'Lưu Hữu Phước', gender: 'Nam' },
  { name: 'Quách Thị Khuyên', gender: 'Nữ' },
  { name: 'Khúc Thừa Dụ', gender: 'Nam' },
  { name: 'Mai Anh Đào', gender: 'Nữ' },
  { name: 'Cao Bá Quát', gender: 'Nam' },
  { name: 'Giang Thị Quỳnh Như', gender: 'Nữ' },
  { name: 'Nghiêm Xuân Yêm', gender: 'Nam' },
  { name: 'Thái Thị Huyền Trang', gender: 'Nữ' },
  { name: 'Tôn Nữ Thị Ninh', gender: 'Nữ' },
  { name: 'Âu Dương Phong', gender: 'Nam' },
  { name: 'Ông Ích Khiêm', gender: 'Nam' },
  { name: 'Ưng Hoàng Phúc', gender: 'Nam' },
  { name: 'Nguyễn Thị Thuỷ', gender: 'Nữ' },
  { name: 'Lê Thị Hoà', gender: 'Nữ' },
  { name: 'Nguyễn Thị Ánh Tuyết', gender: 'Nữ' },
  { name: 'Trần Quyết Thắng', gender: 'Nam' },
  { name: 'La Thị Thanh Thúy', gender: 'Nữ' },
  { name: 'Bạch Thái Bưởi', gender: 'Nam' },
  { name: 'Nguyễn Ngọc Ý Nhi', gender: 'Nữ' },
  { name: 'Lê Thị Ỷ Lan', gender: 'Nữ' },
  { name: 'Phí Thị Yến', gender: 'Nữ' },
  { name: 'Uông Văn Ước', gender: 'Nam' },
  { name: 'Chu Văn An', gender: 'Nam' },
  { name: 'NGUYỄN THỊ MINH KHAI', gender: 'Nữ' },
  { name: 'Nguyễn Phúc Bửu Chánh', gender: 'Nam' },
  { name: 'Hứa Vĩ Văn', gender: 'Nam' },
  // Ethnic minorities: words outside Vietnamese phonotactics must still pass.
  { name: 'Ksor H\'Ben', gender: 'Nữ' },
  { name: 'Rơ Mah Thin', gender: 'Nam' },
  { name: 'Siu Hyun', gender: 'Nữ' },
  { name: 'Rmah Dun', gender: 'Nam' },
  { name: 'Nay Phai', gender: 'Nam' },
  { name: 'Y Moan Ênuôl', gender: 'Nam' },
  { name: 'H\'Hen Niê', gender: 'Nữ' },
  { name: 'Y Ngông Niê Kđăm', gender: 'Nam' },
  { name: 'H\'Mơ Byă', gender: 'Nữ' },
  { name: 'Y Jút Hđơk', gender: 'Nam' },
  { name: 'Điểu K\'Ré', gender: 'Nam' },
  { name: 'Giàng A Páo', gender: 'Nam' },
  { name: 'Sùng Seo Chứ', gender: 'Nam' },
  { name: 'Vàng Thị Mỷ', gender: 'Nữ' },
  { name: 'Ly Seo Dìn', gender: 'Nam' },
  { name: 'Thào Mí Lử', gender: 'Nam' },
  { name: 'Lò Văn Pọm', gender: 'Nam' },
  { name: 'Cầm Bá Thước', gender: 'Nam' },
  { name: 'Lường Thị Ún', gender: 'Nữ' },
  { name: 'Ma Văn Kháng', gender: 'Nam' },
  { name: 'Vi Thị Đông', gender: 'Nữ' },
  { name: 'Nông Quốc Tuấn', gender: 'Nam' },
  { name: 'Triệu Tòn Mẩy', gender: 'Nữ' },
  { name: 'Bàn Văn Lình', gender: 'Nam' },
  { name: 'Thạch Thị Sa Rươne', gender: 'Nữ' },
  { name: 'Danh Sol', gender: 'Nam' },
  { name: 'Sơn Thị Sóc Kha', gender: 'Nữ' },
  { name: 'Chau Sóc Khăn', gender: 'Nam' },
  { name: 'Đàng Năng Thọ', gender: 'Nam' },
  { name: 'Thuận Văn Hinh', gender: 'Nam' },
  { name: 'Lâm Chí Vĩ', gender: 'Nam' },
];

/** One address per pre-2025 province (three-level form), in the order of the Circular's code list. */
export const ADDRESSES_63: readonly string[] = [
  'Số 12 ngõ 34 phố Hoàng Hoa Thám, Phường Thụy Khuê, Quận Tây Hồ, Hà Nội',
  'Thôn Lũng Cú, Xã Lũng Cú, Huyện Đồng Văn, Hà Giang',
  'Tổ 5, Phường Sông Bằng, Thành phố Cao Bằng, Cao Bằng',
  'Thôn Nà Làng, Xã Khang Ninh, Huyện Ba Bể, Bắc Kạn',
  'Tổ 7, Phường Phan Thiết, Thành phố Tuyên Quang, Tuyên Quang',
  'Thôn Lao Chải, Xã San Sả Hồ, Thị xã Sa Pa, Lào Cai',
  'Bản Mường Phăng, Xã Mường Phăng, Thành phố Điện Biên Phủ, Điện Biên',
  'Bản Thẳm, Xã Bản Hon, Huyện Tam Đường, Lai Châu',
  'Tiểu khu 3, Thị trấn Mộc Châu, Huyện Mộc Châu, Sơn La',
  'Bản Lìm Mông, Xã Cao Phạ, Huyện Mù Cang Chải, Yên Bái',
  'Xóm Lác, Xã Chiềng Châu, Huyện Mai Châu, Hoà Bình',
  'Tổ 12, Phường Hoàng Văn Thụ, Thành phố Thái Nguyên, Thái Nguyên',
  'Khối 6, Phường Chi Lăng, Thành phố Lạng Sơn, Lạng Sơn',
  'Tổ 3, Khu 5, Phường Hồng Gai, Thành phố Hạ Long, Quảng Ninh',
  'Thôn Đông, Xã Việt Lập, Huyện Tân Yên, Bắc Giang',
  'Khu 4, Xã Hy Cương, Thành phố Việt Trì, Phú Thọ',
  'Thôn Đại Phùng, Xã Đại Đồng, Huyện Vĩnh Tường, Vĩnh Phúc',
  'Khu phố Đông Xuyên, Phường Đông Ngàn, Thành phố Từ Sơn, Bắc Ninh',
  'Số 45 đường Trần Hưng Đạo, Phường Trần Hưng Đạo, Thành phố Hải Dương, Hải Dương',
  'Số 8/122 Lạch Tray, Phường Lạch Tray, Quận Ngô Quyền, Hải Phòng',
  'Thôn Như Quỳnh, Thị trấn Như Quỳnh, Huyện Văn Lâm, Hưng Yên',
  'Thôn Thượng Hiền, Xã Vũ Hội, Huyện Vũ Thư, Thái Bình',
  'Tổ dân phố Bút Sơn, Thị trấn Kiện Khê, Huyện Thanh Liêm, Hà Nam',
  'Xóm 3, Xã Xuân Ngọc, Huyện Xuân Trường, Nam Định',
  'Thôn Văn Lâm, Xã Ninh Hải, Huyện Hoa Lư, Ninh Bình',
  'Thôn 2, Định Tường, Yên Định, Thanh Hóa',
  'Xóm 3, Xã Kim Liên, Huyện Nam Đàn, Nghệ An',
  'Thôn Trung Nghĩa, Xã Thạch Trung, Thành phố Hà Tĩnh, Hà Tĩnh',
  'Tiểu khu 7, Phường Đồng Phú, Thành phố Đồng Hới, Quảng Bình',
  'Khu phố 2, Phường 5, Thành phố Đông Hà, Quảng Trị',
  'Kiệt 52 Chi Lăng, Phường Phú Hậu, Thành phố Huế, Thừa Thiên Huế',
  'Tổ 21, Phường Hòa Khánh Bắc, Quận Liên Chiểu, Đà Nẵng',
  'Khối phố Phước Trạch, Phường Cửa Đại, Thành phố Hội An, Quảng Nam',
  'Thôn An Vĩnh, Xã Tịnh Khê, Thành phố Quảng Ngãi, Quảng Ngãi',
  'Khu phố Phú Xuân, Thị trấn Phú Phong, Huyện Tây Sơn, Bình Định',
  'Khu phố Ninh Tịnh 3, Phường 9, Thành phố Tuy Hòa, Phú Yên',
  'Tổ 5, Phường Vĩnh Hải, Thành phố Nha Trang, Khánh Hoà',
  'Thôn Phước Nhơn, Xã Xuân Hải, Huyện Ninh Hải, Ninh Thuận',
  'Khu phố 4, Phường Mũi Né, Thành phố Phan Thiết, Bình Thuận',
  'Làng Kon Klor, Phường Thắng Lợi, Thành phố Kon Tum, Kon Tum',
  'Làng Mrông Yố 1, Xã Ia Ka, Huyện Chư Păh, Gia Lai',
  'Buôn Ko Sier, Phường Thành Nhất, Thành phố Buôn Ma Thuột, Đắk Lắk',
  'Bon Bu Prâng, Xã Quảng Trực, Huyện Tuy Đức, Đắk Nông',
  'Thôn K\'Long, Xã Hiệp An, Huyện Đức Trọng, Lâm Đồng',
  'Ấp Tân Hiệp, Xã Tân Tiến, Huyện Bù Đốp, Bình Phước',
  'Ấp Trường Lưu, Xã Trường Hòa, Thị xã Hòa Thành, Tây Ninh',
  'Khu phố Bình Đức 1, Phường Bình Hòa, Thành phố Thuận An, Bình Dương',
  'Khu phố 5A, Phường Long Bình, Thành phố Biên Hòa, Đồng Nai',
  'Số 12 Trần Phú, Phường 1, Thành phố Vũng Tàu, Bà Rịa - Vũng Tàu',
  '123/45 Nguyễn Thị Minh Khai, Phường Phạm Ngũ Lão, Quận 1, Thành phố Hồ Chí Minh',
  'Ấp Bình Hòa, Xã Long Hựu Đông, Huyện Cần Đước, Long An',
  'Ấp Mỹ Lợi, Xã Mỹ Phong, Thành phố Mỹ Tho, Tiền Giang',
  'Ấp Phú Hưng, Xã Phú Túc, Huyện Châu Thành, Bến Tre',
  'Ấp Sóc Ruộng, Xã Ngọc Biên, Huyện Trà Cú, Trà Vinh',
  'Ấp Phước Yên A, Xã Phú Quới, Huyện Long Hồ, Vĩnh Long',
  'Khóm 3, Phường 1, Thành phố Sa Đéc, Đồng Tháp',
  'Khóm Vĩnh Đông, Phường Núi Sam, Thành phố Châu Đốc, An Giang',
  'Tổ 4, Khu phố 7, Phường Dương Đông, Thành phố Phú Quốc, Kiên Giang',
  'Số 30, Hẻm 51, Đường 3 Tháng 2, Phường Xuân Khánh, Quận Ninh Kiều, Cần Thơ',
  'Ấp Mỹ Phú, Xã Đông Phú, Huyện Châu Thành, Hậu Giang',
  'Ấp Đại Ân, Xã Đại Ân 2, Huyện Trần Đề, Sóc Trăng',
  'Khóm 1, Phường 3, Thành phố Bạc Liêu, Bạc Liêu',
  'Khóm 7, Thị trấn Năm Căn, Huyện Năm Căn, Cà Mau',
];

/** Two-level addresses after the 2025 merger, one per new province or centrally-run city. */
export const ADDRESSES_34: readonly string[] = [
  'Số 5 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
  'Số 14 Lê Lợi, Phường Thuận Hóa, Thành phố Huế',
  'Bản Sin Suối Hồ, Xã Sin Suối Hồ, Tỉnh Lai Châu',
  'Tổ 9, Phường Mường Thanh, Tỉnh Điện Biên',
  'Bản Hụm, Xã Chiềng Ngần, Tỉnh Sơn La',
  'Khối 3, Phường Lương Văn Tri, Tỉnh Lạng Sơn',
  'Tổ 2, Khu 3, Phường Bãi Cháy, Tỉnh Quảng Ninh',
  'Thôn Yên Trường, Xã Yên Trường, Tỉnh Thanh Hóa',
  'Khối Tân Hòa, Phường Vinh Hưng, Tỉnh Nghệ An',
  'Thôn Bắc Sơn, Xã Đức Thọ, Tỉnh Hà Tĩnh',
  'Tổ 10, Phường Thục Phán, Tỉnh Cao Bằng',
  'Thôn Sủng Là, Xã Sủng Máng, Tỉnh Tuyên Quang',
  'Tổ 15, Phường Yên Bái, Tỉnh Lào Cai',
  'Tổ 6, Phường Phan Đình Phùng, Tỉnh Thái Nguyên',
  'Khu 10, Phường Vĩnh Phúc, Tỉnh Phú Thọ',
  'Thôn Đồng Kỵ, Phường Đồng Nguyên, Tỉnh Bắc Ninh',
  'Thôn Tiên Cầu, Xã Hồng Châu, Tỉnh Hưng Yên',
  'Số 20 Điện Biên Phủ, Phường Hồng Bàng, Thành phố Hải Phòng',
  'Xóm 7, Xã Nam Trực, Tỉnh Ninh Bình',
  'Tiểu khu 4, Phường Đồng Hới, Tỉnh Quảng Trị',
  'Tổ 33, Phường Hải Châu, Thành phố Đà Nẵng',
  'Thôn Kon Tu Dốp, Xã Đăk Tô, Tỉnh Quảng Ngãi',
  'Làng Plei Ốp, Phường Pleiku, Tỉnh Gia Lai',
  'Tổ 8, Phường Nha Trang, Tỉnh Khánh Hòa',
  'Thôn K\'Long Bong, Xã Lạc Dương, Tỉnh Lâm Đồng',
  'Buôn Ea Kmát, Xã Hòa Phú, Tỉnh Đắk Lắk',
  'Số 1 Lê Duẩn, Phường Sài Gòn, Thành phố Hồ Chí Minh',
  'Khu phố 3, Phường Trấn Biên, Tỉnh Đồng Nai',
  'Ấp Long Hòa, Xã Long Thuận, Tỉnh Tây Ninh',
  'Khu vực 2, Phường Ninh Kiều, Thành phố Cần Thơ',
  'Ấp Sóc Xoài, Xã Hòa Lợi, Tỉnh Vĩnh Long',
  'Ấp Tân Thạnh, Xã Mỹ Thọ, Tỉnh Đồng Tháp',
  'Khóm 5, Phường An Xuyên, Tỉnh Cà Mau',
  'Tổ 3, Khu phố Sóc Rẫy, Phường Châu Đốc, Tỉnh An Giang',
];

export const ADDRESSES: readonly string[] = [...ADDRESSES_63, ...ADDRESSES_34];

export const PROVINCE_CODE_LIST = Object.keys(PROVINCE_CODES);

export interface Sample {
  qr: string;
  idNumber: string;
  name: string;
  gender: 'Nam' | 'Nữ';
  address: string;
  dobIso: string;
  issueIso: string;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** A consistent QR text for person i living at address j (number agrees with gender and birth year). */
export function sample(i: number, j: number = i): Sample {
  const person = NAMES[i % NAMES.length] as Person;
  const address = ADDRESSES[j % ADDRESSES.length] as string;
  const year = 1950 + ((i * 7) % 70);
  const month = 1 + (i % 12);
  const day = 1 + ((i * 5) % 28);
  const province = PROVINCE_CODE_LIST[(i + j) % PROVINCE_CODE_LIST.length] as string;
  const centuryDigit = (year >= 2000 ? 2 : 0) + (person.gender === 'Nữ' ? 1 : 0);
  const idNumber = `${province}${centuryDigit}${pad(year % 100, 2)}${pad((i * 7919 + j * 104729) % 1_000_000, 6)}`;
  const issueYear = Math.min(2025, Math.max(2021, year + 14));
  const dob = `${pad(day, 2)}${pad(month, 2)}${year}`;
  const issue = `${pad(day, 2)}${pad(month, 2)}${issueYear}`;
  const oldId = i % 3 === 0 ? '' : pad((i * 1_234_567) % 1_000_000_000, 9);
  return {
    qr: `${idNumber}|${oldId}|${person.name}|${dob}|${person.gender}|${address}|${issue}`,
    idNumber,
    name: person.name,
    gender: person.gender,
    address,
    dobIso: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
    issueIso: `${issueYear}-${pad(month, 2)}-${pad(day, 2)}`,
  };
}

/** Every name and every address appears at least once. */
export function allSamples(): Sample[] {
  const n = Math.max(NAMES.length, ADDRESSES.length);
  return Array.from({ length: n }, (_, k) => sample(k % NAMES.length, k % ADDRESSES.length));
}

/** Fixed "now" for the tests' date checks. */
export const NOW = new Date('2026-03-01T03:00:00Z');
