import type { Messages } from '../types';

/**
 * Procedure catalogue: import/export errors and labels. Issue messages are shown after their location
 * (catalogue.issueAt), so they name the problem and the fix, not the row.
 * Note: core/i18n/catalogue.ts also exports a `catalogue`; import this one under an alias there.
 */
export const catalogue: Messages = {
  vi: {
    errors: {
      CATALOGUE_FILE_UNREADABLE:
        'Không đọc được tệp danh mục ({{format}}). Hãy chọn tệp .xlsx hoặc .json xuất từ MotCua Desk hoặc làm theo tệp mẫu; nếu là tệp .xls cũ, mở bằng Excel và lưu lại dạng .xlsx.',
      CATALOGUE_IMPORT_REJECTED:
        'Tệp danh mục có {{count}} lỗi nên chưa nhập dòng nào. Hãy sửa các dòng được liệt kê rồi nhập lại.',
      CATALOGUE_FILE_TOO_LARGE: 'Tệp danh mục "{{value}}" lớn hơn {{max}} MB nên không nhập. Hãy tách danh mục thành nhiều tệp nhỏ hơn.',
      CATALOGUE_TOO_MANY_ROWS: 'Trang "{{sheet}}" của tệp danh mục có hơn {{max}} dòng nên không nhập dòng nào. Hãy xoá các dòng thừa hoặc tách thành nhiều tệp.',
      CATALOGUE_TOO_MANY_CELLS: 'Tệp danh mục có hơn {{max}} ô dữ liệu nên không nhập dòng nào. Hãy xoá các cột, dòng thừa hoặc tách thành nhiều tệp.',
      CATALOGUE_CELL_TOO_LONG: 'Một ô ở trang "{{sheet}}", dòng {{row}} dài hơn {{max}} ký tự nên không nhập. Hãy rút gọn ô đó.',
      CATALOGUE_ZIP_TOO_LARGE: 'Tệp Excel khi giải nén lớn hơn {{max}} MB (có thể là tệp hỏng hoặc tệp nén độc hại) nên không nhập. Hãy lưu lại danh mục từ Excel hoặc dùng tệp mẫu.',
      CATALOGUE_REQUIRED: 'Thiếu giá trị bắt buộc. Hãy điền ô này.',
      CATALOGUE_BAD_VALUE: 'Giá trị "{{value}}" không hợp lệ. Hãy kiểm tra và nhập lại.',
      CATALOGUE_TOO_LONG: 'Nội dung quá dài (tối đa {{max}} ký tự). Hãy rút gọn.',
      CATALOGUE_BAD_AGENCY_CODE:
        'Mã cơ quan "{{value}}" không đúng dạng: chỉ gồm chữ không dấu, số, dấu chấm hoặc gạch dưới (ví dụ 000.00.01.H12).',
      CATALOGUE_BAD_PROCEDURE_CODE:
        'Mã thủ tục "{{value}}" không đúng dạng: chỉ gồm chữ không dấu, số, dấu chấm hoặc gạch (ví dụ 1.004227).',
      CATALOGUE_BAD_ITEM_CODE:
        'Mã giấy tờ "{{value}}" không đúng dạng: chỉ gồm chữ không dấu, số, dấu chấm hoặc gạch (ví dụ TP1).',
      CATALOGUE_BAD_CODE_PATTERN:
        'Mẫu mã hồ sơ "{{value}}" có thể sinh mã trùng: mẫu phải có {agency}, đủ ngày ({yymmdd} hoặc {yyyy}{mm}{dd}), đúng một bộ đếm {seq4} (hoặc {seqN}) và chỉ dùng các mã {agency} {yyyy} {yy} {mm} {dd} {yymmdd} {seqN} {counter}. Hãy sửa theo mẫu {agency}-{yymmdd}-{seq4}, hoặc để trống để dùng mẫu mặc định.',
      CATALOGUE_BAD_PROCESSING_TIME:
        'Thời hạn giải quyết "{{value}}" không hợp lệ: phải là số lớn hơn 0 (tối đa 1000).',
      CATALOGUE_UNKNOWN_UNIT: 'Đơn vị thời hạn "{{value}}" không hợp lệ: ghi days (ngày làm việc) hoặc hours (giờ làm việc).',
      CATALOGUE_BAD_FEE: 'Số tiền "{{value}}" không hợp lệ: phải là số nguyên không âm, tính bằng đồng (để trống = 0).',
      CATALOGUE_UNKNOWN_CHANNEL:
        'Cách thức nộp "{{value}}" không hợp lệ: dùng direct (trực tiếp), online (trực tuyến) hoặc postal (bưu chính).',
      CATALOGUE_NO_CHANNEL: 'Thủ tục phải có ít nhất một cách thức nộp (direct, online, postal).',
      CATALOGUE_UNKNOWN_RESULT_RETURN:
        'Cách thức trả kết quả "{{value}}" không hợp lệ: dùng counter (tại quầy) hoặc post (qua bưu chính).',
      CATALOGUE_UNKNOWN_MARK:
        'Loại bản "{{value}}" không hợp lệ: dùng 1 (bản chụp), 2 (bản sao chứng thực), 3 (bản chính) hoặc 4 (bản dịch).',
      CATALOGUE_NO_MARK: 'Giấy tờ phải có ít nhất một loại bản chấp nhận (1, 2, 3 hoặc 4).',
      CATALOGUE_BAD_COPIES: 'Số bản "{{value}}" không hợp lệ: phải là số nguyên từ 1 đến 100.',
      CATALOGUE_BAD_BOOLEAN: 'Giá trị "{{value}}" không hợp lệ: ghi "có" hoặc "không".',
      CATALOGUE_BAD_FILE_TYPE: 'Định dạng tệp "{{value}}" không hợp lệ: ghi phần mở rộng như pdf, jpg, docx.',
      CATALOGUE_DUPLICATE_AGENCY: 'Mã cơ quan "{{code}}" bị trùng với dòng {{firstRow}}. Mỗi cơ quan chỉ khai một dòng.',
      CATALOGUE_DUPLICATE_PROCEDURE:
        'Mã thủ tục "{{code}}" của cơ quan {{agencyCode}} bị trùng với dòng {{firstRow}}. Hãy xoá dòng thừa hoặc sửa mã.',
      CATALOGUE_DUPLICATE_ITEM:
        'Mã giấy tờ "{{code}}" của thủ tục {{procedureCode}} bị trùng với dòng {{firstRow}}. Hãy đặt mã khác.',
      CATALOGUE_UNKNOWN_AGENCY:
        'Mã cơ quan "{{agencyCode}}" không có trong trang Cơ quan. Hãy thêm cơ quan đó hoặc sửa mã.',
      CATALOGUE_UNKNOWN_PROCEDURE:
        'Thủ tục "{{procedureCode}}" của cơ quan {{agencyCode}} không có trong trang Thủ tục. Hãy thêm thủ tục đó hoặc sửa mã.',
      CATALOGUE_MISSING_SHEET: 'Tệp thiếu trang "{{sheet}}". Hãy dùng tệp mẫu xuất từ MotCua Desk.',
      CATALOGUE_MISSING_COLUMN: 'Trang thiếu cột "{{column}}" ở dòng tiêu đề. Hãy dùng tiêu đề của tệp mẫu.',
      CATALOGUE_DUPLICATE_COLUMN: 'Cột "{{column}}" xuất hiện hai lần ở dòng tiêu đề. Hãy xoá một cột.',
      CATALOGUE_BAD_STRUCTURE: 'Tệp không đúng cấu trúc danh mục (cần {{expected}}). Hãy dùng tệp xuất từ MotCua Desk.',
      CATALOGUE_UNSUPPORTED_VERSION:
        'Phiên bản tệp danh mục "{{value}}" không được hỗ trợ (cần 1). Hãy xuất lại tệp từ MotCua Desk.',
    },
    catalogue: {
      issueAt: 'Trang {{sheet}}, dòng {{row}}, cột {{column}}: {{message}}',
      issueAtRow: 'Trang {{sheet}}, dòng {{row}}: {{message}}',
      issueInFile: 'Tệp: {{message}}',
      sheets: { Agencies: 'Cơ quan', Procedures: 'Thủ tục', Checklist: 'Thành phần hồ sơ', File: 'Tệp' },
      columns: {
        code: 'Mã',
        name: 'Tên',
        shortName: 'Tên viết tắt',
        codePattern: 'Mẫu mã hồ sơ',
        address: 'Địa chỉ',
        phone: 'Điện thoại',
        agencyCode: 'Mã cơ quan',
        procedureCode: 'Mã thủ tục',
        fieldCode: 'Mã lĩnh vực',
        fieldName: 'Tên lĩnh vực',
        processingAmount: 'Thời hạn giải quyết',
        processingUnit: 'Đơn vị thời hạn',
        fee: 'Lệ phí',
        charge: 'Phí',
        feeNote: 'Ghi chú phí, lệ phí',
        channels: 'Cách thức nộp',
        resultReturn: 'Cách thức trả kết quả',
        active: 'Đang áp dụng',
        required: 'Bắt buộc',
        acceptedMarks: 'Loại bản chấp nhận',
        copies: 'Số bản',
        templateFile: 'Mẫu đơn, tờ khai',
        fileTypes: 'Định dạng tệp',
      },
      agency: 'Cơ quan',
      procedure: 'Thủ tục hành chính',
      procedureCode: 'Mã thủ tục',
      field: 'Lĩnh vực',
      processingTime: 'Thời hạn giải quyết',
      processing: { days: '{{count}} ngày làm việc', hours: '{{count}} giờ làm việc' },
      units: { days: 'ngày làm việc', hours: 'giờ làm việc' },
      fee: 'Lệ phí',
      charge: 'Phí',
      free: 'Không thu',
      channels: { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua bưu chính công ích' },
      resultReturn: { counter: 'Tại quầy', post: 'Qua bưu chính' },
      marks: { '1': 'Bản chụp', '2': 'Bản sao chứng thực', '3': 'Bản chính', '4': 'Bản dịch' },
      checklist: 'Thành phần hồ sơ',
      required: 'Bắt buộc',
      optional: 'Không bắt buộc',
      copies: 'Số bản',
      template: 'Mẫu đơn, tờ khai',
      active: 'Đang áp dụng',
      inactive: 'Ngừng áp dụng',
      search: {
        placeholder: 'Tìm thủ tục theo mã hoặc tên (gõ không dấu được)',
        noResult: 'Không tìm thấy thủ tục nào phù hợp với "{{query}}". Hãy thử từ khoá ngắn hơn hoặc mã thủ tục.',
      },
      import: {
        title: 'Nhập danh mục thủ tục',
        chooseFile: 'Chọn tệp .xlsx hoặc .json',
        ok: 'Đã nhập {{agencies}} cơ quan, {{procedures}} thủ tục.',
        failed: 'Chưa nhập: tệp có {{count}} lỗi. Sửa các dòng dưới đây rồi nhập lại.',
      },
      export: { title: 'Xuất danh mục thủ tục', xlsx: 'Xuất Excel (.xlsx)', json: 'Xuất JSON' },
    },
  },
  en: {
    errors: {
      CATALOGUE_FILE_UNREADABLE:
        'The catalogue file could not be read ({{format}}). Choose an .xlsx or .json file exported by MotCua Desk or follow the template; for an old .xls file, open it in Excel and save it as .xlsx.',
      CATALOGUE_IMPORT_REJECTED:
        'The catalogue file has {{count}} errors, so nothing was imported. Fix the rows listed and import again.',
      CATALOGUE_FILE_TOO_LARGE: 'Catalogue file "{{value}}" is larger than {{max}} MB, so it was not imported. Split the catalogue into smaller files.',
      CATALOGUE_TOO_MANY_ROWS: 'Sheet "{{sheet}}" of the catalogue file has more than {{max}} rows, so nothing was imported. Delete the extra rows or split the file.',
      CATALOGUE_TOO_MANY_CELLS: 'The catalogue file has more than {{max}} data cells, so nothing was imported. Delete extra columns and rows or split the file.',
      CATALOGUE_CELL_TOO_LONG: 'A cell on sheet "{{sheet}}", row {{row}} is longer than {{max}} characters, so nothing was imported. Shorten that cell.',
      CATALOGUE_ZIP_TOO_LARGE: 'The Excel file unpacks to more than {{max}} MB (a damaged or malicious archive), so it was not imported. Save the catalogue again from Excel or use the template.',
      CATALOGUE_REQUIRED: 'A required value is missing. Fill in this cell.',
      CATALOGUE_BAD_VALUE: 'The value "{{value}}" is invalid. Check it and enter it again.',
      CATALOGUE_TOO_LONG: 'The text is too long (at most {{max}} characters). Shorten it.',
      CATALOGUE_BAD_AGENCY_CODE:
        'Agency code "{{value}}" is malformed: use unaccented letters, digits, dots or underscores only (e.g. 000.00.01.H12).',
      CATALOGUE_BAD_PROCEDURE_CODE:
        'Procedure code "{{value}}" is malformed: use unaccented letters, digits, dots or hyphens only (e.g. 1.004227).',
      CATALOGUE_BAD_ITEM_CODE:
        'Document code "{{value}}" is malformed: use unaccented letters, digits, dots or hyphens only (e.g. TP1).',
      CATALOGUE_BAD_CODE_PATTERN:
        'Dossier code pattern "{{value}}" could yield duplicate codes: it needs {agency}, a full date ({yymmdd} or {yyyy}{mm}{dd}), exactly one {seq4} (or {seqN}) counter, and only the tokens {agency} {yyyy} {yy} {mm} {dd} {yymmdd} {seqN} {counter}. Follow {agency}-{yymmdd}-{seq4}, or leave it empty for the default.',
      CATALOGUE_BAD_PROCESSING_TIME: 'Processing time "{{value}}" is invalid: it must be a number above 0 (at most 1000).',
      CATALOGUE_UNKNOWN_UNIT: 'Processing time unit "{{value}}" is invalid: write days or hours (working days/hours).',
      CATALOGUE_BAD_FEE: 'Amount "{{value}}" is invalid: it must be a whole, non-negative number of VND (empty = 0).',
      CATALOGUE_UNKNOWN_CHANNEL: 'Channel "{{value}}" is invalid: use direct, online or postal.',
      CATALOGUE_NO_CHANNEL: 'A procedure needs at least one submission channel (direct, online, postal).',
      CATALOGUE_UNKNOWN_RESULT_RETURN: 'Result return "{{value}}" is invalid: use counter or post.',
      CATALOGUE_UNKNOWN_MARK:
        'Copy type "{{value}}" is invalid: use 1 (photocopy), 2 (certified copy), 3 (original) or 4 (translation).',
      CATALOGUE_NO_MARK: 'A document needs at least one accepted copy type (1, 2, 3 or 4).',
      CATALOGUE_BAD_COPIES: 'Number of copies "{{value}}" is invalid: it must be a whole number from 1 to 100.',
      CATALOGUE_BAD_BOOLEAN: 'Value "{{value}}" is invalid: write "yes" or "no" (có / không).',
      CATALOGUE_BAD_FILE_TYPE: 'File type "{{value}}" is invalid: write an extension such as pdf, jpg, docx.',
      CATALOGUE_DUPLICATE_AGENCY: 'Agency code "{{code}}" repeats row {{firstRow}}. List each agency once.',
      CATALOGUE_DUPLICATE_PROCEDURE:
        'Procedure code "{{code}}" of agency {{agencyCode}} repeats row {{firstRow}}. Delete the extra row or change the code.',
      CATALOGUE_DUPLICATE_ITEM:
        'Document code "{{code}}" of procedure {{procedureCode}} repeats row {{firstRow}}. Use another code.',
      CATALOGUE_UNKNOWN_AGENCY: 'Agency code "{{agencyCode}}" is not on the Agencies sheet. Add the agency or fix the code.',
      CATALOGUE_UNKNOWN_PROCEDURE:
        'Procedure "{{procedureCode}}" of agency {{agencyCode}} is not on the Procedures sheet. Add it or fix the code.',
      CATALOGUE_MISSING_SHEET: 'The file has no "{{sheet}}" sheet. Use a template exported by MotCua Desk.',
      CATALOGUE_MISSING_COLUMN: 'The header row has no "{{column}}" column. Use the template headers.',
      CATALOGUE_DUPLICATE_COLUMN: 'Column "{{column}}" appears twice in the header row. Delete one.',
      CATALOGUE_BAD_STRUCTURE: 'The file is not shaped like a catalogue ({{expected}} expected). Use a file exported by MotCua Desk.',
      CATALOGUE_UNSUPPORTED_VERSION:
        'Catalogue file version "{{value}}" is not supported (1 expected). Export the file again from MotCua Desk.',
    },
    catalogue: {
      issueAt: 'Sheet {{sheet}}, row {{row}}, column {{column}}: {{message}}',
      issueAtRow: 'Sheet {{sheet}}, row {{row}}: {{message}}',
      issueInFile: 'File: {{message}}',
      sheets: { Agencies: 'Agencies', Procedures: 'Procedures', Checklist: 'Checklist', File: 'File' },
      columns: {
        code: 'Code',
        name: 'Name',
        shortName: 'Short name',
        codePattern: 'Dossier code pattern',
        address: 'Address',
        phone: 'Phone',
        agencyCode: 'Agency code',
        procedureCode: 'Procedure code',
        fieldCode: 'Field code',
        fieldName: 'Field name',
        processingAmount: 'Processing time',
        processingUnit: 'Processing time unit',
        fee: 'Fee',
        charge: 'Charge',
        feeNote: 'Fee note',
        channels: 'Submission channels',
        resultReturn: 'Result return',
        active: 'Active',
        required: 'Required',
        acceptedMarks: 'Accepted copy types',
        copies: 'Copies',
        templateFile: 'Form template',
        fileTypes: 'File types',
      },
      agency: 'Agency',
      procedure: 'Administrative procedure',
      procedureCode: 'Procedure code',
      field: 'Field',
      processingTime: 'Processing time',
      processing: { days: '{{count}} working days', hours: '{{count}} working hours' },
      units: { days: 'working days', hours: 'working hours' },
      fee: 'Fee',
      charge: 'Charge',
      free: 'Free',
      channels: { direct: 'In person', online: 'Online', postal: 'By public postal service' },
      resultReturn: { counter: 'At the counter', post: 'By post' },
      marks: { '1': 'Photocopy', '2': 'Certified copy', '3': 'Original', '4': 'Translation' },
      checklist: 'Documents',
      required: 'Required',
      optional: 'Optional',
      copies: 'Copies',
      template: 'Form template',
      active: 'Active',
      inactive: 'Inactive',
      search: {
        placeholder: 'Search procedures by code or name (diacritics optional)',
        noResult: 'No procedure matches "{{query}}". Try a shorter keyword or the procedure code.',
      },
      import: {
        title: 'Import procedure catalogue',
        chooseFile: 'Choose an .xlsx or .json file',
        ok: 'Imported {{agencies}} agencies, {{procedures}} procedures.',
        failed: 'Not imported: the file has {{count}} errors. Fix the rows below and import again.',
      },
      export: { title: 'Export procedure catalogue', xlsx: 'Export Excel (.xlsx)', json: 'Export JSON' },
    },
  },
};
