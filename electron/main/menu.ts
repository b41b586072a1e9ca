/** The application menu (Vietnamese labels). The display board is opened from here, by click or accelerator. */
import type { MenuItemConstructorOptions } from 'electron';

export const DISPLAY_BOARD_ACCELERATOR = 'CmdOrCtrl+Shift+D';

export function appMenuTemplate(actions: { openDisplayBoard: () => void; isDev: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Mở bảng hiển thị (màn hình phụ)', accelerator: DISPLAY_BOARD_ACCELERATOR, click: () => actions.openDisplayBoard() },
    { type: 'separator' },
    { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' },
  ];
  if (actions.isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    { label: 'Xem', submenu: view },
  ];
}
