import type { Messages } from '../types';

/** Issue #14 (events): the push channel's errors. Vietnamese first, English beside it. */
export const events: Messages = {
  vi: {
    errors: {
      EVENT_UNKNOWN: 'Không có loại thông báo "{{name}}" để đăng ký nhận. Kiểm tra lại tên (ví dụ: scans.progress, pages.changed).',
      EVENT_FORBIDDEN: 'Tài khoản của bạn không có quyền nhận thông báo "{{name}}".',
    },
  },
  en: {
    errors: {
      EVENT_UNKNOWN: 'There is no event "{{name}}" to subscribe to. Check the name (for example: scans.progress, pages.changed).',
      EVENT_FORBIDDEN: 'Your account is not allowed to receive the event "{{name}}".',
    },
  },
};
