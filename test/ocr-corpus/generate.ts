/**
 * The Vietnamese OCR test corpus: administrative pages (headings, names, addresses, procedure titles, dates, numbers,
 * running sentences with every tone and letter) composed from a seed, rendered as A4 gray scans in two fonts by sharp
 * (librsvg + fontconfig), then degraded the way counter scanners degrade pages. Each page's ground truth is its lines
 * in reading order, joined with \n. Deterministic: the same seed gives the same text and, on the same libraries, the
 * same pixels. Used by test/integration/ocr/accuracy.test.ts, test/bench/ocr-accuracy.bench.ts and write-corpus.ts.
 */
import { mulberry32 } from '../helpers/seeded-random';
import sharp from 'sharp';

export const A4_MM = { width: 210, height: 297 } as const;

/** Two families the rule asks for: a wide sans and a Times-metric serif (fonts-dejavu-core, fonts-liberation). */
export const CORPUS_FONTS = ['DejaVu Sans', 'Liberation Serif'] as const;
export type CorpusFont = (typeof CORPUS_FONTS)[number];

export type VariantName = 'clean' | 'dpi200' | 'dpi150' | 'dark' | 'skew2' | 'noise' | 'jpeg' | 'scanner200' | 'scanner150';

export interface Variant {
  name: VariantName;
  /** Resolution the page is scanned at (and the file says). */
  dpi: number;
  description: string;
  /** The limit for this variant: 1% clean, 2% degraded. */
  maxCer: number;
}

/** Every variant the rule names, plus two combinations a real counter scanner gives. */
export const VARIANTS: readonly Variant[] = [
  { name: 'clean', dpi: 300, description: '300 dpi, white paper, black ink', maxCer: 0.01 },
  { name: 'dpi200', dpi: 200, description: 'scanned at 200 dpi', maxCer: 0.02 },
  { name: 'dpi150', dpi: 150, description: 'scanned at 150 dpi', maxCer: 0.02 },
  { name: 'dark', dpi: 300, description: 'darker scan: gray paper (~150), gray ink (~55), low contrast', maxCer: 0.02 },
  { name: 'skew2', dpi: 300, description: 'page lying 2° off (sign from the seed), white fill', maxCer: 0.02 },
  { name: 'noise', dpi: 300, description: 'gaussian noise σ 24 and dust specks', maxCer: 0.02 },
  { name: 'jpeg', dpi: 300, description: 'JPEG quality 35', maxCer: 0.02 },
  { name: 'scanner200', dpi: 200, description: '200 dpi, grayish paper, 1° skew, noise σ 10, JPEG q 50', maxCer: 0.02 },
  { name: 'scanner150', dpi: 150, description: '150 dpi, darker, −1.5° skew, noise σ 12, JPEG q 45', maxCer: 0.02 },
];

export interface CorpusPage {
  id: string;
  seed: number;
  font: CorpusFont;
  pointSize: number;
  lines: PageLine[];
  /** Ground truth: the lines in reading order, joined with \n. */
  text: string;
}

export interface PageLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  /** Extra space before the line, in lines. */
  gapBefore: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** Seeded PRNG (mulberry32): deterministic on every platform. */
