import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-origin';
import { appOrigins } from '../../../electron/main/navigation';
import { isTrustedSender, type FrameLike } from '../../../electron/main/sender';

const origins = appOrigins(null);
const ours = new Set([7, 9]);

function frame(url: string, parent: FrameLike | null = null, ids = { processId: 3, routingId: 1 }): FrameLike {
  return { url, parent, ...ids };
}
const top = frame(`${APP_ORIGIN}/index.html#/`);

describe('IPC sender check', () => {
  it('accepts the top frame of one of our windows on our origin', () => {
    expect(isTrustedSender({ senderId: 7, frame: top, mainFrame: top }, ours, origins)).toBe(true);
    const display = frame(`${APP_ORIGIN}/index.html#/display`);
    expect(isTrustedSender({ senderId: 9, frame: display, mainFrame: display }, ours, origins)).toBe(true);
  });

  it('refuses a webContents that is not one of our windows', () => {
    expect(isTrustedSender({ senderId: 8, frame: top, mainFrame: top }, ours, origins)).toBe(false);
  });

  it('refuses a missing (navigated or destroyed) frame', () => {
    expect(isTrustedSender({ senderId: 7, frame: null, mainFrame: top }, ours, origins)).toBe(false);
    expect(isTrustedSender({ senderId: 7, frame: top, mainFrame: null }, ours, origins)).toBe(false);
  });

  it('refuses sub-frames, even on our origin', () => {
    const child = frame(`${APP_ORIGIN}/index.html`, top, { processId: 3, routingId: 2 });
    expect(isTrustedSender({ senderId: 7, frame: child, mainFrame: top }, ours, origins)).toBe(false);
    // A frame that claims no parent but is not the window's main frame is refused too.
    const detached = frame(`${APP_ORIGIN}/index.html`, null, { processId: 3, routingId: 5 });
    expect(isTrustedSender({ senderId: 7, frame: detached, mainFrame: top }, ours, origins)).toBe(false);
    // A frame with a parent is refused even if its ids were reported equal to the main frame's.
    const childSameIds = frame(`${APP_ORIGIN}/index.html`, top);
    expect(isTrustedSender({ senderId: 7, frame: childSameIds, mainFrame: top }, ours, origins)).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///home/user/page.html', 'app://other/index.html', 'about:blank', 'data:text/html,x'])(
    'refuses a top frame showing %s',
    (url) => {
      const f = frame(url);
      expect(isTrustedSender({ senderId: 7, frame: f, mainFrame: f }, ours, origins)).toBe(false);
    },
  );

  it('treats a frame that throws on access (disposed) as untrusted', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
      processId: 3,
      routingId: 1,
    };
    expect(isTrustedSender({ senderId: 7, frame: disposed, mainFrame: top }, ours, origins)).toBe(false);
  });

  it('accepts the dev server only when it is configured', () => {
    const dev = frame('http://localhost:5173/#/');
    expect(isTrustedSender({ senderId: 7, frame: dev, mainFrame: dev }, ours, origins)).toBe(false);
    expect(isTrustedSender({ senderId: 7, frame: dev, mainFrame: dev }, ours, appOrigins('http://localhost:5173/'))).toBe(true);
  });
});
