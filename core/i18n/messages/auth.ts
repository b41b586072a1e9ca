import type { Messages } from '../types';

export const auth: Messages = {
  vi: {
    errors: {
      AUTH_INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      AUTH_LOCKED: 'Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Thử lại sau {{seconds}} giây hoặc nhờ quản trị mở khoá.',
      AUTH_THROTTLED: 'Máy này đã nhập sai mật khẩu quá nhiều lần. Thử lại sau {{seconds}} giây.',
      AUTH_LAST_ADMIN: 'Không thể vô hiệu hoá hoặc đổi vai trò của quản trị viên cuối cùng đang hoạt động.',
      CLI_UNKNOWN_USER: 'Không có tài khoản "{{username}}".',
      AUTH_DISABLED: 'Tài khoản đã bị vô hiệu hoá. Liên hệ quản trị.',
      AUTH_SETUP_DONE: 'Đã có tài khoản quản trị; không thể khởi tạo lại.',
      AUTH_USERNAME_TAKEN: 'Tên đăng nhập "{{username}}" đã được dùng.',
      AUTH_SESSION_INVALID: 'Phiên đăng nhập không còn hiệu lực. Vui lòng đăng nhập lại.',
      DB_TOO_NEW: 'Cơ sở dữ liệu thuộc phiên bản mới hơn ({{version}}) phần mềm này ({{supported}}). Hãy cập nhật phần mềm.',
    },
  },
  en: {
    errors: {
      AUTH_INVALID_CREDENTIALS: 'Wrong username or password.',
      AUTH_LOCKED: 'The account is locked after too many wrong passwords. Try again in {{seconds}} seconds or ask an administrator to unlock it.',
      AUTH_THROTTLED: 'Too many wrong passwords from this machine. Try again in {{seconds}} seconds.',
      AUTH_LAST_ADMIN: 'The last active administrator cannot be disabled or given another role.',
      CLI_UNKNOWN_USER: 'There is no account "{{username}}".',
      AUTH_DISABLED: 'This account is disabled. Contact the administrator.',
      AUTH_SETUP_DONE: 'An administrator account already exists; setup cannot run again.',
      AUTH_USERNAME_TAKEN: 'The username "{{username}}" is taken.',
      AUTH_SESSION_INVALID: 'Your session is no longer valid. Please log in again.',
      DB_TOO_NEW: 'The database is from a newer version ({{version}}) than this software ({{supported}}). Update the software.',
    },
  },
};
