import type { Messages } from '../types';

/** Issue #16: the print CLI. Vietnamese first, English beside it. */
export const cliPrint: Messages = {
  vi: {
    errors: {
      CLI_PRINT_NO_PRINTER: 'Cần chỉ rõ máy in: --printer <địa chỉ>, ví dụ escpos+tcp://192.168.1.50:9100, system:<tên máy in> hoặc pdf:<thư mục>.',
      CLI_PRINT_ONE_SOURCE: 'Cần đúng một thứ để in: --ticket <số>, --pdf <tệp> hoặc --form <phiếu> --dossier <mã hồ sơ> (đã cho: {{given}}).',
      CLI_PRINT_OPTION_ONLY_WITH: 'Tùy chọn {{option}} chỉ dùng cùng {{with}}.',
      CLI_PRINT_DOSSIER_REQUIRED: '--form {{form}} cần mã hồ sơ: --dossier <mã hồ sơ>.',
      CLI_PRINT_BAD_VALUE: '{{option}} "{{value}}" không hợp lệ: {{expected}}.',
      CLI_PRINT_FILE_UNREADABLE: 'Không đọc được tệp {{file}} ({{detail}}). Hãy kiểm tra lại đường dẫn.',
    },
    cliPrint: {
      printed: 'Đã in: {{title}} — máy in {{printer}} đã nhận lệnh in số {{seq}}.',
      queued: 'Chưa in được lệnh in số {{seq}} ({{title}}) trên máy in {{printer}}: {{reason}} Lệnh in vẫn nằm trong hàng đợi (motcua print queue); ứng dụng ở quầy sẽ gửi lại khi máy in sẵn sàng.',
      uncertain:
        'Chưa rõ lệnh in số {{seq}} ({{title}}) đã in hay chưa: máy in {{printer}} có thể đã nhận một phần mà không xác nhận. {{reason}} Lệnh in đang chờ nhân viên trả lời: hãy xem giấy ở máy in rồi chọn "Đã in" hoặc "Chưa in — in lại" trong Hàng đợi in. Phần mềm không tự gửi lại để không in hai lần.',
      failed: 'Không in được lệnh in số {{seq}} ({{title}}): {{reason}}',
      cancelled: 'Lệnh in số {{seq}} ({{title}}) đã bị hủy.',
      noReason: 'Không rõ lý do.',
      queueEmpty: 'Không có lệnh in nào đang chờ.',
      state: {
        queued: 'đang chờ',
        sending: 'đang gửi',
        uncertain: 'chờ nhân viên xác nhận',
        printed: 'đã in',
        cancelled: 'đã hủy',
        failed: 'lỗi',
      },
      expected: {
        ticket: 'số thứ tự chỉ gồm chữ cái không dấu, chữ số và dấu -, tối đa 12 ký tự (ví dụ 1023 hoặc A023)',
        service: 'tên dịch vụ từ 1 đến 200 ký tự',
        form: 'một trong receipt, supplement, refusal, apology, bien-lai',
        layout: 'a4 hoặc 80mm',
        dossier: 'mã hồ sơ',
        pdf: 'đường dẫn tệp PDF',
      },
      pdfEmpty: 'tệp rỗng, 0 byte',
      pdfTooLarge: 'tệp {{size}} byte, lớn hơn mức {{max}} byte',
      pdfNoHeader: 'không có phần đầu %PDF-',
    },
  },
  en: {
    errors: {
      CLI_PRINT_NO_PRINTER: 'Name the printer: --printer <address>, for example escpos+tcp://192.168.1.50:9100, system:<printer name> or pdf:<folder>.',
      CLI_PRINT_ONE_SOURCE: 'Give exactly one thing to print: --ticket <number>, --pdf <file> or --form <form> --dossier <dossier code> (given: {{given}}).',
      CLI_PRINT_OPTION_ONLY_WITH: 'The option {{option}} goes only with {{with}}.',
      CLI_PRINT_DOSSIER_REQUIRED: '--form {{form}} needs a dossier code: --dossier <dossier code>.',
      CLI_PRINT_BAD_VALUE: '{{option}} "{{value}}" is not valid: {{expected}}.',
      CLI_PRINT_FILE_UNREADABLE: 'The file {{file}} cannot be read ({{detail}}). Check the path.',
    },
    cliPrint: {
      printed: 'Printed: {{title}} — printer {{printer}} accepted print job {{seq}}.',
      queued: 'Print job {{seq}} ({{title}}) was not printed on {{printer}}: {{reason}} The job stays in the queue (motcua print queue); the counter app sends it again when the printer is ready.',
      uncertain:
        'Not known whether print job {{seq}} ({{title}}) printed: printer {{printer}} may have received part of it without confirming. {{reason}} The job waits for the clerk: look at the paper, then choose "Printed" or "Not printed — print again" in the print queue. It is not resent on its own, so nothing prints twice.',
      failed: 'Print job {{seq}} ({{title}}) could not be printed: {{reason}}',
      cancelled: 'Print job {{seq}} ({{title}}) was cancelled.',
      noReason: 'Reason unknown.',
      queueEmpty: 'No print job is waiting.',
      state: {
        queued: 'waiting',
        sending: 'sending',
        uncertain: 'waiting for the clerk',
        printed: 'printed',
        cancelled: 'cancelled',
        failed: 'failed',
      },
      expected: {
        ticket: 'a ticket number of plain letters, digits and -, at most 12 characters (for example 1023 or A023)',
        service: 'a service name of 1 to 200 characters',
        form: 'one of receipt, supplement, refusal, apology, bien-lai',
        layout: 'a4 or 80mm',
        dossier: 'a dossier code',
        pdf: 'the path of a PDF file',
      },
      pdfEmpty: 'the file is empty, 0 bytes',
      pdfTooLarge: 'the file is {{size}} bytes, more than {{max}}',
      pdfNoHeader: 'no %PDF- header',
    },
  },
};
