import type { Messages } from '../types';

/** Issue #18: pairing kiosks and boards, HTTPS in LAN mode. Vietnamese first, English beside it. */
export const queueDevices: Messages = {
  vi: {
    errors: {
      PAIRING_CODE_UNKNOWN:
        'Mã ghép nối không đúng hoặc đã hết hạn: xem lại mã 6 chữ số đang hiện trên màn hình của thiết bị (ki-ốt hoặc bảng hiển thị); nếu mã đã hết hạn, thiết bị sẽ hiện mã mới.',
      PAIRING_EXPIRED: 'Mã ghép nối đã hết hạn (mỗi mã dùng được 10 phút): thiết bị sẽ hiện mã mới, nhờ quản trị viên ghép nối lại với mã đó.',
      PAIRING_DEVICE_REVOKED: 'Thiết bị này chưa được ghép nối hoặc đã bị thu hồi quyền: nhờ quản trị viên ghép nối lại với mã đang hiện trên màn hình.',
      PAIRING_TOO_MANY: 'Thiết bị này xin mã ghép nối quá nhiều lần trong một phút: chờ {{seconds}} giây rồi thử lại.',
      PAIRING_DEVICE_NOT_FOUND: 'Không có thiết bị đã ghép nối nào mang mã "{{id}}": xem danh sách thiết bị (motcua pairing list) để lấy đúng mã.',
      PAIRING_PRINTER_NOT_FOR_BOARD: 'Chỉ ki-ốt lấy số mới có máy in phiếu riêng; bảng hiển thị không in: bỏ trống ô máy in.',
      WEB_TLS_INCOMPLETE:
        'Để chạy HTTPS cần đặt cả hai biến MOTCUA_WEB_TLS_CERT (tệp chứng chỉ PEM) và MOTCUA_WEB_TLS_KEY (tệp khoá riêng PEM); hiện mới có {{given}}. Đặt đủ cả hai, hoặc bỏ cả hai để chạy HTTP.',
      WEB_TLS_UNREADABLE: 'Không đọc được tệp $t(webTls.{{which}}) "{{file}}" ({{reason}}): kiểm tra đường dẫn trong {{variable}} và quyền đọc tệp.',
      WEB_TLS_INVALID: 'Tệp $t(webTls.{{which}}) "{{file}}" không phải $t(webTls.{{which}}) dạng PEM hợp lệ ({{reason}}): dùng tệp .pem/.crt/.key bắt đầu bằng "-----BEGIN".',
      WEB_TLS_MISMATCH: 'Khoá riêng "{{key}}" không khớp với chứng chỉ "{{cert}}": dùng đúng cặp chứng chỉ và khoá được cấp cùng nhau.',
    },
    webTls: {
      certificate: 'chứng chỉ',
      privateKey: 'khoá riêng',
      refused: 'Chế độ web không khởi động (không chạy HTTP thay cho HTTPS).',
    },
    devicesCli: {
      paired: 'Đã ghép nối {{kind}} "{{name}}" (mã thiết bị {{id}}).',
      revoked: 'Đã thu hồi quyền của {{kind}} "{{name}}" (mã thiết bị {{id}}); thiết bị bị ngắt ngay.',
      none: 'Chưa có thiết bị nào được ghép nối.',
      kinds: { kiosk: 'ki-ốt', board: 'bảng hiển thị' },
      states: { active: 'đang dùng', revoked: 'đã thu hồi' },
    },
  },
  en: {
    errors: {
      PAIRING_CODE_UNKNOWN:
        'The pairing code is wrong or has expired: check the 6-digit code shown on the device (kiosk or display board); if it expired, the device shows a new one.',
      PAIRING_EXPIRED: 'The pairing code has expired (each code lasts 10 minutes): the device shows a new one; ask an admin to pair it with that code.',
      PAIRING_DEVICE_REVOKED: 'This device is not paired or has been revoked: ask an admin to pair it again with the code shown on its screen.',
      PAIRING_TOO_MANY: 'This device asked for pairing codes too often in one minute: wait {{seconds}} seconds and try again.',
      PAIRING_DEVICE_NOT_FOUND: 'No paired device has the id "{{id}}": see the device list (motcua pairing list) for the right id.',
      PAIRING_PRINTER_NOT_FOR_BOARD: 'Only a ticket kiosk has its own ticket printer; a display board does not print: leave the printer empty.',
      WEB_TLS_INCOMPLETE:
        'HTTPS needs both MOTCUA_WEB_TLS_CERT (the PEM certificate file) and MOTCUA_WEB_TLS_KEY (the PEM private key file); only {{given}} is set. Set both, or neither to serve HTTP.',
      WEB_TLS_UNREADABLE: 'Cannot read the $t(webTls.{{which}}) file "{{file}}" ({{reason}}): check the path in {{variable}} and that the file is readable.',
      WEB_TLS_INVALID: 'The $t(webTls.{{which}}) file "{{file}}" is not a valid PEM $t(webTls.{{which}}) ({{reason}}): use a .pem/.crt/.key file starting with "-----BEGIN".',
      WEB_TLS_MISMATCH: 'The private key "{{key}}" does not match the certificate "{{cert}}": use the certificate and key that were issued together.',
    },
    webTls: {
      certificate: 'certificate',
      privateKey: 'private key',
      refused: 'Web mode did not start (it never serves HTTP in place of HTTPS).',
    },
    devicesCli: {
      paired: 'Paired the {{kind}} "{{name}}" (device id {{id}}).',
      revoked: 'Revoked the {{kind}} "{{name}}" (device id {{id}}); it is cut off at once.',
      none: 'No device is paired yet.',
      kinds: { kiosk: 'kiosk', board: 'display board' },
      states: { active: 'active', revoked: 'revoked' },
    },
  },
};
