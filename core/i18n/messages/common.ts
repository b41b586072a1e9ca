import type { Messages } from '../types';

/** Errors and words shared by every feature. Each feature keeps its own file beside this one. */
export const common: Messages = {
  vi: {
    errors: {
      INTERNAL: 'Lỗi hệ thống không mong muốn. Dữ liệu đã nhập vẫn được giữ; hãy thử lại hoặc báo quản trị.',
      RPC_UNKNOWN_METHOD: 'Chức năng "{{method}}" không tồn tại.',
      RPC_INVALID_INPUT: 'Dữ liệu gửi lên không hợp lệ: {{summary}}',
      RPC_MALFORMED: 'Yêu cầu không đúng định dạng.',
      RPC_UNAUTHENTICATED: 'Phiên làm việc chưa đăng nhập hoặc đã hết hạn. Vui lòng đăng nhập lại.',
      RPC_FORBIDDEN: 'Tài khoản của bạn không có quyền thực hiện chức năng này.',
      VALIDATION: 'Giá trị không hợp lệ: {{summary}}',
      NOT_FOUND: 'Không tìm thấy {{what}}.',
      DISK_FULL: 'Ổ đĩa đã đầy, không ghi được dữ liệu. Dữ liệu đã lưu trước đó vẫn còn nguyên; hãy giải phóng dung lượng rồi thử lại.',
      DB_BUSY: 'Cơ sở dữ liệu đang bận, vui lòng thử lại sau giây lát.',
      BACKUP_FAILED: 'Sao lưu không thành công: {{reason}}. Dữ liệu hiện tại không bị ảnh hưởng.',
      BACKUP_TARGET_IS_DATABASE: 'Không thể sao lưu đè lên chính tệp cơ sở dữ liệu đang dùng; hãy chọn tệp khác.',
      AUDIT_BROKEN: 'Nhật ký kiểm tra bị sửa hoặc xoá từ dòng {{id}} ({{reason}}).',
    },
  },
  en: {
    errors: {
      INTERNAL: 'Unexpected system error. What you entered is kept; try again or tell the administrator.',
      RPC_UNKNOWN_METHOD: 'There is no function "{{method}}".',
      RPC_INVALID_INPUT: 'The request data is invalid: {{summary}}',
      RPC_MALFORMED: 'The request is malformed.',
      RPC_UNAUTHENTICATED: 'You are not logged in or your session has expired. Please log in again.',
      RPC_FORBIDDEN: 'Your account is not allowed to use this function.',
      VALIDATION: 'Invalid value: {{summary}}',
      NOT_FOUND: '{{what}} was not found.',
      DISK_FULL: 'The disk is full; nothing could be written. Data saved before is intact; free some space and try again.',
      DB_BUSY: 'The database is busy, please try again in a moment.',
      BACKUP_FAILED: 'Backup failed: {{reason}}. Current data is not affected.',
      BACKUP_TARGET_IS_DATABASE: 'Cannot back up over the live database file; choose another file.',
      AUDIT_BROKEN: 'The audit log was edited or deleted from row {{id}} on ({{reason}}).',
    },
  },
};
