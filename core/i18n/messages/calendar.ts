import type { Messages } from '../types';

/** Working-time engine: due dates, public holidays, the official holiday file, the lunar calendar. */
export const calendar: Messages = {
  vi: {
    errors: {
      CALENDAR_FILE_INVALID:
        'Tệp lịch ngày nghỉ không hợp lệ tại mục "{{field}}" (giá trị: "{{value}}"). Tệp phải là JSON có mục "years"; mỗi năm chỉ có danh sách "holidays" (ngày nghỉ) và "workdays" (ngày làm bù); mỗi ngày viết dạng YYYY-MM-DD (ví dụ 2026-02-16), là ngày có thật và nằm đúng năm của mục đó. Hãy sửa tệp rồi nạp lại; lịch đang dùng chưa bị thay đổi.',
      CALENDAR_WINDOWS_INVALID:
        'Cấu hình giờ làm việc không hợp lệ tại mục "{{field}}" (giá trị: "{{value}}"). Mỗi khung giờ viết dạng HH:mm (ví dụ 08:00–12:00), giờ bắt đầu phải trước giờ kết thúc và các khung trong một ngày không được chồng nhau. Hãy sửa lại trong phần Cấu hình giờ làm việc.',
      CALENDAR_NO_WORKING_TIME:
        'Không tính được ngày hẹn trả vì không có giờ làm việc nào (chưa khai báo khung giờ cho ngày nào, hoặc mọi ngày đều là ngày nghỉ). Hãy khai báo giờ làm việc trong phần Cấu hình rồi thử lại.',
      CALENDAR_BAD_DATETIME:
        'Thời điểm "{{value}}" không hợp lệ. Hãy nhập ngày giờ có thật theo dạng YYYY-MM-DDTHH:mm (ví dụ 2026-03-02T08:30).',
      CALENDAR_BAD_DATE: 'Ngày "{{value}}" không hợp lệ. Hãy nhập ngày có thật theo dạng YYYY-MM-DD (ví dụ 2026-03-02).',
      CALENDAR_BAD_DURATION:
        'Thời hạn giải quyết "{{value}}" không hợp lệ. Số ngày và số giờ phải là số không âm; hãy kiểm tra lại thời hạn của thủ tục.',
      CALENDAR_BAD_LUNAR_DATE:
        'Ngày âm lịch {{day}}/{{month}}/{{year}} không tồn tại (tháng nhuận hoặc ngày 30 không có trong năm đó). Hãy kiểm tra lại ngày âm lịch.',
    },
    calendar: {
      holidays: {
        newYear: 'Tết Dương lịch',
        tetEve: 'Tết Nguyên Đán (ngày cuối năm Âm lịch)',
        tet: 'Tết Nguyên Đán (mùng {{day}})',
        hungKings: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)',
        reunification: 'Ngày Chiến thắng (30/4)',
        labour: 'Ngày Quốc tế Lao động (1/5)',
        nationalDay: 'Quốc khánh (2/9)',
        nationalDayAdjacent: 'Quốc khánh (ngày nghỉ liền kề)',
        compensatory: 'Nghỉ bù (ngày lễ {{date}} trùng ngày nghỉ hằng tuần)',
        official: 'Ngày nghỉ theo lịch chính thức',
      },
    },
  },
  en: {
    errors: {
      CALENDAR_FILE_INVALID:
        'The holiday calendar file is invalid at "{{field}}" (value: "{{value}}"). The file must be JSON with a "years" entry; each year has only the lists "holidays" (days off) and "workdays" (make-up working days); each date is written YYYY-MM-DD (e.g. 2026-02-16), is a real date and lies in the year it is listed under. Fix the file and load it again; the calendar in use is unchanged.',
      CALENDAR_WINDOWS_INVALID:
        'The working hours are invalid at "{{field}}" (value: "{{value}}"). Each window is written HH:mm (e.g. 08:00–12:00), its start must be before its end and the windows of one day must not overlap. Correct them in the working-hours settings.',
      CALENDAR_NO_WORKING_TIME:
        'The due date cannot be computed because there is no working time (no working hours set for any day, or every day is a day off). Set the working hours in the settings and try again.',
      CALENDAR_BAD_DATETIME: '"{{value}}" is not a valid date and time. Enter a real one as YYYY-MM-DDTHH:mm (e.g. 2026-03-02T08:30).',
      CALENDAR_BAD_DATE: '"{{value}}" is not a valid date. Enter a real date as YYYY-MM-DD (e.g. 2026-03-02).',
      CALENDAR_BAD_DURATION:
        'The processing time "{{value}}" is invalid. Days and hours must be non-negative numbers; check the procedure\'s processing time.',
      CALENDAR_BAD_LUNAR_DATE:
        'The lunar date {{day}}/{{month}}/{{year}} does not exist (that year has no such leap month or 30th day). Check the lunar date.',
    },
    calendar: {
      holidays: {
        newYear: "New Year's Day",
        tetEve: "Lunar New Year's Eve (last day of the lunar year)",
        tet: 'Lunar New Year (day {{day}})',
        hungKings: "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
        reunification: 'Reunification Day (30 April)',
        labour: 'International Labour Day (1 May)',
        nationalDay: 'National Day (2 September)',
        nationalDayAdjacent: 'National Day (adjacent day off)',
        compensatory: 'Compensatory day off (the holiday on {{date}} fell on a weekly day off)',
        official: 'Day off (official calendar)',
      },
    },
  },
};
