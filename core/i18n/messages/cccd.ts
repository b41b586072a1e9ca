import type { Messages } from '../types';

/** Reading the applicant from the CCCD QR code, and the HID POS scanner that reads it. */
export const cccd: Messages = {
  vi: {
    errors: {
      CCCD_MALFORMED:
        'Mã QR vừa quét không phải mã QR của thẻ Căn cước/CCCD (cần ít nhất 7 trường ngăn bởi dấu "|", đọc được {{fieldCount}}). Hãy quét lại mã QR ở mặt sau thẻ; nếu vẫn lỗi, nhập tay thông tin in trên thẻ.',
      CCCD_BAD_ID_NUMBER:
        'Số định danh cá nhân trong mã QR không hợp lệ ("{{value}}"): phải gồm đúng 12 chữ số. Hãy quét lại; nếu vẫn lỗi, nhập tay số in trên thẻ.',
      CCCD_BAD_PROVINCE:
        'Số định danh cá nhân bắt đầu bằng mã tỉnh "{{code}}" không có trong danh mục mã tỉnh của Bộ Công an, nên không thể là số thẻ thật. Hãy quét lại; nếu vẫn lỗi, đối chiếu thẻ gốc và nhập tay.',
      CCCD_BAD_OLD_ID:
        'Số CMND cũ trong mã QR không hợp lệ ("{{value}}"): phải để trống hoặc gồm đúng 9 chữ số. Hãy quét lại hoặc nhập tay.',
      CCCD_BAD_NAME: 'Mã QR không có họ và tên. Hãy quét lại; nếu vẫn lỗi, nhập tay họ tên in trên thẻ.',
      CCCD_BAD_DATE:
        'Ngày trong mã QR không hợp lệ ("{{value}}"): ngày không có thật, ở tương lai, trước năm 1900, hoặc ngày cấp trước ngày sinh. Hãy quét lại; nếu vẫn lỗi, nhập tay ngày in trên thẻ.',
      CCCD_BAD_GENDER: 'Giới tính trong mã QR không hợp lệ ("{{value}}"): phải là "Nam" hoặc "Nữ". Hãy quét lại hoặc nhập tay.',
      CCCD_BAD_ADDRESS: 'Mã QR không có nơi thường trú. Hãy quét lại; nếu vẫn lỗi, nhập tay địa chỉ in trên thẻ.',
      CCCD_MANGLED:
        'Máy quét đang giả lập bàn phím nên làm hỏng chữ tiếng Việt trong mã QR (mất dấu, thành dấu "?" hoặc sai ký tự). Dữ liệu này KHÔNG được lưu. Hãy chuyển máy quét sang chế độ HID POS (hoặc cổng COM ảo/USB serial) theo sách hướng dẫn của máy rồi quét lại; trong lúc chờ, nhập tay thông tin từ thẻ.',
      CCCD_SCANNER_UNAVAILABLE:
        'Máy này chưa có thành phần đọc máy quét HID POS (node-hid). Hãy báo quản trị cài đặt lại phần mềm; trong lúc chờ, nhập tay thông tin từ thẻ.',
      CCCD_SCANNER_NOT_FOUND:
        'Không tìm thấy máy quét mã vạch ở chế độ HID POS. Hãy kiểm tra cáp USB và chuyển máy quét sang chế độ HID POS theo sách hướng dẫn của máy.',
      CCCD_SCANNER_OPEN_FAILED:
        'Không mở được máy quét "{{device}}" (có thể đang được chương trình khác dùng hoặc thiếu quyền truy cập). Hãy đóng chương trình kia hoặc rút ra cắm lại máy quét rồi thử lại.',
      CCCD_SCANNER_DISCONNECTED:
        'Mất kết nối với máy quét "{{device}}". Hãy kiểm tra cáp USB (hoặc pin, nếu là máy không dây) rồi quét lại.',
      CCCD_SCANNER_BAD_REPORT:
        'Máy quét gửi dữ liệu không đúng chuẩn HID POS. Hãy quét lại; nếu vẫn lỗi, kiểm tra chế độ HID POS của máy quét.',
      CCCD_SCANNER_NOT_UTF8:
        'Dữ liệu máy quét gửi không phải văn bản UTF-8 nên không đọc được. Hãy quét lại; nếu vẫn lỗi, nhập tay thông tin từ thẻ.',
    },
    cccd: {
      warnings: {
        CCCD_WARN_GENDER_MISMATCH:
          'Chữ số thứ 4 của số định danh không khớp với giới tính ghi trên thẻ. Hãy đối chiếu với thẻ gốc trước khi tiếp nhận.',
        CCCD_WARN_BIRTH_YEAR_MISMATCH:
          'Các chữ số 4–6 của số định danh không khớp với năm sinh ghi trên thẻ. Hãy đối chiếu với thẻ gốc trước khi tiếp nhận.',
        CCCD_WARN_REPAIRED_ENCODING:
          'Máy quét đã đọc sai bảng mã; phần mềm đã khôi phục chính xác nội dung tiếng Việt. Nên chuyển máy quét sang chế độ HID POS để tránh lỗi này.',
      },
      dateProblem: {
        invalid: 'Ngày không có thật.',
        future: 'Ngày ở tương lai.',
        before_1900: 'Ngày sinh trước năm 1900.',
        before_birth: 'Ngày cấp trước ngày sinh.',
      },
      mangledReason: {
        replacement_character: 'Có ký tự bị thay bằng dấu "?".',
        unexpected_character: 'Có ký tự lạ, không phải chữ tiếng Việt.',
        digit_in_name: 'Họ tên có chữ số.',
        missing_vowel: 'Có chữ bị mất nguyên âm.',
        missing_letters: 'Có chữ bị mất chữ cái tiếng Việt.',
        stripped_marks: 'Chữ bị mất dấu tiếng Việt.',
        telex: 'Chữ còn nguyên phím gõ Telex.',
        vni: 'Chữ còn nguyên phím gõ VNI.',
        keyboard_layout: 'Chữ số bị đổi thành ký hiệu do kiểu bàn phím.',
        ambiguous_encoding: 'Bảng mã sai nhưng không khôi phục chắc chắn được.',
      },
    },
  },
  en: {
    errors: {
      CCCD_MALFORMED:
        'The scanned QR code is not the QR code of a citizen ID card (it needs at least 7 fields separated by "|"; {{fieldCount}} were read). Scan the QR code on the back of the card again; if it still fails, type the details printed on the card.',
      CCCD_BAD_ID_NUMBER:
        'The personal ID number in the QR code is invalid ("{{value}}"): it must be exactly 12 digits. Scan again; if it still fails, type the number printed on the card.',
      CCCD_BAD_PROVINCE:
        'The personal ID number starts with province code "{{code}}", which is not in the Ministry of Public Security list, so it cannot be a real card number. Scan again; if it still fails, check the card and type it.',
      CCCD_BAD_OLD_ID:
        'The old ID number in the QR code is invalid ("{{value}}"): it must be empty or exactly 9 digits. Scan again or type it.',
      CCCD_BAD_NAME: 'The QR code has no full name. Scan again; if it still fails, type the name printed on the card.',
      CCCD_BAD_DATE:
        'A date in the QR code is invalid ("{{value}}"): not a real date, in the future, before 1900, or an issue date before the birth date. Scan again; if it still fails, type the date printed on the card.',
      CCCD_BAD_GENDER: 'The gender in the QR code is invalid ("{{value}}"): it must be "Nam" or "Nữ". Scan again or type it.',
      CCCD_BAD_ADDRESS: 'The QR code has no permanent address. Scan again; if it still fails, type the address printed on the card.',
      CCCD_MANGLED:
        'The scanner is emulating a keyboard and has damaged the Vietnamese text of the QR code (marks lost, letters turned into "?" or wrong characters). This data is NOT saved. Switch the scanner to HID POS mode (or virtual COM / USB serial) as its manual explains and scan again; meanwhile, type the details from the card.',
      CCCD_SCANNER_UNAVAILABLE:
        'This computer lacks the HID POS scanner component (node-hid). Ask the administrator to reinstall the software; meanwhile, type the details from the card.',
      CCCD_SCANNER_NOT_FOUND:
        'No barcode scanner in HID POS mode was found. Check the USB cable and switch the scanner to HID POS mode as its manual explains.',
      CCCD_SCANNER_OPEN_FAILED:
        'The scanner "{{device}}" could not be opened (another program may be using it, or access is denied). Close the other program or unplug and replug the scanner, then try again.',
      CCCD_SCANNER_DISCONNECTED: 'The connection to scanner "{{device}}" was lost. Check the USB cable (or the battery of a cordless scanner) and scan again.',
      CCCD_SCANNER_BAD_REPORT: 'The scanner sent data that does not follow HID POS. Scan again; if it still fails, check the scanner\'s HID POS mode.',
      CCCD_SCANNER_NOT_UTF8: 'The scanner sent data that is not UTF-8 text and cannot be read. Scan again; if it still fails, type the details from the card.',
    },
    cccd: {
      warnings: {
        CCCD_WARN_GENDER_MISMATCH: 'Digit 4 of the ID number does not match the gender on the card. Check the original card before receiving.',
        CCCD_WARN_BIRTH_YEAR_MISMATCH: 'Digits 4–6 of the ID number do not match the birth year on the card. Check the original card before receiving.',
        CCCD_WARN_REPAIRED_ENCODING:
          'The scanner used the wrong character set; the Vietnamese text was restored exactly. Switch the scanner to HID POS mode to avoid this.',
      },
      dateProblem: {
        invalid: 'The date does not exist.',
        future: 'The date is in the future.',
        before_1900: 'The birth date is before 1900.',
        before_birth: 'The issue date is before the birth date.',
      },
      mangledReason: {
        replacement_character: 'Some letters were replaced by "?".',
        unexpected_character: 'There are stray characters that are not Vietnamese letters.',
        digit_in_name: 'The name contains digits.',
        missing_vowel: 'Some words lost their vowels.',
        missing_letters: 'Some words lost Vietnamese letters.',
        stripped_marks: 'Words lost their Vietnamese marks.',
        telex: 'Words still hold raw Telex keystrokes.',
        vni: 'Words still hold raw VNI keystrokes.',
        keyboard_layout: 'Digits were turned into symbols by the keyboard layout.',
        ambiguous_encoding: 'The character set was wrong and cannot be restored with certainty.',
      },
    },
  },
};
