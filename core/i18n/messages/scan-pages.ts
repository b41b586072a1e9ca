import type { Messages } from '../types';

/** Issue #14 (scan-pages): the page store and the clerk's page edits. Vietnamese first, English beside it. */
export const scanPages: Messages = {
  vi: {
    errors: {
      PAGE_NOT_FOUND: 'Không tìm thấy trang quét "{{pageId}}". Hãy tải lại danh sách trang.',
      PAGE_NOT_YOURS: 'Trang này nằm trong khay tiếp nhận của cán bộ khác; chỉ người đã quét mới xem và sửa được.',
      PAGE_REMOVED: 'Trang này đã được bỏ khỏi hồ sơ (vẫn lưu trong nhật ký), không sửa được nữa. Hãy tải lại danh sách trang.',
      PAGE_NOT_READY: 'Trang này chưa xử lý xong (hoặc xử lý không được) nên chưa có ảnh. Chờ giây lát rồi thử lại; nếu trang báo lỗi, hãy quét lại trang đó.',
      PAGE_BAD_OFFSET: 'Vị trí đọc {{offset}} vượt quá kích thước ảnh ({{bytes}} byte).',
      PAGE_FILE_MISSING: 'Không đọc được tệp ảnh của trang quét: tệp đã bị xoá, di chuyển hoặc thay đổi trong thư mục dữ liệu. Hãy báo quản trị viên khôi phục từ bản sao lưu, hoặc quét lại trang.',
      PAGE_RAW_GONE: 'Bản quét gốc của trang "{{pageId}}" không còn (trang đã xử lý xong).',
      PAGE_CHANGED: 'Trang vừa được thay đổi ở nơi khác trong lúc xoay. Hãy tải lại danh sách trang rồi xoay lại.',
      PAGE_BAD_BATCH_ID: 'Mã lô quét "{{batchId}}" không hợp lệ (chỉ gồm chữ, số, "-" và "_").',
      PAGE_BATCH_EXISTS: 'Lô quét "{{batchId}}" đã có; hãy quét tiếp lô đó hoặc bắt đầu lô mới.',
      PAGE_BATCH_UNKNOWN: 'Không có lô quét "{{batchId}}" để lưu trang. Hãy bắt đầu lượt quét mới.',
    },
  },
  en: {
    errors: {
      PAGE_NOT_FOUND: 'There is no scanned page "{{pageId}}". Reload the list of pages.',
      PAGE_NOT_YOURS: "This page is in another clerk's reception tray; only whoever scanned it can see or change it.",
      PAGE_REMOVED: 'This page was taken out of the dossier (it stays in the log) and can no longer be changed. Reload the list of pages.',
      PAGE_NOT_READY: 'This page is not processed yet (or could not be), so it has no image. Wait a moment and try again; if the page shows an error, scan it again.',
      PAGE_BAD_OFFSET: 'Read position {{offset}} is past the end of the image ({{bytes}} bytes).',
      PAGE_FILE_MISSING: "A scanned page's image file cannot be read: it was deleted, moved or changed in the data folder. Ask an administrator to restore it from a backup, or scan the page again.",
      PAGE_RAW_GONE: 'The raw scan of page "{{pageId}}" is gone (the page is processed).',
      PAGE_CHANGED: 'The page was changed elsewhere while it was being turned. Reload the pages and turn it again.',
      PAGE_BAD_BATCH_ID: 'Scan batch id "{{batchId}}" is not valid (letters, digits, "-" and "_" only).',
      PAGE_BATCH_EXISTS: 'Scan batch "{{batchId}}" exists already; continue that batch or start a new one.',
      PAGE_BATCH_UNKNOWN: 'There is no scan batch "{{batchId}}" to store the page in. Start a new scan.',
    },
  },
};
