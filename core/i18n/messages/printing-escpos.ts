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
        'Không kết nối được máy in {{printer}} ({{detail}}). Hãy kiểm tra máy in đã bật và dây mạng/USB đã cắm; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_OFFLINE: 'Máy in {{printer}} đang ngừng hoạt động (offline). Hãy bật máy in hoặc nhấn nút sẵn sàng trên máy; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_COVER_OPEN: 'Nắp máy in {{printer}} đang mở. Hãy đóng nắp máy in; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_PAPER_OUT: 'Máy in {{printer}} hết giấy. Hãy thay cuộn giấy; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_ERROR:
        'Máy in {{printer}} báo lỗi (kẹt dao cắt hoặc quá nóng). Hãy tắt máy in, gỡ giấy kẹt rồi bật lại; phiếu sẽ tự in khi máy in sẵn sàng.',
      PRINTER_STATUS_GARBLED:
        'Máy in {{printer}} trả lời câu hỏi tình trạng bằng dữ liệu không đọc được ({{reply}}); chưa in gì. Hãy kiểm tra địa chỉ và cổng của máy in. Nếu máy in không theo chuẩn ESC/POS, hãy tắt mục "Hỏi tình trạng máy in" trong hồ sơ máy in (Cài đặt → Máy in).',
      PRINTER_NOT_CONFIRMED:
        'Đã gửi {{written}}/{{total}} byte tới máy in {{printer}} nhưng máy in không xác nhận đã in xong ({{detail}}). Hãy xem phiếu ở máy in: nếu đã ra đầy đủ, chọn "Đã in đầy đủ"; nếu chưa ra hoặc bị thiếu, chọn "Chưa in / in hỏng — in lại".',
      PRINTER_INTERRUPTED_OFFLINE:
        'Máy in {{printer}} ngừng hoạt động khi đang in ({{written}}/{{total}} byte đã gửi): phiếu có thể chỉ in được một phần. Hãy bật lại máy in, xem phiếu rồi chọn "Đã in đầy đủ" hoặc "Chưa in / in hỏng — in lại".',
      PRINTER_INTERRUPTED_COVER_OPEN:
        'Nắp máy in {{printer}} bị mở khi đang in ({{written}}/{{total}} byte đã gửi): phiếu có thể chỉ in được một phần. Hãy đóng nắp, xem phiếu rồi chọn "Đã in đầy đủ" hoặc "Chưa in / in hỏng — in lại".',
      PRINTER_INTERRUPTED_PAPER_OUT:
        'Máy in {{printer}} hết giấy khi đang in ({{written}}/{{total}} byte đã gửi): phiếu có thể chỉ in được một phần. Hãy thay cuộn giấy, xem phiếu rồi chọn "Đã in đầy đủ" hoặc "Chưa in / in hỏng — in lại".',
      PRINTER_INTERRUPTED_ERROR:
        'Máy in {{printer}} báo lỗi khi đang in ({{written}}/{{total}} byte đã gửi): phiếu có thể chỉ in được một phần. Hãy tắt máy in, gỡ giấy kẹt, bật lại, xem phiếu rồi chọn "Đã in đầy đủ" hoặc "Chưa in / in hỏng — in lại".',
      PRINTER_NOT_FOUND:
        'Không tìm thấy máy in {{printer}} ({{detail}}). Hãy kiểm tra tên máy in hoặc thư mục trong Cài đặt → Máy in; phiếu vẫn chờ trong hàng đợi in.',
      PRINTER_DISABLED:
        'Máy in {{printer}} đang tạm dừng hoặc không nhận lệnh in ({{detail}}). Hãy bật lại máy in trong hệ điều hành (hoặc cấp quyền ghi thư mục); phiếu sẽ tự in khi máy in sẵn sàng.',
    },
  },
  en: {
    errors: {
      PRINTER_UNREACHABLE: 'Cannot connect to printer {{printer}} ({{detail}}). Check that it is on and its network/USB cable is plugged in; the job prints by itself once the printer is ready.',
      PRINTER_OFFLINE: 'Printer {{printer}} is offline. Switch it on or press its online button; the job prints by itself once the printer is ready.',
      PRINTER_COVER_OPEN: 'The cover of printer {{printer}} is open. Close it; the job prints by itself once the printer is ready.',
      PRINTER_PAPER_OUT: 'Printer {{printer}} is out of paper. Put in a new roll; the job prints by itself once the printer is ready.',
      PRINTER_ERROR: 'Printer {{printer}} reports an error (cutter jam or overheating). Switch it off, clear the paper, switch it on; the job prints by itself once the printer is ready.',
      PRINTER_STATUS_GARBLED:
        'Printer {{printer}} answered the status query with data that is not a status ({{reply}}); nothing was printed. Check the printer address and port. If the printer is not ESC/POS-compliant, turn off "Ask the printer its status" in its printer profile (Settings → Printers).',
      PRINTER_NOT_CONFIRMED:
        '{{written}}/{{total}} bytes were sent to printer {{printer}} but it did not confirm that the job printed ({{detail}}). Look at the paper: if the job came out whole, choose "Printed completely"; if not, or only part of it, choose "Not printed / spoiled — print again".',
      PRINTER_INTERRUPTED_OFFLINE:
        'Printer {{printer}} went offline while printing ({{written}}/{{total}} bytes sent): the job may be only partly printed. Bring it back online, look at the paper, then choose "Printed completely" or "Not printed / spoiled — print again".',
      PRINTER_INTERRUPTED_COVER_OPEN:
        'The cover of printer {{printer}} was opened while printing ({{written}}/{{total}} bytes sent): the job may be only partly printed. Close it, look at the paper, then choose "Printed completely" or "Not printed / spoiled — print again".',
      PRINTER_INTERRUPTED_PAPER_OUT:
        'Printer {{printer}} ran out of paper while printing ({{written}}/{{total}} bytes sent): the job may be only partly printed. Put in a new roll, look at the paper, then choose "Printed completely" or "Not printed / spoiled — print again".',
      PRINTER_INTERRUPTED_ERROR:
        'Printer {{printer}} reported an error while printing ({{written}}/{{total}} bytes sent): the job may be only partly printed. Switch it off, clear the paper, switch it on, look at the paper, then choose "Printed completely" or "Not printed / spoiled — print again".',
      PRINTER_NOT_FOUND: 'Printer {{printer}} was not found ({{detail}}). Check the printer name or folder in Settings → Printers; the job stays in the print queue.',
      PRINTER_DISABLED: 'Printer {{printer}} is paused or not accepting jobs ({{detail}}). Resume it in the operating system (or allow writing to the folder); the job prints by itself once the printer is ready.',
    },
  },
};
