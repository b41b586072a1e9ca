import type { Messages } from '../types';

/**
 * Issue #14 (separators): Vietnamese first, English beside it. The printed sheets carry both languages whatever the
 * counter's language, so `separators.sheet` is read in each locale by sheet.ts.
 */
export const separators: Messages = {
  vi: {
    errors: {
      CATALOGUE_PROCEDURE_CODE_NOT_FOUND: 'Danh mục không có thủ tục mã "{{code}}". Hãy tìm lại thủ tục trong danh mục rồi in tờ phân cách.',
      CATALOGUE_PROCEDURE_CODE_AMBIGUOUS:
        'Mã thủ tục "{{code}}" có ở nhiều cơ quan ({{agencies}}). Hãy chọn cơ quan (agencyCode) rồi in lại tờ phân cách.',
    },
    separators: {
      sheet: {
        fileName: 'to-phan-cach',
        patchTitle: 'TỜ PHÂN CÁCH',
        patchSubtitle: 'Chuyển sang thành phần hồ sơ tiếp theo',
        patchHelp:
          'Khi quét nhiều giấy tờ một lần bằng khay nạp giấy tự động, đặt tờ này trước mỗi giấy tờ mới. Các trang sau tờ này được xếp vào thành phần hồ sơ tiếp theo trong danh mục; sau thành phần cuối cùng là "Giấy tờ khác". Tờ phân cách được giữ lại trong lần quét nhưng không tính là trang của giấy tờ nào. In tờ này một lần và dùng lại nhiều lần.',
        itemTitle: 'TỜ PHÂN CÁCH THÀNH PHẦN HỒ SƠ',
        procedure: 'Thủ tục {{code}}: {{name}}',
        itemHeading: 'Thành phần {{n}}/{{total}} · mã {{code}}',
        otherHeading: 'Ngoài danh mục · mã {{code}}',
        otherName: 'Giấy tờ khác (không có trong danh mục thành phần hồ sơ)',
        itemHelp:
          'Đặt tờ này ngay trước các trang của thành phần hồ sơ này khi quét bằng khay nạp giấy tự động. Các trang sau tờ này được xếp vào thành phần ghi trên tờ, cho đến tờ phân cách tiếp theo. Tờ này chỉ dùng cho thủ tục ghi ở trên; dùng cho thủ tục khác thì các trang được xếp vào "Giấy tờ khác".',
        footer: 'MotCua Desk · tờ phân cách khi quét, không phải giấy tờ của hồ sơ',
      },
    },
  },
  en: {
    errors: {
      CATALOGUE_PROCEDURE_CODE_NOT_FOUND: 'The catalogue has no procedure "{{code}}". Search the catalogue again, then print the separator sheets.',
      CATALOGUE_PROCEDURE_CODE_AMBIGUOUS: 'Procedure code "{{code}}" exists at several agencies ({{agencies}}). Choose the agency (agencyCode) and print again.',
    },
    separators: {
      sheet: {
        fileName: 'separator-sheets',
        patchTitle: 'SEPARATOR SHEET (PATCH-T)',
        patchSubtitle: 'Next checklist item',
        patchHelp:
          'When scanning many documents at once through the automatic document feeder, put this sheet in front of each new document. The pages after it go to the next item of the checklist; after the last item, to "Other documents". The sheet is kept with the scan but counts as no document\'s page. Print it once and reuse it.',
        itemTitle: 'CHECKLIST ITEM SEPARATOR SHEET',
        procedure: 'Procedure {{code}}: {{name}}',
        itemHeading: 'Item {{n}} of {{total}} · code {{code}}',
        otherHeading: 'Not on the checklist · code {{code}}',
        otherName: 'Other documents (not on the checklist)',
        itemHelp:
          'Put this sheet right before the pages of this checklist item when scanning through the automatic document feeder. The pages after it go to the item printed here, up to the next separator sheet. It belongs to the procedure above; with another procedure its pages go to "Other documents".',
        footer: 'MotCua Desk · scanning separator sheet, not a document of the dossier',
      },
    },
  },
};
