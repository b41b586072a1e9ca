/**
 * Who may call the core over IPC: only the top frame of one of our own windows, showing our own origin.
 * A sub-frame, a page that navigated elsewhere, a devtools or foreign webContents is refused.
 */
import { isAllowedOrigin } from './app-origin';

/** The part of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface SenderInfo {
  /** event.sender.id */
  senderId: number;
  /** event.senderFrame (null once the frame has navigated away or been destroyed). */
  frame: FrameLike | null;
  /** event.sender.mainFrame */
  mainFrame: FrameLike | null;
}

export function isTrustedSender(sender: SenderInfo, ourWebContentsIds: ReadonlySet<number>, allowedOrigins: readonly string[]): boolean {
  if (!ourWebContentsIds.has(sender.senderId)) return false;
  const { frame, mainFrame } = sender;
  if (frame === null || mainFrame === null) return false;
  try {
    // Reading a disposed frame throws in Electron; treat that as "not trusted".
    if (frame.parent !== null) return false;
    if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
    return isAllowedOrigin(frame.url, allowedOrigins);
  } catch {
    return false;
  }
}
