import type { Messages } from '../types';

/** Issue #17: the sync outbox, worker and CLI. Vietnamese first, English beside it. */
export const syncOutbox: Messages = {
  vi: {
    errors: {
      SYNC_NOT_ENROLLED: 'Quầy chưa đăng ký với hệ thống Một cửa trung tâm. Quản trị viên đăng ký trong Cài đặt → Đồng bộ, hoặc: motcua sync enrol --central <địa chỉ> --token <mã một lần>.',
    },
  },
  en: {
    errors: {
      SYNC_NOT_ENROLLED: 'This counter is not enrolled with the central one-stop system. An administrator enrols it in Settings → Sync, or: motcua sync enrol --central <URL> --token <one-time token>.',
    },
  },
};
