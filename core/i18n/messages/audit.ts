import type { Messages } from '../types';

/** The keyed audit chain, its key folder, and the dossier reconciliation of `audit verify`. */
export const audit: Messages = {
  vi: {
    errors: {
      AUDIT_KEY_MISSING:
        'Không tìm thấy khoá nhật ký kiểm tra (mã khoá {{keyId}}) mà cơ sở dữ liệu này cần. Phần mềm không tạo khoá mới vì như vậy nhật ký bị sửa vẫn "hợp lệ". Hãy chép lại thư mục khoá "MotCua Desk Keys" từ bản sao lưu khoá (hoặc đặt MOTCUA_KEY_DIR trỏ tới nó) rồi khởi động lại.',
      AUDIT_KEY_ORPHANED:
        'Thư mục dữ liệu này đã có khoá nhật ký kiểm tra (mã khoá {{keyId}}) nhưng cơ sở dữ liệu không còn ghi mã khoá đó: nhật ký có thể đã bị xoá hoặc viết lại. Phần mềm dừng lại, không tạo khoá mới. Hãy báo quản trị kiểm tra; nếu thật sự là cơ sở dữ liệu mới có chủ đích, chuyển tệp khoá {{keyId}}.key ra khỏi thư mục khoá rồi khởi động lại.',
      AUDIT_KEY_PERMISSIONS:
        'Khoá nhật ký kiểm tra ("{{path}}") đang để người khác đọc được (quyền {{mode}}) hoặc không thuộc tài khoản đang chạy phần mềm. Hãy đặt quyền chỉ chủ sở hữu được dùng (thư mục 700, tệp 600) rồi khởi động lại.',
      AUDIT_KEY_DIR_UNAVAILABLE:
        'Không tạo được thư mục khoá nhật ký kiểm tra "{{dir}}" ({{reason}}). Hãy cấp quyền ghi cho tài khoản chạy phần mềm, hoặc đặt MOTCUA_KEY_DIR tới một thư mục riêng của tài khoản đó (ngoài thư mục dữ liệu), rồi khởi động lại.',
      AUDIT_KEY_DIR_IN_DATA:
        'Thư mục khoá nhật ký kiểm tra nằm trong thư mục dữ liệu, nên ai chép được dữ liệu cũng có khoá. Hãy đặt MOTCUA_KEY_DIR tới một thư mục ngoài thư mục dữ liệu rồi khởi động lại.',
      AUDIT_KEY_UNAVAILABLE:
        'Khoá nhật ký kiểm tra (mã khoá {{keyId}}) do ứng dụng MotCua Desk trên máy tính giữ trong kho khoá của hệ điều hành, nên dòng lệnh/chế độ web không mở được. Hãy làm việc này trong ứng dụng.',
      AUDIT_KEY_WRONG:
        'Tệp khoá nhật ký kiểm tra (mã khoá {{keyId}}) không phải khoá đã ký nhật ký này (tệp khoá bị thay). Phần mềm dừng lại để không ghi tiếp bằng khoá sai. Hãy chép lại đúng tệp khoá từ bản sao lưu khoá rồi khởi động lại.',
      AUDIT_KEY_CORRUPT: 'Tệp khoá nhật ký kiểm tra (mã khoá {{keyId}}) bị hỏng, không đọc được. Hãy chép lại tệp khoá từ bản sao lưu khoá rồi khởi động lại.',
    },
    audit: {
      reasons: {
        hash_mismatch: 'dòng bị sửa',
        chain_broken: 'chuỗi bị đứt',
        missing_rows: 'thiếu dòng hoặc bị đánh số lại',
        truncated: 'các dòng cuối bị xoá',
        wiped: 'nhật ký bị xoá trắng',
        head_missing: 'mất bản ghi đầu chuỗi cất cạnh khoá',
        head_invalid: 'bản ghi đầu chuỗi cạnh khoá bị sửa',
      },
      ok: 'Nhật ký kiểm tra hợp lệ: {{rows}} dòng{{keyed}}; mọi hồ sơ khớp lịch sử.',
      okKeyed: ', có khoá',
      mismatch: 'Hồ sơ {{code}} ({{id}}): {{field}} là "{{actual}}" nhưng theo nhật ký phải là "{{expected}}".',
      mismatchMore: '… và {{count}} chỗ lệch khác.',
      fields: {
        state: 'trạng thái',
        code: 'mã hồ sơ',
        history: 'lịch sử (không có dòng nhật ký nào)',
        dossier: 'hồ sơ (đã bị xoá khỏi cơ sở dữ liệu)',
      },
    },
  },
  en: {
    errors: {
      AUDIT_KEY_MISSING:
        'The audit log key this database needs (key id {{keyId}}) was not found. No new key is made, since a rewritten log would then "verify". Copy the "MotCua Desk Keys" folder back from the key backup (or point MOTCUA_KEY_DIR at it) and start again.',
      AUDIT_KEY_ORPHANED:
        'This data folder had an audit log key (key id {{keyId}}) that its database no longer names: the log may have been wiped or rewritten. Stopped without making a new key. Ask the administrator to check; if this really is a new database on purpose, move the key file {{keyId}}.key out of the key folder and start again.',
      AUDIT_KEY_PERMISSIONS:
        'The audit log key ("{{path}}") can be read by others (mode {{mode}}) or is not owned by the account running the software. Make it owner-only (folder 700, file 600) and start again.',
      AUDIT_KEY_DIR_UNAVAILABLE:
        'The audit key folder "{{dir}}" cannot be created ({{reason}}). Give the account running the software write access, or set MOTCUA_KEY_DIR to a folder of that account (outside the data folder), and start again.',
      AUDIT_KEY_DIR_IN_DATA:
        'The audit key folder is inside the data folder, so whoever copies the data has the key. Set MOTCUA_KEY_DIR to a folder outside the data folder and start again.',
      AUDIT_KEY_UNAVAILABLE:
        'The audit log key (key id {{keyId}}) is kept by the MotCua Desk desktop app in the OS keychain, so the command line / web mode cannot open it. Do this in the app.',
      AUDIT_KEY_WRONG:
        'The audit key file (key id {{keyId}}) is not the key that signed this log (the key file was replaced). Stopped so nothing is written with a wrong key. Copy the right key file back from the key backup and start again.',
      AUDIT_KEY_CORRUPT: 'The audit log key file (key id {{keyId}}) is damaged and cannot be read. Copy it back from the key backup and start again.',
    },
    audit: {
      reasons: {
        hash_mismatch: 'a row was edited',
        chain_broken: 'the chain is broken',
        missing_rows: 'rows are missing or were renumbered',
        truncated: 'rows were cut off the end',
        wiped: 'the log was wiped',
        head_missing: 'the head record kept beside the key is gone',
        head_invalid: 'the head record beside the key was edited',
      },
      ok: 'Audit log valid: {{rows}} rows{{keyed}}; every dossier matches its history.',
      okKeyed: ', keyed',
      mismatch: 'Dossier {{code}} ({{id}}): {{field}} is "{{actual}}" but the log says "{{expected}}".',
      mismatchMore: '… and {{count}} more mismatches.',
      fields: {
        state: 'state',
        code: 'code',
        history: 'history (no audit row at all)',
        dossier: 'dossier (deleted from the database)',
      },
    },
  },
};
