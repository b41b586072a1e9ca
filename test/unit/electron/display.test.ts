import { describe, expect, it } from 'vitest';
import { displayBoardPlacement } from '../../../electron/main/display';

const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const tv = { id: 2, bounds: { x: 1920, y: 0, width: 1366, height: 768 } };

describe('display board placement', () => {
  it('goes full screen on the secondary display when there is one', () => {
    expect(displayBoardPlacement([primary, tv], 1)).toEqual({ bounds: tv.bounds, fullscreen: true });
    expect(displayBoardPlacement([tv, primary], 1)).toEqual({ bounds: tv.bounds, fullscreen: true });
  });

  it('opens a centred window on the only display', () => {
    const p = displayBoardPlacement([primary], 1);
    expect(p.fullscreen).toBe(false);
    expect(p.bounds).toEqual({ x: 320, y: 180, width: 1280, height: 720 });
  });

  it('fits a small screen and survives an empty display list', () => {
    const small = { id: 5, bounds: { x: 0, y: 0, width: 1024, height: 600 } };
    expect(displayBoardPlacement([small], 5).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
    expect(displayBoardPlacement([], 1)).toEqual({ bounds: { x: 0, y: 0, width: 1280, height: 720 }, fullscreen: false });
  });
});
