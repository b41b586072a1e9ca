import type { Messages } from '../types';

/**
 * Document scanners (SANE, eSCL, folder; WIA/TWAIN later): device errors say what the clerk does next, and that
 * the pages already received are kept. `{{detail}}` is the device's own wording, for support.
 */
export const scan: Messages = {
  vi: {
    errors: {
      SCAN_JAMMED: 'Kẹt giấy trong khay nạp: mở nắp, gỡ tờ giấy bị kẹt rồi bấm Tiếp tục. Các trang đã quét trước đó vẫn được giữ. ({{detail}})',
      SCAN_FEEDER_EMPTY: 'Khay nạp giấy không có giấy: đặt tài liệu vào khay (mặt cần quét theo hướng dẫn trên máy) rồi quét lại. ({{detail}})',
      SCAN_COVER_OPEN: 'Nắp máy quét hoặc nắp khay nạp đang mở: đóng nắp lại rồi bấm Tiếp tục. Các trang đã quét trước đó vẫn được giữ. ({{detail}})',
      SCAN_BUSY: 'Máy quét đang bận (đang quét cho máy khác hoặc đang khởi động): chờ một lát rồi quét lại. ({{detail}})',
      SCAN_DEVICE_GONE:
        'Mất kết nối với máy quét: kiểm tra nguồn điện, cáp USB hoặc cáp mạng của máy quét rồi quét tiếp. Các trang đã quét trước đó vẫn được giữ. ({{detail}})',
      SCAN_FAILED: 'Máy quét báo lỗi nên không quét tiếp được: kiểm tra máy quét rồi quét lại; nếu vẫn lỗi, báo quản trị kèm mã lỗi này. Các trang đã quét trước đó vẫn được giữ. ({{detail}})',
      SCAN_CANCELLED: 'Đã dừng quét theo yêu cầu. Các trang đã quét trước đó vẫn được giữ.',
      SCAN_BAD_DEVICE_URI:
        'Địa chỉ máy quét "{{uri}}" không hợp lệ ({{reason}}). Dùng một trong các dạng: sane:<tên thiết bị>, escl:http://máy:cổng/eSCL, folder:<thư mục>, wia:<mã>, twain:<tên>.',
      SCAN_BACKEND_UNAVAILABLE: 'Máy này không dùng được loại máy quét {{backend}} ({{detail}}). Hãy chọn máy quét khác hoặc báo quản trị cài đặt phần mềm điều khiển máy quét.',
      SCAN_UNSUPPORTED_SETTING: 'Máy quét không hỗ trợ lựa chọn {{setting}} = "{{value}}". Các giá trị máy quét này có: {{offered}}. Hãy chọn lại rồi quét.',
      SCAN_FOLDER_NOT_ENABLED: 'Thư mục "{{dir}}" chưa được bật làm máy quét thư mục. Quản trị bật nó trong Cài đặt → Thiết bị → Máy quét thư mục, rồi quét lại.',
      SETTINGS_BAD_ESCL_URLS:
        'Địa chỉ máy quét eSCL "{{url}}" không hợp lệ: phải bắt đầu bằng http:// hoặc https:// và kết thúc bằng /eSCL, ví dụ http://192.168.1.20:8080/eSCL (tối đa {{max}} địa chỉ). Hãy sửa lại rồi lưu.',
      SETTINGS_BAD_SCAN_FOLDER: 'Thư mục máy quét phải là đường dẫn đầy đủ trên máy này (ví dụ /srv/scan hoặc D:\\Scan), một dòng, tối đa {{max}} ký tự. Hãy sửa lại rồi lưu.',
      SETTINGS_TOO_MANY_SCAN_PROFILES: 'Quầy này đã lưu cấu hình quét cho {{max}} thủ tục, không lưu thêm được. Hãy xoá cấu hình của thủ tục không còn dùng rồi lưu lại.',
    },
    scanner: {
      cli: {
        page: 'Trang {{n}}: {{file}} ({{width}}×{{height}} điểm ảnh, {{dpi}} dpi)',
        completed: 'Đã quét xong {{count}} trang vào {{dir}}.',
        stopped: 'Máy quét dừng sau {{count}} trang (đã lưu trong {{dir}}).',
        noDevices: 'Không tìm thấy máy quét nào.',
      },
      origin: { listed: 'máy này liệt kê', discovered: 'tìm thấy trên mạng', configured: 'đã cấu hình' },
    },
  },
  en: {
    errors: {
      SCAN_JAMMED: 'Paper jam in the document feeder: open the cover, remove the jammed sheet, then press Continue. The pages scanned before it are kept. ({{detail}})',
      SCAN_FEEDER_EMPTY: 'The document feeder is empty: put the documents in the feeder, then scan again. ({{detail}})',
      SCAN_COVER_OPEN: 'The scanner cover or the feeder cover is open: close it, then press Continue. The pages scanned before it are kept. ({{detail}})',
      SCAN_BUSY: 'The scanner is busy (scanning for someone else or warming up): wait a moment, then scan again. ({{detail}})',
      SCAN_DEVICE_GONE: 'Lost the connection to the scanner: check its power, USB or network cable, then continue. The pages scanned before it are kept. ({{detail}})',
      SCAN_FAILED: 'The scanner reported an error and cannot go on: check the scanner and scan again; if it persists, tell your administrator this code. The pages scanned before it are kept. ({{detail}})',
      SCAN_CANCELLED: 'Scanning stopped as asked. The pages scanned before it are kept.',
      SCAN_BAD_DEVICE_URI: 'The scanner address "{{uri}}" is not valid ({{reason}}). Use sane:<device name>, escl:http://host:port/eSCL, folder:<dir>, wia:<id> or twain:<name>.',
      SCAN_BACKEND_UNAVAILABLE: 'This computer cannot use {{backend}} scanners ({{detail}}). Choose another scanner or ask your administrator to install the scanner software.',
      SCAN_UNSUPPORTED_SETTING: 'The scanner does not offer {{setting}} = "{{value}}". It offers: {{offered}}. Choose again, then scan.',
      SCAN_FOLDER_NOT_ENABLED: 'The folder "{{dir}}" is not enabled as a folder scanner. An administrator enables it in Settings → Devices → Folder scanner; then scan again.',
      SETTINGS_BAD_ESCL_URLS: 'The eSCL scanner address "{{url}}" is not valid: it must start with http:// or https:// and end with /eSCL, e.g. http://192.168.1.20:8080/eSCL (at most {{max}} addresses). Correct it and save again.',
      SETTINGS_BAD_SCAN_FOLDER: 'The scanner folder must be a full path on this computer (e.g. /srv/scan or D:\\Scan), one line, at most {{max}} characters. Correct it and save again.',
      SETTINGS_TOO_MANY_SCAN_PROFILES: 'This counter already keeps scan profiles for {{max}} procedures. Remove the profile of a procedure no longer used, then save again.',
    },
    scanner: {
      cli: {
        page: 'Page {{n}}: {{file}} ({{width}}×{{height}} px, {{dpi}} dpi)',
        completed: 'Scanned {{count}} pages into {{dir}}.',
        stopped: 'The scanner stopped after {{count}} pages (saved in {{dir}}).',
        noDevices: 'No scanners found.',
      },
      origin: { listed: 'listed by this computer', discovered: 'found on the network', configured: 'configured' },
    },
  },
};
