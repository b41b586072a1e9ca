/**
 * Where the display board (the queue screen facing citizens) goes: full screen on a secondary display when
 * one is connected, otherwise an ordinary window on the clerk's screen.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DisplayLike {
  id: number;
  bounds: Rect;
}

export interface DisplayBoardPlacement {
  bounds: Rect;
  fullscreen: boolean;
}

const WINDOWED_SIZE = { width: 1280, height: 720 };

export function displayBoardPlacement(displays: readonly DisplayLike[], primaryId: number): DisplayBoardPlacement {
  const secondary = displays.find((d) => d.id !== primaryId);
  if (secondary) return { bounds: { ...secondary.bounds }, fullscreen: true };
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  const area = primary?.bounds ?? { x: 0, y: 0, ...WINDOWED_SIZE };
  const width = Math.min(WINDOWED_SIZE.width, area.width);
  const height = Math.min(WINDOWED_SIZE.height, area.height);
  return {
    bounds: {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
    },
    fullscreen: false,
  };
}
