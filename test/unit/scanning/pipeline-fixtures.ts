/**
 * Real page images for the page-pipeline tests and benchmark: A4 text pages rendered by sharp (librsvg + the
 * system's fonts) at a chosen dpi, then skewed, turned, put on a scanner's backing, or left blank with speckle.
 */
import sharp, { type Sharp } from 'sharp';

export const A4_MM = { width: 210, height: 297 } as const;

/** An 8-bit, one-channel PNG with its dpi, as a gray scan is (alpha dropped; density set without turning it sRGB). */
function grayPng(s: Sharp, dpi: number): Promise<Buffer> {
  return s.flatten({ background: '#ffffff' }).withDensity(dpi).toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer();
}

const VI_LINES = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập, Tự do, Hạnh phúc',
  'ĐƠN ĐỀ NGHỊ CẤP GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT LẦN ĐẦU',
  'Kính gửi: Ủy ban nhân dân phường Bến Nghé, thành phố Hồ Chí Minh.',
  'Tôi tên là Nguyễn Thị Hồng Nhung, sinh ngày 12 tháng 3 năm 1985, số định danh',
  'cá nhân 079185001234, cấp ngày 20/7/2021 tại Cục Cảnh sát quản lý hành chính về',
  'trật tự xã hội. Nơi thường trú: số 45 đường Lê Thánh Tôn, phường Bến Nghé.',
  'Đề nghị cơ quan có thẩm quyền xem xét cấp giấy chứng nhận cho thửa đất số 128,',
  'tờ bản đồ số 9, diện tích 86,5 mét vuông, mục đích sử dụng: đất ở tại đô thị.',
  'Nguồn gốc sử dụng: nhận chuyển nhượng từ ông Trần Văn Được theo hợp đồng',
  'công chứng số 1524 ngày 05 tháng 6 năm 2019 tại Văn phòng công chứng Sài Gòn.',
  'Tôi xin cam đoan nội dung khai trên là đúng sự thật, nếu sai tôi hoàn toàn chịu',
  'trách nhiệm trước pháp luật. Hồ sơ kèm theo gồm bản sao giấy tờ tùy thân, sơ đồ',
  'thửa đất, biên lai nộp lệ phí trước bạ và tờ khai thuế thu nhập cá nhân.',
];

const EN_LINES = [
  'The quick brown fox jumps over the lazy dog while the clerk files the dossier.',
  'Pages are scanned, straightened, cropped and stored as small bilevel images;',
  'nothing that was received is lost, and blank pages are flagged for review.',
];

