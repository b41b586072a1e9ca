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
      PRINT_SEND_FAILED: 'Không gửi được lệnh in tới máy in ({{detail}}).',
      PRINT_BAD_FOLDER: 'Máy in {{uri}} không dùng được: {{detail}}. Hãy chọn một thư mục có sẵn, hoặc một thư mục mới nằm trong thư mục có sẵn.',
      PRINT_WAITING_BEHIND: 'Lệnh in đang chờ sau lệnh in khác (số {{ahead}}) trên cùng máy in; ứng dụng ở quầy sẽ gửi khi lệnh in đó xong.',
    },
    /** Why a job's delivery is not known (delivery's reasons tree, printing-escpos.ts): the sender was stopped. */
    printingReasons: { process_stopped: 'phần mềm bị tắt giữa chừng khi đang gửi lệnh in; hãy xem giấy đã ra chưa' },
    printQueue: {
      titles: { ticket: 'Phiếu số {{number}}', form: '{{form}} — {{code}}', test: 'Trang in thử' },
      states: { queued: 'đang chờ in', sending: 'đang gửi', printed: 'đã in', uncertain: 'chưa rõ đã in chưa', cancelled: 'đã huỷ', failed: 'không in được' },
      pdf: {
        empty: 'tệp rỗng',
        noHeader: 'không có phần đầu %PDF- trong 1 KiB đầu tệp',
        damaged: 'tệp bị cắt cụt hoặc hỏng, không đọc được',
        noPages: 'không có trang nào',
        notBase64: 'dữ liệu không phải base64',
        tooLarge: 'lớn hơn {{maxMb}} MB',
      },
      folder: { notFolder: '"{{path}}" là một tệp, không phải thư mục', noParent: 'thư mục "{{path}}" không tồn tại' },
      notFor: { escpos: 'lệnh in này làm cho máy in nhiệt; hãy in lại cho máy in A4 này', pdf: 'máy in nhiệt không in tệp PDF, hãy chọn máy in A4', a4: 'máy in nhiệt không in khổ A4, hãy chọn khổ 80 mm hoặc máy in A4' },
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
      PRINT_SEND_FAILED: 'The job could not be sent to the printer ({{detail}}).',
      PRINT_BAD_FOLDER: 'Printer {{uri}} cannot be used: {{detail}}. Choose a folder that exists, or a new folder inside one that exists.',
      PRINT_WAITING_BEHIND: 'The job waits behind another print job (number {{ahead}}) on the same printer; the counter app sends it when that one is done.',
    },
    printingReasons: { process_stopped: 'the software stopped while sending the job; check whether the paper came out' },
    printQueue: {
      titles: { ticket: 'Ticket {{number}}', form: '{{form}} — {{code}}', test: 'Test page' },
      states: { queued: 'waiting', sending: 'sending', printed: 'printed', uncertain: 'not known whether printed', cancelled: 'cancelled', failed: 'cannot be printed' },
      pdf: {
        empty: 'the file is empty',
        noHeader: 'no %PDF- header in its first 1 KiB',
        damaged: 'the file is cut short or damaged and cannot be read',
        noPages: 'it has no pages',
        notBase64: 'the data is not base64',
        tooLarge: 'larger than {{maxMb}} MB',
      },
      folder: { notFolder: '"{{path}}" is a file, not a folder', noParent: 'the folder "{{path}}" does not exist' },
      notFor: { escpos: 'this job was made for a thermal printer; print it again for this A4 printer', pdf: 'a thermal printer does not print PDF files; choose an A4 printer', a4: 'a thermal printer does not print A4; choose the 80 mm layout or an A4 printer' },
    },
  },
};
