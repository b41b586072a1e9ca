import type { Messages } from '../types';

/**
 * Issue #14 (scan-pipeline): Vietnamese first, English beside it. A page that cannot be processed says what the
 * clerk does next (scan that page again); the pages before it are not affected.
 */
export const scanPipeline: Messages = {
  vi: {
    errors: {
      SCAN_PAGE_EMPTY: 'Máy quét gửi về một trang rỗng (0 byte). Hãy quét lại trang này; các trang đã quét trước đó vẫn được giữ.',
      SCAN_PAGE_UNREADABLE:
        'Không đọc được ảnh trang quét (tệp hỏng, bị cắt cụt hoặc không phải ảnh PNG, JPEG, TIFF, PNM). Hãy quét lại trang này; các trang đã quét trước đó vẫn được giữ. ({{detail}})',
      SCAN_PAGE_TOO_LARGE:
        'Trang quét quá lớn ({{width}}×{{height}} điểm ảnh, giới hạn {{maxMegapixels}} triệu điểm ảnh). Hãy quét lại với độ phân giải thấp hơn (300 dpi là đủ cho hồ sơ).',
      SCAN_PAGE_FAILED:
        'Không xử lý được trang quét này (bộ xử lý ảnh dừng giữa chừng: {{reason}}). Hãy quét lại trang này; các trang khác không bị ảnh hưởng. {{detail}}',
    },
  },
  en: {
    errors: {
      SCAN_PAGE_EMPTY: 'The scanner sent an empty page (0 bytes). Scan this page again; the pages scanned before it are kept.',
      SCAN_PAGE_UNREADABLE:
        'The scanned page image cannot be read (damaged, cut short, or not a PNG, JPEG, TIFF or PNM image). Scan this page again; the pages scanned before it are kept. ({{detail}})',
      SCAN_PAGE_TOO_LARGE: 'The scanned page is too large ({{width}}×{{height}} pixels, limit {{maxMegapixels}} megapixels). Scan it again at a lower resolution (300 dpi is enough for dossiers).',
      SCAN_PAGE_FAILED: 'This scanned page could not be processed (the image processor stopped: {{reason}}). Scan this page again; the other pages are not affected. {{detail}}',
    },
  },
};
