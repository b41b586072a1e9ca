import type { Messages } from '../types';

/** Issue #17: the sync client's transport (central HTTP calls, uploads, enrolment, code blocks). Vietnamese first, English beside it. */
export const syncTransport: Messages = {
  vi: {
    errors: {
      SETTINGS_SYNC_BAD_RATE: 'Giới hạn tốc độ gửi phải là số nguyên dương (byte mỗi giây), hoặc để trống để không giới hạn.',
      SYNC_NETWORK: 'Không kết nối được hệ thống Một cửa trung tâm (mạng hoặc máy chủ không trả lời). Quầy giữ nguyên dữ liệu và sẽ gửi lại.',
      SYNC_TIMEOUT: 'Hệ thống trung tâm không trả lời kịp sau khi đã nhận yêu cầu. Quầy sẽ hỏi lại trung tâm trước khi gửi lại, nên không có hồ sơ nào bị gửi hai lần.',
      SYNC_SERVER_ERROR: 'Hệ thống trung tâm đang gặp lỗi (lỗi máy chủ). Quầy giữ nguyên dữ liệu và sẽ gửi lại sau.',
      SYNC_BAD_REPLY: 'Hệ thống trung tâm trả lời không đúng định dạng (trả lời hỏng, quá lớn hoặc không kết thúc). Quầy không coi là đã gửi và sẽ thử lại.',
      SYNC_REJECTED_UNKNOWN: 'Hệ thống trung tâm từ chối yêu cầu (mã HTTP {{status}}) mà không nêu lý do. Hãy kiểm tra địa chỉ hệ thống trung tâm đã đăng ký.',
      SYNC_CREDENTIALS_PERMISSIONS:
        'Tệp thông tin đăng ký đồng bộ ("{{path}}") đang để người khác đọc được (quyền {{mode}}) hoặc không thuộc tài khoản đang chạy phần mềm. Hãy đặt quyền chỉ chủ sở hữu được dùng (thư mục 700, tệp 600) rồi thử lại; nếu nghi mã thiết bị đã lộ, hãy đăng ký lại quầy.',
      SYNC_CENTRAL_BAD_URL: 'Địa chỉ hệ thống trung tâm "{{url}}" không hợp lệ ($t(syncTransport.badUrlReasons.{{reason}})): cần dạng http(s)://máy[:cổng][/đường-dẫn], không kèm tên đăng nhập hay mật khẩu.',
      SYNC_CENTRAL_UNREACHABLE: 'Không kết nối được hệ thống trung tâm tại {{central}} ({{detail}}). Kiểm tra địa chỉ và mạng rồi thử lại.',
      SYNC_ENROL_TOKEN_INVALID: 'Mã đăng ký một lần không đúng. Hãy kiểm tra lại mã, hoặc xin mã mới từ quản trị hệ thống trung tâm.',
      SYNC_ENROL_TOKEN_USED:
        'Mã đăng ký một lần này đã được dùng. Nếu lần đăng ký trước bị mất kết nối giữa chừng, mã đã bị dùng hết: hãy xin mã mới từ quản trị hệ thống trung tâm.',
      SYNC_ENROL_TOKEN_EXPIRED: 'Mã đăng ký một lần đã hết hạn. Hãy xin mã mới từ quản trị hệ thống trung tâm.',
      SYNC_ENROL_REJECTED: 'Hệ thống trung tâm từ chối đăng ký quầy ({{code}}): {{reason}}',
      SYNC_ENROL_OTHER_COUNTER:
        'Mã đăng ký này dành cho một quầy khác, trong khi máy này đang là quầy {{current}}. Các hồ sơ đã gửi lên hệ thống trung tâm vẫn thuộc mã quầy cũ {{current}}. Nếu thật sự muốn máy này thành quầy khác, hãy đăng ký lại có --force (mã đăng ký chưa bị dùng). Trung tâm báo: {{reason}}',
      SYNC_ENROL_BAD_COUNTER_ID: 'Hệ thống trung tâm cấp mã quầy "{{counterId}}" không hợp lệ (cần chữ cái đầu, 2–10 chữ hoa hoặc số). Hãy báo quản trị hệ thống trung tâm.',
      SYNC_UPLOAD_SOURCE_UNREADABLE: 'Không đọc được tệp "{{name}}" để gửi lên hệ thống trung tâm ({{reason}}).',
      SYNC_UPLOAD_SOURCE_CHANGED: 'Tệp "{{name}}" đã thay đổi kích thước (ghi nhận {{expected}} byte, hiện có {{actual}} byte) nên không gửi tiếp được.',
    },
    /** Why SYNC_CENTRAL_BAD_URL refused a URL (enrolment.ts validateCentralUrl). */
    syncTransport: {
      badUrlReasons: {
        malformed: 'không đọc được như một địa chỉ web',
        scheme: 'chỉ dùng http hoặc https',
        credentials: 'địa chỉ không được chứa tên đăng nhập hay mật khẩu',
        extra: 'địa chỉ không được có phần ?… hay #…',
      },
    },
  },
  en: {
    errors: {
      SETTINGS_SYNC_BAD_RATE: 'The upload cap must be a positive whole number (bytes per second), or empty for no cap.',
      SYNC_NETWORK: 'The central one-stop system cannot be reached (network down or server not answering). The counter keeps its data and will send again.',
      SYNC_TIMEOUT: 'The central system did not answer in time after receiving the request. The counter asks the central system before sending again, so nothing is sent twice.',
      SYNC_SERVER_ERROR: 'The central system has an error (server error). The counter keeps its data and will send again later.',
      SYNC_BAD_REPLY: 'The central system answered in a wrong form (broken, too large or endless reply). Nothing is counted as sent; the counter will try again.',
      SYNC_REJECTED_UNKNOWN: 'The central system refused the request (HTTP {{status}}) without a reason. Check the central URL this counter enrolled with.',
      SYNC_CREDENTIALS_PERMISSIONS:
        'The sync credentials file ("{{path}}") can be read by others (mode {{mode}}) or is not owned by the account running the software. Make it owner-only (folder 700, file 600) and try again; if the device token may have leaked, enrol the counter again.',
      SYNC_CENTRAL_BAD_URL: 'The central URL "{{url}}" is not valid ($t(syncTransport.badUrlReasons.{{reason}})): use http(s)://host[:port][/path], without a user name or password.',
      SYNC_CENTRAL_UNREACHABLE: 'The central system at {{central}} cannot be reached ({{detail}}). Check the URL and the network, then try again.',
      SYNC_ENROL_TOKEN_INVALID: 'The one-time enrolment token is not right. Check it, or ask the central system administrator for a new one.',
      SYNC_ENROL_TOKEN_USED:
        'This one-time enrolment token has already been used. If an earlier enrolment lost its connection half-way, the token is spent: ask the central system administrator for a new one.',
      SYNC_ENROL_TOKEN_EXPIRED: 'The one-time enrolment token has expired. Ask the central system administrator for a new one.',
      SYNC_ENROL_REJECTED: 'The central system refused to enrol this counter ({{code}}): {{reason}}',
      SYNC_ENROL_OTHER_COUNTER:
        'This enrolment token is for another counter, while this machine is counter {{current}}. Dossiers already sent to the central system stay under the old counter id {{current}}. To make this machine another counter on purpose, enrol again with --force (the token was not spent). The central says: {{reason}}',
      SYNC_ENROL_BAD_COUNTER_ID: 'The central system assigned the counter id "{{counterId}}", which is not valid (a letter first, 2–10 capital letters or digits). Tell the central system administrator.',
      SYNC_UPLOAD_SOURCE_UNREADABLE: 'The file "{{name}}" cannot be read to send it to the central system ({{reason}}).',
      SYNC_UPLOAD_SOURCE_CHANGED: 'The file "{{name}}" changed size (recorded {{expected}} bytes, now {{actual}} bytes), so it cannot be sent on.',
    },
    syncTransport: {
      badUrlReasons: {
        malformed: 'it cannot be read as a web address',
        scheme: 'only http or https',
        credentials: 'no user name or password in the address',
        extra: 'no ?… or #… part',
      },
    },
  },
};
