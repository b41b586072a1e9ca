import type { Messages } from '../types';

/** Issue #15: searchable PDF/A building, the motcua pdf command. Vietnamese first, English beside it. */
export const pdf: Messages = {
  vi: {
    errors: {
      CLI_PDF_INPUT_MISSING: 'Không tìm thấy tệp ảnh {{file}}. Hãy kiểm tra lại đường dẫn; chưa tệp PDF nào được ghi.',
      CLI_PDF_INPUT_NOT_IMAGE:
        'Tệp {{file}} không phải ảnh đọc được (cần PNG, JPEG, TIFF hoặc PNM; tệp có thể bị hỏng hoặc cắt cụt). Chưa tệp PDF nào được ghi. ({{detail}})',
      CLI_PDF_INPUT_TOO_LARGE: 'Ảnh {{file}} quá lớn ({{detail}}). Hãy quét lại với độ phân giải thấp hơn (300 dpi là đủ); chưa tệp PDF nào được ghi.',
      CLI_PDF_OUT_FOLDER_MISSING: 'Không có thư mục {{dir}} để ghi tệp PDF. Hãy tạo thư mục đó hoặc chọn thư mục khác.',
      CLI_PDF_OUT_UNWRITABLE: 'Không ghi được tệp PDF {{file}} ({{detail}}). Hãy chọn một tệp trong thư mục có quyền ghi; không có tệp ghi dở nào bị để lại.',
    },
    pdf: {
      cli: {
        written: 'Đã ghi {{file}}: PDF/A-1b, {{pages}} trang, {{bytes}} byte{{searchable}}.',
        searchable: ', có lớp chữ tìm kiếm được',
        ocrSkipped: 'Trang {{page}} ({{file}}): không nhận dạng chữ được, trang được giữ không có lớp chữ. {{message}}',
        reencoded: 'Trang {{page}}: ảnh được mã hoá lại ({{reason}}).',
      },
    },
  },
  en: {
    errors: {
      CLI_PDF_INPUT_MISSING: 'The image file {{file}} was not found. Check the path; no PDF was written.',
      CLI_PDF_INPUT_NOT_IMAGE: 'The file {{file}} is not a readable image (PNG, JPEG, TIFF or PNM needed; it may be damaged or cut short). No PDF was written. ({{detail}})',
      CLI_PDF_INPUT_TOO_LARGE: 'The image {{file}} is too large ({{detail}}). Scan it again at a lower resolution (300 dpi is enough); no PDF was written.',
      CLI_PDF_OUT_FOLDER_MISSING: 'The folder {{dir}} for the PDF does not exist. Create it or choose another folder.',
      CLI_PDF_OUT_UNWRITABLE: 'The PDF {{file}} could not be written ({{detail}}). Choose a file in a writable folder; no half-written file was left.',
    },
    pdf: {
      cli: {
        written: 'Wrote {{file}}: PDF/A-1b, {{pages}} pages, {{bytes}} bytes{{searchable}}.',
        searchable: ', with a searchable text layer',
        ocrSkipped: 'Page {{page}} ({{file}}): no text could be recognised; the page is kept without a text layer. {{message}}',
        reencoded: 'Page {{page}}: image re-encoded ({{reason}}).',
      },
    },
  },
};