export const prng = mulberry32;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trịnh', 'Đinh'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Thu', 'Xuân', 'Bảo', 'Thế', 'Kim', 'Diệu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hằng', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trâm', 'Tuấn', 'Uyên', 'Việt', 'Yến', 'Đạt', 'Phúc', 'Ánh', 'Thủy', 'Nhung', 'Lộc', 'Ngữ', 'Vỹ', 'Ưng', 'Quỳnh', 'Trường', 'Hiếu'];
const STREETS = ['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Điện Biên Phủ', 'Võ Thị Sáu', 'Lý Thường Kiệt', 'Phan Đình Phùng', 'Hoàng Diệu', 'Nguyễn Thị Minh Khai', 'Lạc Long Quân', 'Âu Cơ', 'Ngô Quyền', 'Tôn Đức Thắng', 'Bà Triệu'];
const WARDS = ['Bến Nghé', 'Đa Kao', 'Tân Định', 'Phúc Xá', 'Hàng Bạc', 'Thạch Thang', 'Vĩnh Ninh', 'Quang Trung', 'Ngọc Khánh', 'Yên Hòa', 'Xuân Đỉnh', 'Ỷ La', 'Phước Mỹ', 'An Khánh'];
const DISTRICTS = ['Ba Đình', 'Hoàn Kiếm', 'Đống Đa', 'Cầu Giấy', 'Hải Châu', 'Ninh Kiều', 'Thủ Đức', 'Sơn Trà', 'Hồng Bàng', 'Tây Hồ', 'Bình Thạnh', 'Liên Chiểu'];
const PROVINCES = ['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Thừa Thiên Huế', 'Quảng Ninh', 'Nghệ An', 'Đắk Lắk', 'Khánh Hòa', 'Lâm Đồng', 'Quảng Ngãi'];
const PROCEDURES = [
  'Cấp giấy chứng nhận quyền sử dụng đất lần đầu',
  'Đăng ký khai sinh',
  'Đăng ký kết hôn',
  'Cấp bản sao trích lục hộ tịch',
  'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  'Đăng ký thành lập hộ kinh doanh',
  'Chứng thực chữ ký trong giấy tờ, văn bản',
  'Xác nhận tình trạng hôn nhân',
  'Đăng ký thường trú',
  'Cấp đổi giấy phép lái xe',
  'Trợ cấp xã hội hằng tháng cho người cao tuổi',
  'Đăng ký biến động quyền sử dụng đất',
];
const RELATIONS = ['con', 'vợ', 'chồng', 'mẹ', 'cha', 'cháu nội', 'em ruột', 'ông ngoại', 'bà nội'];
const LAWS = ['Đất đai', 'Hộ tịch', 'Cư trú', 'Xây dựng', 'Doanh nghiệp', 'Hôn nhân và gia đình', 'Người cao tuổi'];
const AGENCIES = ['Văn phòng đăng ký đất đai', 'Phòng Tư pháp', 'Công an phường', 'Phòng Kinh tế', 'Bộ phận Một cửa', 'Sở Giao thông vận tải'];
const PURPOSES = ['đất ở tại đô thị', 'đất ở tại nông thôn', 'đất trồng cây lâu năm', 'đất thương mại, dịch vụ', 'đất nuôi trồng thủy sản'];
const DOCUMENTS = [
  'Bản sao giấy khai sinh có chứng thực',
  'Căn cước công dân còn thời hạn sử dụng',
  'Sơ đồ thửa đất và biên bản xác định mốc giới',
  'Biên lai nộp lệ phí trước bạ nhà, đất',
  'Tờ khai thuế thu nhập cá nhân theo mẫu',
  'Giấy xác nhận của Ủy ban nhân dân cấp xã',
  'Hợp đồng chuyển nhượng đã được công chứng',
  'Ảnh chân dung cỡ 4 x 6 cm, chụp không quá sáu tháng',
];
/** Running sentences chosen for their letters: every tone on every vowel family, ă â ê ô ơ ư đ, in use. */
const PROSE = [
  'Tôi xin cam đoan những nội dung khai trên là đúng sự thật và hoàn toàn chịu trách nhiệm trước pháp luật về lời khai của mình.',
  'Người khuyết tật, người cao tuổi, phụ nữ mang thai và người có công với cách mạng được ưu tiên tiếp nhận trước.',
  'Giấy tờ bị tẩy xóa, sửa chữa, nhòe mực hoặc rách nát không được chấp nhận; người nộp cần xuất trình bản chính để đối chiếu.',
  'Trường hợp hồ sơ chưa đầy đủ, cán bộ tiếp nhận hướng dẫn bổ sung một lần bằng văn bản, ghi rõ lý do và thời hạn.',
  'Kết quả được trả trực tiếp tại quầy, qua dịch vụ bưu chính công ích hoặc trên Cổng dịch vụ công quốc gia.',
  'Mọi thắc mắc, khiếu nại về việc giải quyết thủ tục hành chính xin gửi về đường dây nóng của Ủy ban nhân dân.',
  'Ông bà, cha mẹ, vợ chồng, con cái và anh chị em ruột có thể ủy quyền cho nhau mà không cần chứng thực chữ ký.',
  'Sau khi kiểm tra, thẩm định hồ sơ, cơ quan giải quyết cập nhật trạng thái vào sổ theo dõi và phần mềm một cửa điện tử.',
  'Đề nghị quý cơ quan xem xét, giải quyết sớm để gia đình ổn định chỗ ở, yên tâm lao động, sản xuất và học tập.',
  'Hồ sơ quá hạn được xin lỗi người dân bằng văn bản, nêu rõ nguyên nhân chậm trễ và ngày hẹn trả kết quả mới.',
  'Các khoản phí, lệ phí được niêm yết công khai; biên lai điện tử được gửi đến số điện thoại hoặc thư điện tử đã đăng ký.',
  'Bản khai thiếu chữ ký, thiếu dấu giáp lai hoặc khác thông tin trên căn cước thì phải khai lại theo mẫu mới nhất.',
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}
function int(rnd: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}
const pad2 = (n: number): string => String(n).padStart(2, '0');

