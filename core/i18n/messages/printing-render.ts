import type { Messages } from '../types';

/** Issue #16: tickets and thermal rendering, reprint marks. Vietnamese first, English beside it. */
export const printingRender: Messages = {
  vi: {
    printing: {
      render: {
        reprint: { title: 'BẢN IN LẠI — {{at}}', note: 'REPRINT' },
        ticket: {
          heading: 'SỐ THỨ TỰ',
          service: 'Dịch vụ: {{service}}',
          issuedAt: 'Giờ lấy số: {{at}}',
          ahead: 'Số người đang chờ trước bạn: {{count}}',
          wait: 'Thời gian chờ dự kiến: khoảng {{minutes}} phút',
          qrCaption: 'Quét mã để theo dõi lượt của bạn',
          footer: 'Vui lòng giữ phiếu và chờ gọi đến số của bạn. Xin cảm ơn!',
          title: 'Phiếu số {{number}}',
        },
        testPage: {
          title: 'TRANG IN THỬ',
          vietnamese: 'Tiếng Việt: ă â đ ê ô ơ ư — à á ả ã ạ',
          pangram: 'Những đứa trẻ vượt qua cánh đồng lúa, ngắm mây trời xanh thẳm, kể chuyện cổ tích bên hiên nhà.',
          tones: 'Ă Â Đ Ê Ô Ơ Ư — ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ ề ế ể ễ ệ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ',
          ruler: 'Thước {{dots}} điểm/dòng: vạch 8 điểm, vạch dài 64',
          printer: 'Máy in: {{uri}}',
          paper: 'Khổ giấy: {{paper}} mm — {{dots}} điểm/dòng, 203 dpi',
          native: 'Số in bằng phông máy: {{text}} · QR của máy: {{qr}}',
          link: 'Hỏi trạng thái: {{status}} · Xác nhận đã in (GS ( H): {{processId}}',
          codePage: 'Bảng mã: {{codePage}} · Cắt giấy: {{cut}} · Mở ngăn kéo: {{drawer}}',
          yes: 'có',
          no: 'không',
          defaultCodePage: 'mặc định của máy',
          cutModes: { full: 'cắt hết', partial: 'cắt gần hết', none: 'không cắt' },
          qrCaption: 'Quét mã: phải đọc được "{{payload}}"',
        },
      },
    },
  },
  en: {
    printing: {
      render: {
        reprint: { title: 'REPRINT — {{at}}', note: 'REPRINT' },
        ticket: {
          heading: 'QUEUE NUMBER',
          service: 'Service: {{service}}',
          issuedAt: 'Issued at: {{at}}',
          ahead: 'People waiting before you: {{count}}',
          wait: 'Expected wait: about {{minutes}} minutes',
          qrCaption: 'Scan to follow your turn',
          footer: 'Please keep this ticket and wait for your number to be called. Thank you!',
          title: 'Ticket {{number}}',
        },
        testPage: {
          title: 'TEST PAGE',
          vietnamese: 'Vietnamese: ă â đ ê ô ơ ư — à á ả ã ạ',
          pangram: 'Những đứa trẻ vượt qua cánh đồng lúa, ngắm mây trời xanh thẳm, kể chuyện cổ tích bên hiên nhà.',
          tones: 'Ă Â Đ Ê Ô Ơ Ư — ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ ề ế ể ễ ệ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ',
          ruler: 'Ruler of {{dots}} dots per line: ticks every 8, long every 64',
          printer: 'Printer: {{uri}}',
          paper: 'Paper: {{paper}} mm — {{dots}} dots per line, 203 dpi',
          native: "Number in the printer's font: {{text}} · Printer's QR: {{qr}}",
          link: 'Status query: {{status}} · Printed confirmation (GS ( H): {{processId}}',
          codePage: 'Code page: {{codePage}} · Cut: {{cut}} · Cash drawer: {{drawer}}',
          yes: 'yes',
          no: 'no',
          defaultCodePage: "the printer's default",
          cutModes: { full: 'full', partial: 'partial', none: 'none' },
          qrCaption: 'Scan: must read "{{payload}}"',
        },
      },
    },
  },
};
