import type { Messages } from '../types';

/** Issue #15: the OCR engine (tesseract.js pool), the motcua ocr command. Vietnamese first, English beside it. */
export const ocrEngine: Messages = {
  vi: {
    errors: {
      OCR_DATA_MISSING:
        'Thiếu dữ liệu ngôn ngữ nhận dạng chữ ({{file}} trong {{dir}}). Hãy cài lại phần mềm; ứng dụng không tải dữ liệu này từ mạng.',
      OCR_IMAGE_UNREADABLE: 'Không đọc được ảnh để nhận dạng chữ (tệp hỏng, bị cắt cụt hoặc không phải ảnh PNG, JPEG, TIFF, PNM). ({{detail}})',
      OCR_IMAGE_TOO_SMALL: 'Ảnh quá nhỏ để có chữ ({{width}}×{{height}} điểm ảnh; cần ít nhất {{min}}×{{min}}). Hãy kiểm tra lại tệp hoặc quét lại trang.',
      OCR_IMAGE_TOO_LARGE: 'Ảnh quá lớn để nhận dạng chữ ({{width}}×{{height}} điểm ảnh, giới hạn {{maxMegapixels}} triệu điểm ảnh). Hãy quét lại với độ phân giải thấp hơn (300 dpi là đủ).',
      OCR_TIMEOUT: 'Nhận dạng chữ trên trang này quá lâu và đã dừng ({{detail}}). Các trang khác vẫn tiếp tục; có thể thử lại trang này sau.',
      OCR_WORKER_FAILED: 'Bộ nhận dạng chữ dừng bất thường khi đọc trang này ({{reason}}: {{detail}}). Các trang khác vẫn tiếp tục; có thể thử lại trang này.',
      OCR_ABORTED: 'Đã huỷ nhận dạng chữ trang này.',
      OCR_CLOSED: 'Bộ nhận dạng chữ đã đóng; trang này chưa được đọc.',
      OCR_FILE_UNREADABLE: 'Không mở được tệp {{file}} ({{detail}}). Hãy kiểm tra tên tệp và quyền đọc.',
    },
    ocrEngine: {
      cli: {
        failed: '{{file}}: lỗi [{{code}}] {{message}}',
        summary: '{{failed}}/{{total}} tệp không đọc được.',
        status: 'Hàng đợi OCR: {{waiting}} trang chờ, {{running}} đang đọc, {{failed}} lỗi, {{pagesPerMinute}} trang/phút.',
      },
    },
  },
  en: {
    errors: {
      OCR_DATA_MISSING: 'The text recognition language data is missing ({{file}} in {{dir}}). Reinstall the application; it never downloads this data.',
      OCR_IMAGE_UNREADABLE: 'The image cannot be read for text recognition (damaged, cut short, or not a PNG, JPEG, TIFF or PNM image). ({{detail}})',
      OCR_IMAGE_TOO_SMALL: 'The image is too small to hold text ({{width}}×{{height}} pixels; at least {{min}}×{{min}} needed). Check the file or scan the page again.',
      OCR_IMAGE_TOO_LARGE: 'The image is too large for text recognition ({{width}}×{{height}} pixels, limit {{maxMegapixels}} megapixels). Scan it again at a lower resolution (300 dpi is enough).',
      OCR_TIMEOUT: 'Text recognition took too long on this page and was stopped ({{detail}}). Other pages go on; this one can be tried again later.',
      OCR_WORKER_FAILED: 'The text recognition worker stopped unexpectedly on this page ({{reason}}: {{detail}}). Other pages go on; this one can be tried again.',
      OCR_ABORTED: 'Text recognition of this page was cancelled.',
      OCR_CLOSED: 'The text recognition engine was closed; this page was not read.',
      OCR_FILE_UNREADABLE: 'The file {{file}} cannot be opened ({{detail}}). Check its name and read permission.',
    },
    ocrEngine: {
      cli: {
        failed: '{{file}}: error [{{code}}] {{message}}',
        summary: '{{failed}}/{{total}} files could not be read.',
        status: 'OCR queue: {{waiting}} pages waiting, {{running}} being read, {{failed}} failed, {{pagesPerMinute}} pages/min.',
      },
    },
  },
};
