import type { Messages } from '../types';

/** Printed forms: errors, and the labels templates print through the `mark` / `label:<group>` formatters. */
export const forms: Messages = {
  vi: {
    errors: {
      FORMS_UNKNOWN_FORM:
        'Không có mẫu in "{{form}}". Hãy chọn một mẫu có sẵn (giấy tiếp nhận, phiếu bổ sung, phiếu từ chối, phiếu xin lỗi, danh sách bàn giao, biên lai) hoặc đặt tệp {{form}}.json vào thư mục mẫu của cơ quan.',
      FORMS_TEMPLATE_INVALID:
        'Tệp mẫu in {{template}} bị sai tại "{{path}}": {{problem}}. Hãy sửa tệp mẫu (xem hướng dẫn README trong thư mục mẫu) hoặc xoá tệp mẫu của cơ quan để dùng mẫu mặc định.',
      FORMS_CONTEXT_INVALID:
        'Dữ liệu hồ sơ chưa đủ hoặc sai để in phiếu: {{summary}}. Hãy kiểm tra lại thông tin hồ sơ rồi in lại.',
      FORMS_CONTEXT_INCOMPLETE:
        'Chưa in được {{form}}: thiếu thông tin "{{field}}". Hãy nhập đủ thông tin này trên hồ sơ rồi in lại.',
      FORMS_RESOURCES_MISSING:
        'Thiếu tệp phông chữ hoặc mẫu in của phần mềm ({{path}}). Hãy cài đặt lại phần mềm hoặc báo quản trị.',
      FORMS_QR_FAILED:
        'Không tạo được mã QR cho phiếu ({{problem}}). Hãy kiểm tra địa chỉ tra cứu trong cấu hình hoặc báo quản trị.',
    },
    forms: {
      names: {
        receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
        supplement: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
        refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
        apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
        handover: 'Danh sách bàn giao hồ sơ',
        'bien-lai': 'Biên lai thu phí, lệ phí',
      },
      layouts: { a4: 'Khổ A4', '80mm': 'Máy in nhiệt 80 mm' },
      mark: { '1': 'Bản chụp', '2': 'Bản sao chứng thực', '3': 'Bản chính', '4': 'Bản dịch' },
      returnMethod: { counter: 'Tại Bộ phận Một cửa', post: 'Qua dịch vụ bưu chính công ích' },
      channel: { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua bưu chính công ích' },
      kind: { citizen: 'Công dân', organisation: 'Tổ chức, doanh nghiệp' },
      received: { true: 'Đã nhận', false: 'Chưa nhận' },
    },
  },
  en: {
    errors: {
      FORMS_UNKNOWN_FORM:
        'There is no printed form "{{form}}". Choose a built-in form (receipt, supplement, refusal, apology, handover, fee receipt) or put {{form}}.json in the agency template folder.',
      FORMS_TEMPLATE_INVALID:
        'The form template {{template}} is wrong at "{{path}}": {{problem}}. Fix the template (see the README in the template folder) or delete the agency template to use the default.',
      FORMS_CONTEXT_INVALID:
        'The dossier data is missing or wrong for printing: {{summary}}. Check the dossier and print again.',
      FORMS_CONTEXT_INCOMPLETE:
        'Cannot print {{form}}: "{{field}}" is missing. Fill it in on the dossier and print again.',
      FORMS_RESOURCES_MISSING:
        'A font or form template of the application is missing ({{path}}). Reinstall the application or tell the administrator.',
      FORMS_QR_FAILED:
        'Could not make the QR code for the form ({{problem}}). Check the lookup address in the settings or tell the administrator.',
    },
    forms: {
      names: {
        receipt: 'Dossier receipt and appointment',
        supplement: 'Request to supplement the dossier',
        refusal: 'Refusal to accept the dossier',
        apology: 'Apology and new appointment',
        handover: 'Dossier handover list',
        'bien-lai': 'Fee receipt',
      },
      layouts: { a4: 'A4 paper', '80mm': '80 mm thermal printer' },
      mark: { '1': 'Photocopy', '2': 'Certified copy', '3': 'Original', '4': 'Translation' },
      returnMethod: { counter: 'At the one-stop counter', post: 'By public postal service' },
      channel: { direct: 'In person', online: 'Online', postal: 'Via public postal service' },
      kind: { citizen: 'Citizen', organisation: 'Organisation or business' },
      received: { true: 'Received', false: 'Not received' },
    },
  },
};
