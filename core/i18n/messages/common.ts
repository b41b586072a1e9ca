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
      SETTINGS_UNKNOWN_KEY: 'Không có mục cấu hình "{{key}}". Các mục được phép: {{known}}. Hãy kiểm tra lại tên mục.',
      SETTINGS_KEY_OWNED: 'Mục cấu hình "{{key}}" không sửa trực tiếp được; hãy dùng chức năng riêng của nó ({{methods}}), ví dụ phần Cấu hình giờ làm việc.',
      SETTINGS_VALUE_TOO_LARGE: 'Giá trị cấu hình quá lớn (tối đa {{maxKb}} KB). Hãy rút gọn rồi lưu lại.',
      SETTINGS_BAD_TEXT: 'Giá trị phải là một dòng chữ, tối đa {{max}} ký tự, không xuống dòng. Hãy sửa lại rồi lưu.',
      SETTINGS_BAD_URL: 'Địa chỉ tra cứu phải là địa chỉ web bắt đầu bằng http:// hoặc https://, không có dấu cách, tối đa {{max}} ký tự (ví dụ https://dichvucong.example.vn/tra-cuu). Hãy sửa lại rồi lưu.',
    },
  },
  en: {
    errors: {
      INTERNAL: 'Unexpected system error. What you entered is kept; try again or tell the administrator.',
      RPC_UNKNOWN_METHOD: 'There is no function "{{method}}".',
      RPC_INVALID_INPUT: 'The request data is invalid: {{summaryEn}}',
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
      SETTINGS_UNKNOWN_KEY: 'There is no setting "{{key}}". Settings that can be written: {{known}}. Check the name.',
      SETTINGS_KEY_OWNED: 'The setting "{{key}}" cannot be written directly; use its own function ({{methods}}), e.g. the working-hours settings.',
      SETTINGS_VALUE_TOO_LARGE: 'The setting value is too large (at most {{maxKb}} KB). Shorten it and save again.',
      SETTINGS_BAD_TEXT: 'The value must be one line of text, at most {{max}} characters, without line breaks. Correct it and save again.',
      SETTINGS_BAD_URL: 'The lookup address must be a web address starting with http:// or https://, without spaces, at most {{max}} characters (e.g. https://dichvucong.example.vn/tra-cuu). Correct it and save again.',
    },
  },
};
