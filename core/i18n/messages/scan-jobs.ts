import type { Messages } from '../types';

/**
 * Scan jobs (issue #14): pages streamed from a scanner into a dossier's checklist item or the clerk's tray. Every
 * message about a stopped job says that the pages already received are kept, and what to do next.
 */
export const scanJobs: Messages = {
  vi: {
    errors: {
      SCAN_INTERRUPTED:
        'Lần quét trước bị gián đoạn vì phần mềm đã tắt đột ngột khi đang quét. {{received}} trang đã nhận vẫn được giữ; hãy đặt các trang chưa quét vào khay rồi bấm Tiếp tục để quét tiếp vào cùng chỗ.',
      SCAN_JOB_NOT_FOUND: 'Không tìm thấy lượt quét "{{jobId}}" (có thể phần mềm đã khởi động lại). Hãy xem các trang đã quét trong hồ sơ.',
      SCAN_BATCH_NOT_FOUND: 'Không tìm thấy lô quét "{{batchId}}" để quét tiếp. Hãy bắt đầu một lượt quét mới.',
      SCAN_BATCH_MISMATCH: 'Lô quét "{{batchId}}" thuộc chỗ khác (hồ sơ hoặc khay khác); chỉ quét tiếp vào đúng chỗ của lô đó.',
      SCAN_BATCH_RUNNING: 'Lô quét "{{batchId}}" đang quét dở; chờ lượt quét đó dừng rồi mới quét tiếp.',
      SCAN_DOSSIER_NOT_RECEIVED: 'Hồ sơ {{code}} đang ở trạng thái "{{state}}": chỉ quét giấy tờ vào hồ sơ đã tiếp nhận, chưa chuyển đi.',
      SCAN_NO_ITEM: 'Hồ sơ {{code}} không có thành phần nào để quét vào; hãy chỉ rõ thành phần (ví dụ KHAC cho giấy tờ khác).',
    },
    scanJobs: {
      cli: {
        completed: 'Đã quét xong {{count}} trang vào hồ sơ {{code}}.',
        stopped: 'Máy quét dừng; {{count}} trang đã nhận vẫn được lưu trong hồ sơ {{code}}.',
      },
    },
  },
  en: {
    errors: {
      SCAN_INTERRUPTED:
        'The previous scan was interrupted because the program stopped suddenly while scanning. The {{received}} pages received are kept; put the pages not yet scanned in the feeder and press Continue to scan on into the same place.',
      SCAN_JOB_NOT_FOUND: 'There is no scan job "{{jobId}}" (the program may have restarted). Look at the pages scanned in the dossier.',
      SCAN_BATCH_NOT_FOUND: 'There is no scan batch "{{batchId}}" to continue. Start a new scan.',
      SCAN_BATCH_MISMATCH: 'Scan batch "{{batchId}}" belongs elsewhere (another dossier or tray); a batch continues only into its own place.',
      SCAN_BATCH_RUNNING: 'Scan batch "{{batchId}}" is still scanning; wait until that scan stops before continuing it.',
      SCAN_DOSSIER_NOT_RECEIVED: 'Dossier {{code}} is in state "{{state}}": pages are scanned only into a dossier that is received and not yet sent on.',
      SCAN_NO_ITEM: 'Dossier {{code}} has no checklist item to scan into; name the item (for example KHAC for other documents).',
    },
    scanJobs: {
      cli: {
        completed: 'Scanned {{count}} pages into dossier {{code}}.',
        stopped: 'The scanner stopped; the {{count}} pages received are kept in dossier {{code}}.',
      },
    },
  },
};
