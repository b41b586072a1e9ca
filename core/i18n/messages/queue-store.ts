import type { Messages } from '../types';

/** Issue #18: the queue's stores (SQLite, PostgreSQL): numbering, calling, ticket states. Vietnamese first, English beside it. */
export const queueStore: Messages = {
  vi: {
    errors: {
      QUEUE_DAILY_CAP_REACHED: 'Dịch vụ "{{name}}" đã cấp đủ {{cap}} số thứ tự trong hôm nay. Mời công dân quay lại vào ngày làm việc tiếp theo.',
      QUEUE_TICKET_NOT_FOUND: 'Không tìm thấy số thứ tự "{{number}}" trong hôm nay. Hãy kiểm tra lại số (ví dụ A023 hoặc 1023).',
      QUEUE_TICKET_NOT_WAITING: 'Số {{number}} không còn chờ gọi (trạng thái: $t(queueStates.{{state}})).',
      QUEUE_TICKET_NOT_CALLED: 'Số {{number}} chưa được quầy này gọi nên không làm được việc này (trạng thái: $t(queueStates.{{state}})).',
      QUEUE_TICKET_ENDED: 'Số {{number}} đã kết thúc ($t(queueStates.{{state}})), không thay đổi được nữa.',
      QUEUE_TICKET_OTHER_SERVICE: 'Số {{number}} thuộc dịch vụ "{{service}}", quầy {{counter}} không phục vụ dịch vụ này.',
      QUEUE_TICKET_FOR_OTHER_COUNTER: 'Số {{number}} đã được chuyển tới quầy {{counter}}; chỉ quầy đó gọi được số này.',
      QUEUE_DATABASE_UNAVAILABLE: 'Không kết nối được cơ sở dữ liệu hàng đợi (PostgreSQL) của trung tâm: {{detail}}. Hãy kiểm tra máy chủ và mạng.',
    },
    queueStates: {
      waiting: 'đang chờ',
      called: 'đã gọi',
      serving: 'đang phục vụ',
      done: 'đã xong',
      no_show: 'vắng mặt',
    },
  },
  en: {
    errors: {
      QUEUE_DAILY_CAP_REACHED: 'The service "{{name}}" has issued all {{cap}} tickets for today. Please come back on the next working day.',
      QUEUE_TICKET_NOT_FOUND: 'No ticket "{{number}}" today. Check the number (for example A023 or 1023).',
      QUEUE_TICKET_NOT_WAITING: 'Ticket {{number}} is no longer waiting to be called (state: $t(queueStates.{{state}})).',
      QUEUE_TICKET_NOT_CALLED: 'Ticket {{number}} has not been called by this counter, so this cannot be done (state: $t(queueStates.{{state}})).',
      QUEUE_TICKET_ENDED: 'Ticket {{number}} has ended ($t(queueStates.{{state}})) and can no longer be changed.',
      QUEUE_TICKET_OTHER_SERVICE: 'Ticket {{number}} belongs to the service "{{service}}", which counter {{counter}} does not serve.',
      QUEUE_TICKET_FOR_OTHER_COUNTER: 'Ticket {{number}} was transferred to counter {{counter}}; only that counter can call it.',
      QUEUE_DATABASE_UNAVAILABLE: 'Cannot reach the centre\'s queue database (PostgreSQL): {{detail}}. Check the server and the network.',
    },
    queueStates: {
      waiting: 'waiting',
      called: 'called',
      serving: 'being served',
      done: 'done',
      no_show: 'no-show',
    },
  },
};
