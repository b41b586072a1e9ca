import type { Messages } from '../types';

/** Issue #17: changes pulled from the central server, the DVCQG mapping, audit verify --central. Vietnamese first, English beside it. */
export const syncChanges: Messages = {
  vi: {
    errors: {
      SYNC_CHANGE_DOSSIER_UNKNOWN: 'Hồ sơ {{code}} không được tiếp nhận tại quầy này nên thay đổi từ hệ thống trung tâm được bỏ qua.',
      SYNC_CHANGE_ALREADY: 'Hồ sơ {{code}} đã ở trạng thái "$t(dossier.states.{{state}})": không có gì phải thay đổi.',
      SYNC_CHANGE_INVALID: 'Thay đổi từ hệ thống trung tâm không đọc được ({{reason}}); các thay đổi sau vẫn được áp dụng.',
      SYNC_CHANGE_FAILED: 'Không áp dụng được thay đổi từ hệ thống trung tâm: {{reason}}',
      SYNC_CHANGE_CATALOGUE_REJECTED: 'Danh mục thủ tục từ hệ thống trung tâm có {{count}} lỗi nên không nhập dòng nào; danh mục tại quầy giữ nguyên. Lỗi đầu tiên ({{sheet}}, dòng {{row}}): {{first}}',
      SYNC_BAD_STATUS_MAP: 'Bảng mã trạng thái DVCQG không hợp lệ ({{problem}}): cần dạng {"received": "2", "result_ready": "9", …} với trạng thái của quầy và mã là chữ số.',
      AUDIT_CENTRAL_TRUNCATED:
        'Nhật ký kiểm tra của quầy bị cắt: hệ thống trung tâm đã ghi nhận đến dòng {{lastId}} nhưng quầy chỉ còn {{rows}} dòng. Các thao tác sau dòng {{rows}} đã bị xoá.',
      AUDIT_CENTRAL_MISMATCH:
        'Nhật ký kiểm tra của quầy khác với bản hệ thống trung tâm giữ: dòng {{lastId}} không còn như khi được gửi đi (nhật ký đã bị cắt rồi ghi lại).',
      AUDIT_CENTRAL_REJECTED: 'Hệ thống trung tâm không cho xem mốc nhật ký kiểm tra của quầy (HTTP {{status}}, {{code}}): {{reason}}',
    },
    syncChanges: {
      resultReady: 'Hồ sơ {{code}}: {{from}} → Có kết quả (hệ thống trung tâm báo)',
      supplementRequested: 'Hồ sơ {{code}}: {{from}} → Yêu cầu bổ sung. Lý do: {{reason}}',
      supplementItem: '  • Cần bổ sung: {{item}}',
      procedureAdded: 'Thêm thủ tục {{code}} – {{name}} ({{agency}})',
      procedureChanged: 'Sửa thủ tục {{code}} – {{name}} ({{agency}})',
      procedureRemoved: 'Bỏ thủ tục {{code}} – {{name}} ({{agency}})',
      agencyAdded: 'Thêm cơ quan {{code}} – {{name}}',
      agencyRemoved: 'Bỏ cơ quan {{code}} – {{name}}',
      catalogueSame: 'Danh mục thủ tục không thay đổi',
      holidayAdded: 'Ngày nghỉ {{date}}: thêm',
      holidayRemoved: 'Ngày nghỉ {{date}}: bỏ (thành ngày làm việc bình thường)',
      workdayAdded: 'Ngày làm bù {{date}}: thêm',
      workdayRemoved: 'Ngày làm bù {{date}}: bỏ',
      calendarSame: 'Lịch nghỉ chính thức không thay đổi',
    },
    auditCentral: {
      ok: 'Khớp với hệ thống trung tâm: dòng {{lastId}} của nhật ký còn nguyên như khi được gửi đi.',
      noHead: 'Hệ thống trung tâm chưa nhận mốc nhật ký nào của quầy này (quầy chưa đồng bộ lần nào): chỉ kiểm tra được nhật ký tại quầy.',
      disputed:
        'Hệ thống trung tâm đánh dấu mốc nhật ký kiểm tra của quầy là đang tranh chấp (quầy đã gửi một mốc khác hoặc cũ hơn mốc trung tâm giữ, dấu hiệu nhật ký bị cắt hay khôi phục từ bản cũ). Quầy không gửi mốc mới cho tới khi quản trị hệ thống trung tâm xem xét và gỡ đánh dấu.',
    },
  },
  en: {
    errors: {
      SYNC_CHANGE_DOSSIER_UNKNOWN: 'Dossier {{code}} was not received at this counter, so the change from the central system is skipped.',
      SYNC_CHANGE_ALREADY: 'Dossier {{code}} is already "$t(dossier.states.{{state}})": nothing to change.',
      SYNC_CHANGE_INVALID: 'A change from the central system could not be read ({{reason}}); later changes are still applied.',
      SYNC_CHANGE_FAILED: 'A change from the central system could not be applied: {{reason}}',
      SYNC_CHANGE_CATALOGUE_REJECTED: "The procedure catalogue from the central system has {{count}} errors, so no row was imported; the counter's catalogue is unchanged. First error ({{sheet}}, row {{row}}): {{first}}",
      SYNC_BAD_STATUS_MAP: 'The DVCQG status map is invalid ({{problem}}): expected {"received": "2", "result_ready": "9", …} with the counter\'s states and digit codes.',
      AUDIT_CENTRAL_TRUNCATED:
        "This counter's audit log was cut: the central system saw it up to row {{lastId}} but only {{rows}} rows are left. What was done after row {{rows}} has been deleted.",
      AUDIT_CENTRAL_MISMATCH:
        "This counter's audit log differs from what the central system keeps: row {{lastId}} is not as it was when sent (the log was cut and written again).",
      AUDIT_CENTRAL_REJECTED: "The central system refused to show this counter's audit head (HTTP {{status}}, {{code}}): {{reason}}",
    },
    syncChanges: {
      resultReady: 'Dossier {{code}}: {{from}} → Result ready (reported by the central system)',
      supplementRequested: 'Dossier {{code}}: {{from}} → Supplement requested. Reason: {{reason}}',
      supplementItem: '  • To supplement: {{item}}',
      procedureAdded: 'Procedure added {{code}} – {{name}} ({{agency}})',
      procedureChanged: 'Procedure changed {{code}} – {{name}} ({{agency}})',
      procedureRemoved: 'Procedure removed {{code}} – {{name}} ({{agency}})',
      agencyAdded: 'Agency added {{code}} – {{name}}',
      agencyRemoved: 'Agency removed {{code}} – {{name}}',
      catalogueSame: 'The procedure catalogue did not change',
      holidayAdded: 'Day off {{date}}: added',
      holidayRemoved: 'Day off {{date}}: removed (a normal working day again)',
      workdayAdded: 'Make-up working day {{date}}: added',
      workdayRemoved: 'Make-up working day {{date}}: removed',
      calendarSame: 'The official calendar did not change',
    },
    auditCentral: {
      ok: 'Matches the central system: row {{lastId}} of the log is as it was when sent.',
      noHead: 'The central system has no audit head from this counter yet (it never synced): only the local log was checked.',
      disputed:
        "The central system marks this counter's audit head as disputed (the counter sent another or an older head than the one it keeps: a sign the log was cut or restored from an old copy). No new head is sent until a central administrator reviews and clears it.",
    },
  },
};