function person(rnd: () => number): string {
  return `${pick(rnd, SURNAMES)} ${pick(rnd, MIDDLE)} ${pick(rnd, GIVEN)}`;
}
function date(rnd: () => number, from = 1950, to = 2024): string {
  return `${pad2(int(rnd, 1, 28))}/${pad2(int(rnd, 1, 12))}/${int(rnd, from, to)}`;
}
function dateWords(rnd: () => number): string {
  return `ngày ${pad2(int(rnd, 1, 28))} tháng ${pad2(int(rnd, 1, 12))} năm ${int(rnd, 2019, 2026)}`;
}
function address(rnd: () => number): string {
  return `số ${int(rnd, 1, 320)} đường ${pick(rnd, STREETS)}, phường ${pick(rnd, WARDS)}, quận ${pick(rnd, DISTRICTS)}, thành phố ${pick(rnd, PROVINCES)}`;
}
function money(rnd: () => number): string {
  return `${int(rnd, 1, 95) * 50_000}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
function digits(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(rnd, 0, 9));
  return s;
}

/** The paragraphs of one page (before wrapping): a form letter with its headings, a list and running prose. */
function compose(rnd: () => number): PageLine[] {
  const out: PageLine[] = [];
  const line = (text: string, align: PageLine['align'] = 'left', bold = false, gapBefore = 0): void => void out.push({ text, align, bold, gapBefore });
  const procedure = pick(rnd, PROCEDURES);
  const province = pick(rnd, PROVINCES);
  line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'center', true);
  line('Độc lập - Tự do - Hạnh phúc', 'center', true);
  line(`${province}, ${dateWords(rnd)}`, 'right', false, 0.6);
  line(`ĐƠN ĐỀ NGHỊ ${procedure.toLocaleUpperCase('vi')}`, 'center', true, 0.8);
  line(`Kính gửi: Ủy ban nhân dân phường ${pick(rnd, WARDS)}, quận ${pick(rnd, DISTRICTS)}.`, 'left', false, 0.6);
  const applicant = person(rnd);
  line(`Tôi tên là ${applicant.toLocaleUpperCase('vi')}, sinh ngày ${date(rnd, 1950, 2004)}, số định danh cá nhân ${digits(rnd, 12)}, cấp ngày ${date(rnd, 2016, 2024)} tại Cục Cảnh sát quản lý hành chính về trật tự xã hội.`);
  line(`Nơi thường trú: ${address(rnd)}. Số điện thoại: 0${int(rnd, 3, 9)}${digits(rnd, 8)}.`);
  line(`Đề nghị cơ quan có thẩm quyền giải quyết thủ tục ${procedure.toLowerCase()} cho ${pick(rnd, RELATIONS)} tôi là ${person(rnd)}, sinh năm ${int(rnd, 1935, 2024)}.`);
  line(`Căn cứ Nghị định số ${int(rnd, 10, 199)}/${int(rnd, 2015, 2025)}/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật ${pick(rnd, LAWS)}.`);
  if (rnd() < 0.6) line(`Thửa đất số ${int(rnd, 1, 999)}, tờ bản đồ số ${int(rnd, 1, 60)}, diện tích ${int(rnd, 30, 900)},${int(rnd, 1, 9)} mét vuông, mục đích sử dụng: ${pick(rnd, PURPOSES)}.`);
  line('Hồ sơ kèm theo gồm:', 'left', true, 0.4);
  const docs = [...DOCUMENTS].sort(() => rnd() - 0.5).slice(0, int(rnd, 3, 5));
  docs.forEach((d, i) => line(`${i + 1}. ${d};`));
  const prose = [...PROSE].sort(() => rnd() - 0.5);
  line(`${prose[0]} ${prose[1]}`, 'left', false, 0.4);
  line(`Hồ sơ nộp tại ${pick(rnd, AGENCIES)} ngày ${date(rnd, 2025, 2026)}, mã hồ sơ ${int(rnd, 10, 99)}.${int(rnd, 100, 999)}.${digits(rnd, 6)}; lệ phí ${money(rnd)} đồng; hẹn trả kết quả ngày ${date(rnd, 2025, 2026)}.`);
  line(`${prose[2]} ${prose[3]} ${prose[4]}`);
  line(`${prose[5]} ${prose[6]}`);
  line('NGƯỜI LÀM ĐƠN', 'right', true, 0.8);
  line(applicant, 'right', false, 2.2);
  return out;
}

// Average advance widths in em, upper bounds per character class: enough to wrap without measuring the font.
const WIDTHS: Record<CorpusFont, { upper: number; lower: number; digit: number; space: number; other: number; bold: number }> = {
  'DejaVu Sans': { upper: 0.74, lower: 0.6, digit: 0.64, space: 0.32, other: 0.42, bold: 1.1 },
  'Liberation Serif': { upper: 0.7, lower: 0.48, digit: 0.5, space: 0.25, other: 0.34, bold: 1.08 },
};
function estimateWidthEm(text: string, font: CorpusFont, bold: boolean): number {
  const w = WIDTHS[font];
  let em = 0;
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    if (ch === ' ') em += w.space;
    else if (/\d/.test(ch)) em += w.digit;
    else if (/\p{Lu}/u.test(ch)) em += w.upper;
    else if (/\p{Ll}/u.test(ch)) em += ch === 'm' || ch === 'w' ? w.upper + 0.15 : w.lower;
    else em += w.other;
  }
  return bold ? em * w.bold : em;
}

function wrap(par: PageLine, font: CorpusFont, maxEm: number): PageLine[] {
  const words = par.text.split(' ');
  const out: PageLine[] = [];
  let cur = '';
  for (const word of words) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && estimateWidthEm(next, font, par.bold) > maxEm) {
      out.push({ ...par, text: cur, gapBefore: out.length ? 0 : par.gapBefore });
      cur = word;
    } else cur = next;
  }
  if (cur) out.push({ ...par, text: cur, gapBefore: out.length ? 0 : par.gapBefore });
  return out;
}

export interface ComposeOptions {
  font: CorpusFont;
  /** Body size in points; default 12 (Vietnamese forms use 12–14). */
  pointSize?: number;
  /** Keep only the first N lines (a part page for tests); default: what fits on A4. */
  maxLines?: number;
}

const MARGIN_MM = { left: 25, right: 20, top: 20, bottom: 20 };
const LEADING = 1.45;

/** One page of corpus text, wrapped for its font and size to what fits on A4 between the margins. */
export function composePage(seed: number, opts: ComposeOptions): CorpusPage {
  const rnd = prng(seed);
  const pointSize = opts.pointSize ?? 12;
  const textWidthPt = ((A4_MM.width - MARGIN_MM.left - MARGIN_MM.right) / 25.4) * 72;
  const maxEm = (textWidthPt / pointSize) * 0.97;
  const rowsOnPage = Math.floor(((A4_MM.height - MARGIN_MM.top - MARGIN_MM.bottom) / 25.4) * 72 / (pointSize * LEADING)) - 1;
  const lines: PageLine[] = [];
  let used = 0;
  // Past one letter's end, more letters follow (another applicant) until the page is full.
  for (let round = 0; used < rowsOnPage && round < 4; round++) {
    for (const par of compose(rnd)) {
      for (const l of wrap(par, opts.font, maxEm)) {
        const rows = 1 + (lines.length ? l.gapBefore : 0);
        if (used + rows > rowsOnPage) break;
        lines.push(lines.length ? l : { ...l, gapBefore: 0 });
        used += rows;
      }
    }
  }
  const kept = opts.maxLines ? lines.slice(0, opts.maxLines) : lines;
  const fontId = opts.font.toLowerCase().replace(/\s+/g, '-');
  return { id: `p${seed}-${fontId}-${pointSize}pt`, seed, font: opts.font, pointSize, lines: kept, text: kept.map((l) => l.text).join('\n') };
}

/** `count` pages, fonts alternating, seeds from `seed` up. */
export function corpusPages(count: number, seed = 1501, pointSize = 12): CorpusPage[] {
  return Array.from({ length: count }, (_, i) => composePage(seed + i, { font: CORPUS_FONTS[i % CORPUS_FONTS.length]!, pointSize }));
}

// ---------------------------------------------------------------------------------------------------------------
// Pixels

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface RenderOptions {
  dpi: number;
  /** Height of the image: the whole A4 page (default) or only down to the last line (a part page for tests). */
  fit?: 'page' | 'lines';
}

/** The page as an 8-bit gray PNG at `dpi`, white paper and near-black ink, with its pixel size. */
export async function renderPage(page: CorpusPage, opts: RenderOptions): Promise<{ png: Buffer; width: number; height: number }> {
  const { dpi } = opts;
  const mm = (v: number): number => (v / 25.4) * dpi;
  const px = (page.pointSize / 72) * dpi;
  const width = Math.round(mm(A4_MM.width));
  const left = mm(MARGIN_MM.left);
  const right = width - mm(MARGIN_MM.right);
  const texts: string[] = [];
  let y = mm(MARGIN_MM.top) + px;
  for (const l of page.lines) {
    y += l.gapBefore * px * LEADING;
    const x = l.align === 'left' ? left : l.align === 'right' ? right : (left + right) / 2;
    const anchor = l.align === 'left' ? 'start' : l.align === 'right' ? 'end' : 'middle';
    texts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}"${l.bold ? ' font-weight="bold"' : ''}>${escapeXml(l.text)}</text>`);
    y += px * LEADING;
  }
  const height = opts.fit === 'lines' ? Math.round(y + mm(8)) : Math.round(mm(A4_MM.height));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g font-family="${page.font}" font-size="${px.toFixed(2)}" fill="#141414">${texts.join('')}</g></svg>`;
  const png = await sharp(Buffer.from(svg), { density: 72 })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .withDensity(dpi)
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, width, height };
}

export interface ScanFile {
  bytes: Buffer;
  dpi: number;
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

interface Degrade {
  /** Paper and ink levels after the scan (linear map of 255 → paper, 0 → ink). */
  paper?: number;
  ink?: number;
  /** Degrees, sharp's sense (positive clockwise); the page keeps its size, white fill. */
  skewDeg?: number;
  /** Gaussian noise σ, in gray levels. */
  noiseSigma?: number;
  /** Dark specks per 1000 × 1000 pixels. */
  specks?: number;
  /** JPEG quality; PNG when absent. */
  jpegQuality?: number;
}

function recipe(name: VariantName, seed: number): Degrade {
  const sign = seed % 2 === 0 ? 1 : -1;
  switch (name) {
    case 'clean':
    case 'dpi200':
    case 'dpi150':
      return {};
    case 'dark':
      return { paper: 150, ink: 55 };
    case 'skew2':
      return { skewDeg: 2 * sign };
    case 'noise':
      return { noiseSigma: 24, specks: 40 };
    case 'jpeg':
      return { jpegQuality: 35 };
    case 'scanner200':
      return { paper: 215, ink: 30, skewDeg: 1 * sign, noiseSigma: 10, specks: 8, jpegQuality: 50 };
    case 'scanner150':
      return { paper: 185, ink: 45, skewDeg: -1.5 * sign, noiseSigma: 12, specks: 8, jpegQuality: 45 };
  }
}

/** The page as a scanner in `variant`'s condition would deliver it (rendered at the variant's dpi, then degraded). */
export async function scanVariant(page: CorpusPage, variant: VariantName | Variant, opts: { fit?: RenderOptions['fit'] } = {}): Promise<ScanFile> {
  const v = typeof variant === 'string' ? VARIANTS.find((x) => x.name === variant)! : variant;
  const d = recipe(v.name, page.seed);
  const rendered = await renderPage(page, { dpi: v.dpi, fit: opts.fit });
  const decoded = await sharp(rendered.png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  let data = decoded.data;
  const { width, height } = decoded.info;
  if (d.skewDeg) {
    const turned = await sharp(data, { raw: { width, height, channels: 1 } })
      .rotate(d.skewDeg, { background: '#ffffff' })
      .flatten({ background: '#ffffff' })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const left = Math.floor((turned.info.width - width) / 2);
    const top = Math.floor((turned.info.height - height) / 2);
    data = await sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: 1 } })
      .extract({ left, top, width, height })
      .extractChannel(0) // a one-band raw input comes out as sRGB otherwise
      .raw()
      .toBuffer();
  }
  const buf = new Uint8Array(data);
  if (d.paper !== undefined || d.ink !== undefined) {
    const paper = d.paper ?? 255;
    const ink = d.ink ?? 0;
    for (let i = 0; i < buf.length; i++) buf[i] = Math.round(ink + (buf[i]! * (paper - ink)) / 255);
  }
  const rnd = prng(page.seed * 7919 + v.name.length);
  if (d.noiseSigma) {
    for (let i = 0; i < buf.length; i += 2) {
      // Box–Muller: two normal samples per pair of uniforms.
      const r = Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * d.noiseSigma;
      const t = 2 * Math.PI * rnd();
      buf[i] = clamp(buf[i]! + r * Math.cos(t));
      if (i + 1 < buf.length) buf[i + 1] = clamp(buf[i + 1]! + r * Math.sin(t));
    }
  }
  if (d.specks) {
    const count = Math.round((d.specks * width * height) / 1e6);
    const dot = Math.max(1, Math.round(v.dpi / 150));
    for (let k = 0; k < count; k++) {
      const x = Math.floor(rnd() * (width - 3));
      const y = Math.floor(rnd() * (height - 3));
      const level = Math.floor(rnd() * 60);
      for (let dy = 0; dy < dot; dy++) for (let dx = 0; dx < dot; dx++) buf[(y + dy) * width + x + dx] = level;
    }
  }
  const img = sharp(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), { raw: { width, height, channels: 1 } }).withDensity(v.dpi).toColourspace('b-w');
  const bytes = d.jpegQuality ? await img.jpeg({ quality: d.jpegQuality, chromaSubsampling: '4:4:4' }).toBuffer() : await img.png({ compressionLevel: 1 }).toBuffer();
  return { bytes, dpi: v.dpi, mediaType: d.jpegQuality ? 'image/jpeg' : 'image/png', width, height };
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
