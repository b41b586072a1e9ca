import type { Messages } from '../types';

/** Issue #16: the print queue, ESC/POS status, the clerk's questions. Vietnamese first, English beside it. */
export const printingQueue: Messages = {
  vi: {
    errors: {
      PRINT_BAD_URI: 'Địa chỉ máy in "{{uri}}" không đúng dạng ({{detail}}). Dạng đúng: escpos+tcp://máy:9100, escpos+usb://VID:PID, escpos+serial:///dev/ttyUSB0?baud=19200, system:<tên máy in>, pdf:<thư mục>.',
      PRINT_BAD_PDF: 'Tệp in không phải PDF đọc được ({{detail}}). Hãy chọn lại tệp PDF.',
      PRINT_JOB_NOT_FOUND: 'Không tìm thấy lệnh in "{{jobId}}".',
      PRINT_JOB_STATE: 'Lệnh in này đang ở trạng thái "{{state}}" nên không làm được việc này.',
      PRINT_NOT_FOR_PRINTER: 'Máy in {{uri}} không in được loại này ({{detail}}).',
      PRINT_NO_PRINTER: 'Quầy chưa chọn máy in cho việc này. Hãy vào Cài đặt → Máy in để chọn.',
    },
  },
  en: {
    errors: {
      PRINT_BAD_URI: 'Printer address "{{uri}}" is not valid ({{detail}}). Valid forms: escpos+tcp://host:9100, escpos+usb://VID:PID, escpos+serial:///dev/ttyUSB0?baud=19200, system:<printer name>, pdf:<folder>.',
      PRINT_BAD_PDF: 'The file to print is not a readable PDF ({{detail}}). Choose the PDF again.',
      PRINT_JOB_NOT_FOUND: 'Print job "{{jobId}}" was not found.',
      PRINT_JOB_STATE: 'This print job is "{{state}}", so this cannot be done.',
      PRINT_NOT_FOR_PRINTER: 'Printer {{uri}} cannot print this ({{detail}}).',
      PRINT_NO_PRINTER: 'No printer is chosen at this counter for this. Choose one in Settings → Printers.',
    },
  },
};