export interface TextPageOptions {
  dpi?: number;
  /** Font size in points. */
  pointSize?: number;
  lines?: number;
  language?: 'vi' | 'en';
  /** Paper level (255 white). */
  paper?: number;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An upright A4 page of text as an 8-bit grayscale PNG, with its pixel size. */
export async function textPage(opts: TextPageOptions = {}): Promise<{ png: Buffer; width: number; height: number; dpi: number }> {
  const dpi = opts.dpi ?? 300;
  const width = Math.round((A4_MM.width / 25.4) * dpi);
  const height = Math.round((A4_MM.height / 25.4) * dpi);
  const px = ((opts.pointSize ?? 12) / 72) * dpi;
  const source = opts.language === 'en' ? EN_LINES : VI_LINES;
  const count = opts.lines ?? 40;
  const margin = Math.round((25 / 25.4) * dpi);
  const lineGap = px * 1.5;
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const y = margin + px + i * lineGap;
    if (y > height - margin) break;
    texts.push(`<text x="${margin}" y="${y.toFixed(1)}">${escapeXml(source[i % source.length]!)}</text>`);
  }
  const paper = opts.paper ?? 255;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="rgb(${paper},${paper},${paper})"/>` +
    `<g font-family="DejaVu Serif" font-size="${px.toFixed(1)}" fill="#111">${texts.join('')}</g></svg>`;
  const png = await grayPng(sharp(Buffer.from(svg), { density: 72 }), dpi);
  return { png, width, height, dpi };
}

/** Turns a page image by `deg` (sharp's sense: positive clockwise) on white, keeping the page's size. */
export async function rotated(png: Buffer, deg: number): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const turned = sharp(png).rotate(deg, { background: '#ffffff' });
  if (deg % 90 === 0) return grayPng(turned, meta.density ?? 300);
  const { data, info } = await turned.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const left = Math.floor((info.width - meta.width!) / 2);
  const top = Math.floor((info.height - meta.height!) / 2);
  return grayPng(sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).extract({ left, top, width: meta.width!, height: meta.height! }), meta.density ?? 300);
}

/** The page scaled to `scale` and laid, turned by `deg`, on a backing of gray level `backing` (a flatbed lid). */
export async function onBacking(png: Buffer, opts: { backing: number; scale?: number; deg?: number }): Promise<{ png: Buffer; pageLeft: number; pageTop: number }> {
  const meta = await sharp(png).metadata();
  const scale = opts.scale ?? 0.85;
  const w = Math.round(meta.width! * scale);
  const h = Math.round(meta.height! * scale);
  let page = await sharp(png).resize(w, h).greyscale().png({ compressionLevel: 1 }).toBuffer();
  const bg = { r: opts.backing, g: opts.backing, b: opts.backing };
  if (opts.deg) page = await sharp(page).rotate(opts.deg, { background: bg }).png({ compressionLevel: 1 }).toBuffer();
  const pm = await sharp(page).metadata();
  const pageLeft = Math.round((meta.width! - pm.width!) / 2);
  const pageTop = Math.round((meta.height! - pm.height!) / 2);
  const canvas = await sharp({ create: { width: meta.width!, height: meta.height!, channels: 3, background: bg } })
    .composite([{ input: page, left: pageLeft, top: pageTop }])
    .png({ compressionLevel: 1 })
    .toBuffer();
  const out = await grayPng(sharp(canvas), meta.density ?? 300);
  return { png: out, pageLeft, pageTop };
}

/**
 * A blank A4 page with scanner speckle (isolated 1–3 px dots) and a little gray noise; deterministic. `edgeShadow`
 * adds what feeders leave along the paper's edges: a dark band down the left edge and two punched holes near it.
 */
export async function speckledBlank(dpi = 300, dots = 400, seed = 7, edgeShadow = false): Promise<Buffer> {
  const width = Math.round((A4_MM.width / 25.4) * dpi);
  const height = Math.round((A4_MM.height / 25.4) * dpi);
  const data = new Uint8Array(width * height);
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = 0; i < data.length; i++) data[i] = 240 + Math.floor(rnd() * 12);
  for (let k = 0; k < dots; k++) {
    const x = Math.floor(rnd() * (width - 4));
    const y = Math.floor(rnd() * (height - 4));
    const size = 2 + Math.floor(rnd() * 3); // 2–4 px: 0.17–0.34 mm, dust and toner specks
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) data[(y + dy) * width + x + dx] = 20;
  }
  if (edgeShadow) {
    const band = Math.round((2 / 25.4) * dpi); // 2 mm
    for (let y = 0; y < height; y++) for (let x = 0; x < band; x++) data[y * width + x] = 30;
    const r = Math.round((2.5 / 25.4) * dpi); // 5 mm holes, centred 6 mm in (inside the ignored margin)
    const cx = Math.round((6 / 25.4) * dpi);
    for (const cy of [Math.round(height * 0.35), Math.round(height * 0.65)]) {
      for (let y = cy - r; y <= cy + r; y++) for (let x = cx - r; x <= cx + r; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) data[y * width + x] = 25;
    }
  }
  return grayPng(sharp(data, { raw: { width, height, channels: 1 } }), dpi);
}

/** A colour page: a photo-like gradient block with some text beside it, as PNG (RGB). */
export async function colourPage(dpi = 300): Promise<Buffer> {
  const width = Math.round((A4_MM.width / 25.4) * dpi);
  const height = Math.round((A4_MM.height / 25.4) * dpi);
  const m = Math.round(dpi * 0.8);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3a7bd5"/><stop offset="0.5" stop-color="#e8a33d"/><stop offset="1" stop-color="#2f8f4e"/></linearGradient>` +
    `<radialGradient id="r"><stop offset="0" stop-color="#fff5e0"/><stop offset="1" stop-color="#7a3b2e"/></radialGradient></defs>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<rect x="${m}" y="${m}" width="${width - 2 * m}" height="${Math.round(height * 0.45)}" fill="url(#g)"/>` +
    `<circle cx="${width / 2}" cy="${m + height * 0.22}" r="${height * 0.15}" fill="url(#r)"/>` +
    `<text x="${m}" y="${Math.round(height * 0.65)}" font-family="DejaVu Serif" font-size="${dpi / 6}" fill="#222">Ảnh chụp hiện trạng thửa đất số 128</text></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).withDensity(dpi).toColourspace('srgb').png({ compressionLevel: 1 }).toBuffer();
}

/** TIFF IFD0 tags (number → first value) of a little- or big-endian TIFF: what a G4 check needs. */
export function tiffTags(bytes: Uint8Array): Map<number, number> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = b.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number): number => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const ifd = u32(4);
  const tags = new Map<number, number>();
  for (let i = 0, n = u16(ifd); i < n; i++) {
    const e = ifd + 2 + i * 12;
    const type = u16(e + 2);
    tags.set(u16(e), type === 3 ? u16(e + 8) : u32(e + 8));
  }
  return tags;
}

/** A PNG claiming `width`×`height` (valid chunks, one row of pixels): a page too large, told by its header alone. */
export async function pngHeaderOnly(width: number, height: number): Promise<Buffer> {
  const { crc32, deflateSync } = await import('node:zlib');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(width + 1))), chunk('IEND', Buffer.alloc(0))]);
}

/** Binary PNM as `scanimage --format=pnm` writes it: P5 gray (8 or 16 bit), P6 colour, P4 bitmap (1 = black). */
export async function toPnm(png: Buffer, kind: 'P5' | 'P5-16' | 'P6' | 'P4' = 'P5'): Promise<Buffer> {
  const colour = kind === 'P6';
  const { data, info } = await sharp(png).toColourspace(colour ? 'srgb' : 'b-w').raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  let body: Buffer = data;
  if (kind === 'P5-16') {
    body = Buffer.alloc(data.length * 2);
    for (let i = 0; i < data.length; i++) body.writeUInt16BE(data[i]! * 257, 2 * i);
  } else if (kind === 'P4') {
    const row = Math.ceil(width / 8);
    body = Buffer.alloc(row * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (data[y * width + x]! < 128) body[y * row + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  const magic = kind === 'P5-16' ? 'P5' : kind;
  const maxval = kind === 'P4' ? '' : kind === 'P5-16' ? '65535\n' : '255\n';
  return Buffer.concat([Buffer.from(`${magic}\n# scanimage\n${width} ${height}\n${maxval}`, 'latin1'), body]);
}

/** Binary PGM (P5), as SANE's pnm output gives a gray page. */
export function toPgm(png: Buffer): Promise<Buffer> {
  return toPnm(png, 'P5');
}
