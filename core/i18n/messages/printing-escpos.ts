import type { Messages } from '../types';

/**
 * Issue #16: ESC/POS printer status and delivery outcomes (core/services/printing/delivery.ts). Vietnamese first,
 * English beside it. Each text says what the clerk should do. 'unavailable' codes: nothing was printed, the job
 * waits and prints by itself once the printer is ready. PRINTER_NOT_CONFIRMED and PRINTER_INTERRUPTED_*: the job
 * may have printed (wholly or in part): the clerk looks at the paper and answers.
 */
export const printingEscpos: Messages = {
  vi: {
    errors: {
      PRINTER_UNREACHABLE:
        'Không kết nối được máy in {{printer}} ($t(printingReasons.{{reason}})). Hãy kiểm tra máy in đã bật và dây mạng/USB đã cắm; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_OFFLINE: 'Máy in {{printer}} đang ngừng hoạt động (offline). Hãy bật máy in hoặc nhấn nút sẵn sàng trên máy; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_COVER_OPEN: 'Nắp máy in {{printer}} đang mở. Hãy đóng nắp máy in; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_PAPER_OUT: 'Máy in {{printer}} hết giấy. Hãy thay cuộn giấy; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_ERROR:
        'Máy in {{printer}} báo lỗi (kẹt dao cắt hoặc quá nóng). Hãy tắt máy in, gỡ giấy kẹt rồi bật lại; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_STATUS_GARBLED:
        'Máy in {{printer}} trả lời câu hỏi tình trạng bằng dữ liệu không đọc được ({{reply}}); chưa in gì. Hãy kiểm tra địa chỉ và cổng của máy in. Nếu máy in không theo chuẩn ESC/POS, hãy tắt mục "Hỏi tình trạng máy in" trong hồ sơ máy in (Cài đặt → Máy in).',
      PRINTER_NO_STATUS_REPLY:
        'Máy in {{printer}} không trả lời câu hỏi tình trạng nên chưa biết máy in có sẵn sàng không; chưa gửi gì tới máy in. Phiếu chờ trong hàng đợi và sẽ được gửi lại. Nếu máy in đang bận với một máy khác, hãy chờ; nếu mẫu máy in này không hỗ trợ hỏi tình trạng, quản trị viên có thể tắt kiểm tra trạng thái (mục "Hỏi tình trạng máy in") trong hồ sơ máy in (Cài đặt → Máy in).',
      PRINTER_NOT_CONFIRMED:
        'Đã gửi {{written}}/{{total}} byte tới máy in {{printer}} nhưng máy in không xác nhận đã in xong ($t(printingReasons.{{reason}})). Hãy xem phiếu ở máy in: nếu đã ra đầy đủ, chọn "Đã in đầy đủ"; nếu chưa ra hoặc bị thiếu, chọn "Chưa in / in hỏng — in lại".',
      PRINTER_INTERRUPTED_OFFLINE:
        'Máy in {{printer}} ngừng hoạt động khi đang in ({{written}}/{{total}} byte đã gửi): phiếu có thể chỉ in được một phần. Hãy bật lại máy in, xem phiếu rồi chọn "Đã in đầy đủ" hoặc "Chưa in / in hỏng — in lại".',
      PRINTER_INTERRUPTED_COVER_OPEN:
        'Nắp máy in {{printer}} bị mở khi đang in ({{written}}/{{total}} byte đã gửi): phiếu có thể chỉ in được một phần. Hãy đóng nắp, xem phiếu rồi chọn "Đã in đầy đủ" hoặc "Chưa in / in hỏng — in lại".',
      PRINTER_INTERRUPTED_PAPER_OUT:
        'Máy in {{printer}} hết giấy khi đang in ({{written}}/{{total}} byte đã gửi): phiếu có thể chỉ in được một phần. Hãy thay cuộn giấy, xem phiếu rồi chọn "Đã in đầy đủ" hoặc "Chưa in / in hỏng — in lại".',
      PRINTER_INTERRUPTED_ERROR:
        'Máy in {{printer}} báo lỗi khi đang in ({{written}}/{{total}} byte đã gửi): phiếu có thể chỉ in được một phần. Hãy tắt máy in, gỡ giấy kẹt, bật lại, xem phiếu rồi chọn "Đã in đầy đủ" hoặc "Chưa in / in hỏng — in lại".',
      PRINTER_NOT_FOUND:
        'Không tìm thấy máy in {{printer}} ($t(printingReasons.{{reason}})). Hãy kiểm tra tên máy in hoặc thư mục trong Cài đặt → Máy in; phiếu vẫn chờ trong hàng đợi in.',
      PRINTER_DISABLED:
        'Máy in {{printer}} đang tạm dừng hoặc không nhận lệnh in ($t(printingReasons.{{reason}})). Hãy bật lại máy in trong hệ điều hành (hoặc cấp quyền ghi thư mục); phiếu sẽ tự in khi máy in sẵn sàng.',
    },
    /** Why a delivery failed, chosen by the `reason` param ($t nesting in the errors above). */
    printingReasons: {
      link_unreachable: 'không kết nối được',
      link_unreachable_code: 'không kết nối được (mã lỗi hệ thống: {{detail}})',
      link_timeout: 'máy in không nhận dữ liệu trong thời gian chờ (hết giấy, mở nắp hoặc ngừng hoạt động)',
      link_timeout_code: 'máy in không nhận dữ liệu trong thời gian chờ (hết giấy, mở nắp hoặc ngừng hoạt động) (mã lỗi hệ thống: {{detail}})',
      link_closed: 'máy in đã ngắt kết nối',
      link_closed_code: 'máy in đã ngắt kết nối (mã lỗi hệ thống: {{detail}})',
      link_io: 'lỗi đường truyền tới máy in',
      link_io_code: 'lỗi đường truyền tới máy in (mã lỗi hệ thống: {{detail}})',
      link_busy: 'máy in đang bận với một kết nối khác',
      link_busy_code: 'máy in đang bận với một kết nối khác (mã lỗi hệ thống: {{detail}})',
      link_not_found: 'không tìm thấy thiết bị, hàng đợi in hoặc thư mục',
      link_not_found_code: 'không tìm thấy thiết bị, hàng đợi in hoặc thư mục (mã lỗi hệ thống: {{detail}})',
      link_unsupported: 'cách kết nối này không dùng được trên máy tính này',
      link_unsupported_code: 'cách kết nối này không dùng được trên máy tính này (mã lỗi hệ thống: {{detail}})',
      no_status: 'máy in không trả lời câu hỏi tình trạng',
      no_process_id: 'máy in không gửi lại mã xác nhận lệnh in',
      no_status_after: 'máy in không trả lời câu hỏi tình trạng sau khi nhận phiếu',
      status_after: 'tình trạng máy in sau khi nhận phiếu',
      status_garbled: 'máy in trả lời câu hỏi tình trạng bằng dữ liệu không đọc được: {{detail}}',
      hand_over_timeout: 'quá thời gian chờ giao lệnh in cho máy in',
      folder_missing: 'thư mục chưa có',
      parent_missing: 'thư mục chứa nó không tồn tại; phần mềm chỉ tạo thư mục cuối cùng',
      not_a_folder: 'đường dẫn này không phải là thư mục',
      not_writable: 'không có quyền ghi vào thư mục',
      no_queue: 'hệ điều hành không có máy in mang tên này',
      paused: 'máy in đang tạm dừng trong hệ điều hành',
      rejecting: 'máy in đang từ chối lệnh in',
      paused_rejecting: 'máy in đang tạm dừng và từ chối lệnh in',
      lpstat_missing: 'chưa cài chương trình in của hệ điều hành (CUPS)',
      lpstat_timeout: 'dịch vụ in của hệ điều hành (CUPS) không trả lời',
      scheduler_down: 'dịch vụ in của hệ điều hành (CUPS) chưa chạy hoặc không kết nối được',
      windows_unlisted: 'không lấy được danh sách máy in của Windows',
      no_windows_printer: 'Windows không có máy in mang tên này',
      state_not_found: 'không tìm thấy',
      state_disabled: 'không nhận lệnh in',
      state_unreachable: 'không liên lạc được',
    },
  },
  en: {
    errors: {
      PRINTER_UNREACHABLE: 'Cannot connect to printer {{printer}} ($t(printingReasons.{{reason}})). Check that it is on and its network/USB cable is plugged in; the job prints by itself once the printer is ready.',
      PRINTER_OFFLINE: 'Printer {{printer}} is offline. Switch it on or press its online button; the job prints by itself once the printer is ready.',
      PRINTER_COVER_OPEN: 'The cover of printer {{printer}} is open. Close it; the job prints by itself once the printer is ready.',
      PRINTER_PAPER_OUT: 'Printer {{printer}} is out of paper. Put in a new roll; the job prints by itself once the printer is ready.',
      PRINTER_ERROR: 'Printer {{printer}} reports an error (cutter jam or overheating). Switch it off, clear the paper, switch it on; the job prints by itself once the printer is ready.',
      PRINTER_STATUS_GARBLED:
        'Printer {{printer}} answered the status query with data that is not a status ({{reply}}); nothing was printed. Check the printer address and port. If the printer is not ESC/POS-compliant, turn off "Ask the printer its status" in its printer profile (Settings → Printers).',
      PRINTER_NO_STATUS_REPLY:
        'Printer {{printer}} did not answer the status query, so whether it is ready is unknown; nothing was sent to it. The job waits in the queue and is sent again. If the printer is busy with another computer, wait; if this printer model does not support status queries, an administrator can turn off the status check ("Ask the printer its status") in the printer profile (Settings → Printers).',
      PRINTER_NOT_CONFIRMED:
        '{{written}}/{{total}} bytes were sent to printer {{printer}} but it did not confirm that the job printed ($t(printingReasons.{{reason}})). Look at the paper: if the job came out whole, choose "Printed completely"; if not, or only part of it, choose "Not printed / spoiled — print again".',
      PRINTER_INTERRUPTED_OFFLINE:
        'Printer {{printer}} went offline while printing ({{written}}/{{total}} bytes sent): the job may be only partly printed. Bring it back online, look at the paper, then choose "Printed completely" or "Not printed / spoiled — print again".',
      PRINTER_INTERRUPTED_COVER_OPEN:
        'The cover of printer {{printer}} was opened while printing ({{written}}/{{total}} bytes sent): the job may be only partly printed. Close it, look at the paper, then choose "Printed completely" or "Not printed / spoiled — print again".',
      PRINTER_INTERRUPTED_PAPER_OUT:
        'Printer {{printer}} ran out of paper while printing ({{written}}/{{total}} bytes sent): the job may be only partly printed. Put in a new roll, look at the paper, then choose "Printed completely" or "Not printed / spoiled — print again".',
      PRINTER_INTERRUPTED_ERROR:
        'Printer {{printer}} reported an error while printing ({{written}}/{{total}} bytes sent): the job may be only partly printed. Switch it off, clear the paper, switch it on, look at the paper, then choose "Printed completely" or "Not printed / spoiled — print again".',
      PRINTER_NOT_FOUND: 'Printer {{printer}} was not found ($t(printingReasons.{{reason}})). Check the printer name or folder in Settings → Printers; the job stays in the print queue.',
      PRINTER_DISABLED: 'Printer {{printer}} is paused or not accepting jobs ($t(printingReasons.{{reason}})). Resume it in the operating system (or allow writing to the folder); the job prints by itself once the printer is ready.',
    },
    printingReasons: {
      link_unreachable: 'cannot connect',
      link_unreachable_code: 'cannot connect (system error code: {{detail}})',
      link_timeout: 'the printer took no data in time (paper out, cover open or offline)',
      link_timeout_code: 'the printer took no data in time (paper out, cover open or offline) (system error code: {{detail}})',
      link_closed: 'the printer closed the connection',
      link_closed_code: 'the printer closed the connection (system error code: {{detail}})',
      link_io: 'a transmission error on the printer link',
      link_io_code: 'a transmission error on the printer link (system error code: {{detail}})',
      link_busy: 'the printer is busy with another connection',
      link_busy_code: 'the printer is busy with another connection (system error code: {{detail}})',
      link_not_found: 'no such device, print queue or folder',
      link_not_found_code: 'no such device, print queue or folder (system error code: {{detail}})',
      link_unsupported: 'this kind of link does not work on this computer',
      link_unsupported_code: 'this kind of link does not work on this computer (system error code: {{detail}})',
      no_status: 'the printer does not answer status queries',
      no_process_id: 'the printer sent no job confirmation',
      no_status_after: 'no status reply after the job',
      status_after: 'the printer status after the job',
      status_garbled: 'the status reply could not be read: {{detail}}',
      hand_over_timeout: 'handing the job over took too long',
      folder_missing: 'the folder does not exist yet',
      parent_missing: 'its parent folder does not exist; only the last folder is created',
      not_a_folder: 'this path is not a folder',
      not_writable: 'the folder cannot be written to',
      no_queue: 'the system has no printer by this name',
      paused: 'the printer is paused in the system',
      rejecting: 'the printer is rejecting jobs',
      paused_rejecting: 'the printer is paused and rejecting jobs',
      lpstat_missing: 'the system printing client (CUPS) is not installed',
      lpstat_timeout: 'the system printing service (CUPS) did not answer',
      scheduler_down: 'the system printing service (CUPS) is not running or cannot be reached',
      windows_unlisted: 'the Windows printers cannot be listed',
      no_windows_printer: 'Windows has no printer by this name',
      state_not_found: 'not found',
      state_disabled: 'not accepting jobs',
      state_unreachable: 'cannot be reached',
    },
  },
};
