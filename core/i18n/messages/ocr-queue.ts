import type { Messages } from '../types';

/** Issue #15: the OCR queue, page quality flags, document PDFs. Vietnamese first, English beside it. */
export const ocrQueue: Messages = {
  vi: {
    errors: {
      OCR_INTERRUPTED: 'Việc nhận dạng chữ trang này bị ngắt {{tries}} lần (chương trình dừng giữa chừng), nên đã tạm dừng. Hãy kiểm tra ảnh trang; có thể quét lại hoặc bấm "Nhận dạng lại".',
      OCR_PAGE_FAILED: 'Không nhận dạng được chữ trên trang này ({{detail}}). Hãy quét lại trang hoặc bấm "Nhận dạng lại".',
      OCR_PAGE_NOT_READ: 'Trang này chưa được nhận dạng chữ xong nên chưa duyệt được. Chờ giây lát rồi thử lại.',
      OCR_PAGE_NOT_READABLE: 'Trang này không nhận dạng chữ được: trang chưa xử lý xong, xử lý lỗi, hoặc là tờ phân cách.',
      OCR_PDF_FAILED: 'Không tạo được tệp PDF tìm kiếm được của giấy tờ này ({{detail}}). Tệp sẽ được tạo lại khi trang thay đổi; nếu lỗi lặp lại, hãy báo quản trị viên.',
      OCR_PDF_NOT_READY: 'Tệp PDF của giấy tờ "{{itemCode}}" chưa có: các trang còn đang được nhận dạng chữ hoặc chưa có trang nào. Chờ giây lát rồi thử lại.',
      OCR_PDF_BAD_OFFSET: 'Vị trí đọc {{offset}} vượt quá kích thước tệp PDF ({{bytes}} byte).',
      OCR_PDF_MISSING: 'Không đọc được tệp PDF của giấy tờ "{{itemCode}}": tệp đã bị xoá, di chuyển hoặc thay đổi trong thư mục dữ liệu. Hãy báo quản trị viên; tệp sẽ được tạo lại khi trang thay đổi.',
      SETTINGS_OCR_RANGE: 'Giá trị phải là số nguyên từ {{min}} đến {{max}} (hoặc để trống để dùng mặc định).',
    },
  },
  en: {
    errors: {
      OCR_INTERRUPTED: 'Reading this page was interrupted {{tries}} times (the program stopped half-way), so it was set aside. Check the page image; scan it again or choose "Read again".',
      OCR_PAGE_FAILED: 'The text on this page could not be read ({{detail}}). Scan the page again or choose "Read again".',
      OCR_PAGE_NOT_READ: 'This page has not been read yet, so it cannot be reviewed. Wait a moment and try again.',
      OCR_PAGE_NOT_READABLE: 'This page cannot be read: it is not processed yet, failed processing, or is a separator sheet.',
      OCR_PDF_FAILED: "This document's searchable PDF could not be made ({{detail}}). It is made again when its pages change; if this repeats, tell an administrator.",
      OCR_PDF_NOT_READY: 'The PDF of document "{{itemCode}}" is not there yet: its pages are still being read, or it has none. Wait a moment and try again.',
      OCR_PDF_BAD_OFFSET: 'Read position {{offset}} is past the end of the PDF ({{bytes}} bytes).',
      OCR_PDF_MISSING: 'The PDF of document "{{itemCode}}" cannot be read: it was deleted, moved or changed in the data folder. Tell an administrator; it is made again when its pages change.',
      SETTINGS_OCR_RANGE: 'The value must be a whole number from {{min}} to {{max}} (or empty for the default).',
    },
  },
};
