/**
 * The synthetic page corpus of the search benchmark: Vietnamese administrative text with diacritics, names and
 * numbers, words drawn with Zipf-like frequencies (the commonest phrases are on nearly every page, the tail on a few),
 * deterministic from a seed so the cached index can be rebuilt identically.
 */

/** Phrases in rough order of frequency (rank 1 is the commonest): a Zipf draw over this list makes the page text. */
export const PHRASES = [
  'của', 'và', 'là', 'có', 'được', 'theo', 'các', 'cho', 'người', 'ngày', 'tháng', 'năm', 'số', 'tại', 'với',
  'Ủy ban nhân dân', 'Cộng hòa xã hội chủ nghĩa Việt Nam', 'Độc lập - Tự do - Hạnh phúc', 'họ và tên', 'địa chỉ',
  'giấy chứng nhận', 'quyền sử dụng đất', 'đăng ký', 'hộ khẩu', 'thường trú', 'tạm trú', 'căn cước công dân',
  'nơi cư trú', 'quê quán', 'dân tộc Kinh', 'quốc tịch Việt Nam', 'giới tính', 'ngày sinh', 'nơi sinh',
  'đơn đề nghị', 'kính gửi', 'tôi tên là', 'xin cam đoan', 'những lời khai trên là đúng sự thật', 'nếu sai tôi xin chịu trách nhiệm',
  'trước pháp luật', 'xác nhận', 'chủ tịch', 'phó chủ tịch', 'cán bộ', 'công chức', 'tiếp nhận', 'hồ sơ',
  'thủ tục hành chính', 'bộ phận một cửa', 'phường', 'xã', 'quận', 'huyện', 'thị xã', 'thành phố', 'tỉnh',
  'đường', 'tổ dân phố', 'thôn', 'ấp', 'khu phố', 'số nhà', 'điện thoại', 'thư điện tử', 'mã số thuế',
  'hợp đồng', 'chuyển nhượng', 'tặng cho', 'thừa kế', 'thế chấp', 'thửa đất số', 'tờ bản đồ số', 'diện tích',
  'mét vuông', 'mục đích sử dụng', 'đất ở tại đô thị', 'đất trồng lúa', 'thời hạn sử dụng', 'lâu dài',
  'nguồn gốc sử dụng', 'nhà nước giao đất', 'công nhận quyền', 'tài sản gắn liền với đất', 'nhà ở', 'công trình xây dựng',
  'giấy phép xây dựng', 'bản vẽ', 'thiết kế', 'chiều cao', 'số tầng', 'mật độ xây dựng', 'chỉ giới', 'kinh doanh',
  'hộ kinh doanh', 'doanh nghiệp', 'công ty trách nhiệm hữu hạn', 'cổ phần', 'vốn điều lệ', 'ngành nghề',
  'người đại diện theo pháp luật', 'giám đốc', 'trụ sở chính', 'chi nhánh', 'văn phòng đại diện', 'khai sinh',
  'khai tử', 'kết hôn', 'ly hôn', 'giám hộ', 'nhận cha mẹ con', 'trích lục', 'bản sao', 'chứng thực', 'bản chính',
  'hộ tịch', 'sổ hộ tịch', 'quyển số', 'cha', 'mẹ', 'vợ', 'chồng', 'con', 'anh', 'chị', 'em', 'ông', 'bà',
  'bảo hiểm xã hội', 'bảo hiểm y tế', 'trợ cấp', 'người có công', 'thương binh', 'liệt sĩ', 'hộ nghèo', 'cận nghèo',
  'người cao tuổi', 'khuyết tật', 'học sinh', 'sinh viên', 'trường', 'lớp', 'bằng tốt nghiệp', 'chứng chỉ',
  'lệ phí', 'phí', 'đồng', 'biên lai', 'thu tiền', 'nộp', 'ngân hàng', 'tài khoản', 'chuyển khoản', 'tiền mặt',
  'quyết định', 'thông báo', 'công văn', 'tờ trình', 'biên bản', 'báo cáo', 'kế hoạch', 'điều', 'khoản', 'điểm',
  'Luật Đất đai', 'Nghị định', 'Thông tư', 'Bộ Tư pháp', 'Bộ Tài nguyên và Môi trường', 'Sở Xây dựng', 'Sở Kế hoạch và Đầu tư',
  'Chi cục Thuế', 'Công an', 'Văn phòng đăng ký đất đai', 'Phòng Tài nguyên và Môi trường', 'Phòng Tư pháp',
  'căn cứ', 'xét đề nghị', 'nay', 'hiệu lực', 'kể từ ngày ký', 'nơi nhận', 'lưu', 'văn thư', 'ký tên', 'đóng dấu',
  'ghi rõ họ tên', 'điểm chỉ', 'người làm đơn', 'người khai', 'người được ủy quyền', 'giấy ủy quyền', 'bên A', 'bên B',
  'bên chuyển nhượng', 'bên nhận chuyển nhượng', 'giá', 'thanh toán', 'bàn giao', 'cam kết', 'tranh chấp',
  'hòa giải', 'khiếu nại', 'tố cáo', 'giải quyết', 'thời hạn', 'quá hạn', 'bổ sung', 'hoàn thiện', 'từ chối',
  'trả kết quả', 'hẹn trả', 'phiếu', 'mẫu', 'kèm theo', 'bản photo', 'ảnh', 'chân dung', 'vân tay', 'mã vạch',
  'điện lực', 'cấp nước', 'môi trường', 'vệ sinh', 'an toàn thực phẩm', 'phòng cháy chữa cháy', 'giao thông',
  'vận tải', 'xe máy', 'ô tô', 'biển số', 'đăng kiểm', 'giấy phép lái xe', 'hạng', 'nông nghiệp', 'lâm nghiệp',
  'thủy sản', 'chăn nuôi', 'trồng trọt', 'hợp tác xã', 'làng nghề', 'du lịch', 'văn hóa', 'thể thao', 'lễ hội',
  'tôn giáo', 'tín ngưỡng', 'di tích', 'quảng cáo', 'biển hiệu', 'karaoke', 'internet', 'bưu chính', 'viễn thông',
];

