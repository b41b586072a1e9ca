import type { Messages } from '../types';

/** Issue #17: the sync outbox, worker and CLI. Vietnamese first, English beside it. */
export const syncOutbox: Messages = {
  vi: {
    errors: {
      SYNC_NOT_ENROLLED: 'Quầy chưa đăng ký với hệ thống Một cửa trung tâm. Quản trị viên đăng ký trong Cài đặt → Đồng bộ, hoặc: motcua sync enrol --central <địa chỉ> --token <mã một lần>.',
      SYNC_PAYLOAD_FAILED: 'Không lập được dữ liệu gửi của hồ sơ ({{detail}}). Quầy sẽ thử lại; nếu lỗi còn, báo quản trị viên.',
      SYNC_FILE_CHANGED: 'Tệp của hồ sơ đã đổi sau khi chuẩn bị gửi; quầy lập lại dữ liệu và gửi tệp mới.',
      SYNC_RESENDING_EARLIER: 'Hệ thống trung tâm thiếu các sự kiện trước của hồ sơ (cần từ số {{expectedSeq}}); quầy gửi lại chúng trước rồi gửi sự kiện này.',
      SYNC_CHANGE_NOT_APPLIED: 'Không áp dụng được thay đổi nhận từ hệ thống trung tâm ({{detail}}). Quầy sẽ thử lại ở lần đồng bộ sau.',
    },
    syncOutbox: {
      unknownReason: 'Lỗi đồng bộ {{code}} {{detail}}; quầy sẽ thử lại.',
    },
    cliSync: {
      tokenRequired: 'Thiếu --token: mã đăng ký một lần do hệ thống trung tâm cấp.',
      tokenMalformed: 'Mã đăng ký (--token) không đúng dạng: có {{length}} ký tự, cần từ 8 đến 200 ký tự như hệ thống trung tâm cấp. Hãy chép lại nguyên mã.',
      centralRequired: 'Thiếu --central: địa chỉ hệ thống Một cửa trung tâm, ví dụ https://motcua.tinh.gov.vn/central.',
      enrolled: 'Đã đăng ký quầy {{counterId}} với hệ thống trung tâm {{central}}.',
      summary: 'Đồng bộ: đã gửi {{sent}}, còn chờ {{pending}} sự kiện ({{dossiers}} hồ sơ), bị từ chối {{rejected}}, nhận {{pulled}} thay đổi.',
      remaining: 'Còn {{remaining}} mục chưa gửi được. Xem: motcua sync status',
      allSent: 'Đã gửi hết, hàng đợi đồng bộ trống.',
      notPulled: 'Cảnh báo: không kết nối được hệ thống trung tâm nên chưa nhận được thay đổi (kết quả, yêu cầu bổ sung, danh mục, lịch) và chưa đối chiếu nhật ký kiểm tra. Hãy chạy lại khi có mạng.',
      running: 'Đồng bộ đang chạy với {{central}} (Ctrl+C để dừng).',
      progress: '[{{at}}] {{activity}}: chờ {{pending}} hồ sơ, {{bytes}} byte, bị từ chối {{rejected}}{{error}}',
      stopped: 'Đã dừng đồng bộ.',
      activity: { idle: 'rảnh', sending: 'đang gửi', waiting: 'đang chờ thử lại', offline: 'mất kết nối', not_enrolled: 'chưa đăng ký' },
      errorLine: '{{kind}} {{dossier}} [{{code}}] {{message}}',
      errorLineGeneral: '{{kind}} [{{code}}] {{message}}',
      kind: { rejected: 'Bị từ chối', retrying: 'Đang thử lại' },
      statusLine: 'Chờ gửi: {{pendingDossiers}} hồ sơ, {{pendingEvents}} sự kiện, {{pendingBytes}} byte; bị từ chối {{rejected}}; lần thành công cuối: {{lastSuccessAt}}; trạng thái: {{activity}}.',
    },
  },
  en: {
    errors: {
      SYNC_NOT_ENROLLED: 'This counter is not enrolled with the central one-stop system. An administrator enrols it in Settings → Sync, or: motcua sync enrol --central <URL> --token <one-time token>.',
      SYNC_PAYLOAD_FAILED: 'The dossier could not be prepared for sending ({{detail}}). It will be retried; if it persists, tell an administrator.',
      SYNC_FILE_CHANGED: 'A file of the dossier changed after it was prepared; the counter prepares it again and sends the new file.',
      SYNC_RESENDING_EARLIER: 'The central system lacks earlier events of this dossier (from number {{expectedSeq}}); the counter sends them again first, then this one.',
      SYNC_CHANGE_NOT_APPLIED: 'A change from the central system could not be applied ({{detail}}). It is retried at the next sync.',
    },
    syncOutbox: {
      unknownReason: 'Sync error {{code}} {{detail}}; it will be retried.',
    },
    cliSync: {
      tokenRequired: 'Missing --token: the one-time enrolment token from the central system.',
      tokenMalformed: 'The enrolment token (--token) is malformed: {{length}} characters, while one from the central system has 8 to 200. Copy the whole token again.',
      centralRequired: 'Missing --central: the central one-stop system URL, e.g. https://motcua.tinh.gov.vn/central.',
      enrolled: 'Counter {{counterId}} enrolled with the central system {{central}}.',
      summary: 'Sync: {{sent}} sent, {{pending}} events waiting ({{dossiers}} dossiers), {{rejected}} rejected, {{pulled}} changes received.',
      remaining: '{{remaining}} items are not sent yet. See: motcua sync status',
      allSent: 'Everything sent; the sync outbox is empty.',
      notPulled: 'Warning: the central system could not be reached, so changes (results, supplement requests, catalogue, calendar) were not pulled and the audit log was not anchored. Run again when online.',
      running: 'Sync running with {{central}} (Ctrl+C to stop).',
      progress: '[{{at}}] {{activity}}: {{pending}} dossiers, {{bytes}} bytes waiting, {{rejected}} rejected{{error}}',
      stopped: 'Sync stopped.',
      activity: { idle: 'idle', sending: 'sending', waiting: 'waiting to retry', offline: 'offline', not_enrolled: 'not enrolled' },
      errorLine: '{{kind}} {{dossier}} [{{code}}] {{message}}',
      errorLineGeneral: '{{kind}} [{{code}}] {{message}}',
      kind: { rejected: 'Rejected', retrying: 'Retrying' },
      statusLine: 'Waiting: {{pendingDossiers}} dossiers, {{pendingEvents}} events, {{pendingBytes}} bytes; {{rejected}} rejected; last success: {{lastSuccessAt}}; state: {{activity}}.',
    },
  },
};