export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Đoàn', 'Lâm', 'Trịnh', 'Mai', 'Tạ', 'Quách', 'Khúc', 'Ông'];
export const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Thu', 'Kim', 'Gia', 'Bảo', 'Đình', 'Công'];
export const GIVEN = [
  'An', 'Anh', 'Bình', 'Châu', 'Cường', 'Dũng', 'Duyên', 'Đạt', 'Đông', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Hùng',
  'Hương', 'Huy', 'Khánh', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'My', 'Nam', 'Nga', 'Ngân', 'Nghĩa', 'Nhung',
  'Phong', 'Phúc', 'Phương', 'Quân', 'Quang', 'Quyên', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thủy', 'Tiến', 'Trang', 'Trí',
  'Trung', 'Tú', 'Tuấn', 'Uyên', 'Vân', 'Việt', 'Vinh', 'Xuyến', 'Yến', 'Ánh', 'Ẩn', 'Ổn', 'Ửng', 'Khuê', 'Điệp',
];

/** xorshift32: fast, deterministic. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** A sampler of indexes 0..n-1 with P(i) ∝ 1/(i+1)^s (binary search over the cumulative weights). */
export function zipf(n: number, s: number, rand: () => number): () => number {
  const cum = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cum[i] = acc += 1 / Math.pow(i + 1, s);
  return () => {
    const u = rand() * acc;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface PageTextMaker {
  /** About `targetChars` characters of page text. */
  page(targetChars: number): string;
}

export function pageTextMaker(seed: number): PageTextMaker {
  const rand = rng(seed);
  const phrase = zipf(PHRASES.length, 1.05, rand);
  const pick = <T>(a: readonly T[], z?: () => number): T => a[z ? z() : Math.floor(rand() * a.length)]!;
  const family = zipf(FAMILY.length, 1.1, rand);
  const middle = zipf(MIDDLE.length, 1.0, rand);
  const given = zipf(GIVEN.length, 0.9, rand);
  const name = () => `${pick(FAMILY, family)} ${pick(MIDDLE, middle)} ${pick(GIVEN, given)}`;
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(rand() * 10);
    return s;
  };
  const date = () => `${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/${1950 + Math.floor(rand() * 76)}`;
  return {
    page(targetChars) {
      const parts: string[] = [];
      let len = 0;
      let sentence = 0;
      while (len < targetChars) {
        const r = rand();
        let w: string;
        if (r < 0.03) w = name();
        else if (r < 0.04) w = `CCCD ${'0' + digits(11)}`;
        else if (r < 0.05) w = date();
        else if (r < 0.06) w = String(1 + Math.floor(rand() * 999));
        else w = PHRASES[phrase()]!;
        if (++sentence > 8 + rand() * 10) {
          w += rand() < 0.7 ? '.' : ',';
          sentence = 0;
        }
        parts.push(w);
        len += w.length + 1;
        if (rand() < 0.04) {
          parts.push('\n');
          len += 1;
        }
      }
      return parts.join(' ');
    },
  };
}
