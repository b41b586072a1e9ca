/**
 * Wires the pure WedgeBurstDetector to a window: a keyboard-wedge scan is caught wherever focus is (a field, a
 * button, or nothing at all), its keys are kept out of the focused field, and characters that reached the field
 * before the burst was recognised are taken back out.
 *
 * Characters a keyboard cannot produce (Vietnamese letters sent as Unicode by the scanner driver, or by
 * automation) arrive without a keydown, as a `textInput` event; they are fed to the detector too, unless they are
 * just the echo of the keydown before them. Text from an input method (IME composition) is a person typing and
 * is left alone.
 */
import { WedgeBurstDetector, type WedgeBurstOptions, type WedgeScan, type WedgeVerdict } from './wedge-burst';
import { insertIntoEditable, restoreSnapshot, snapshotEditable, type EditableSnapshot } from './editable';

/** Snapshots kept per run; a QR code is at most a few hundred characters. */
const MAX_SNAPSHOTS = 4096;

export class WedgeKeyboardListener {
  private readonly detector: WedgeBurstDetector;
  /** The focused field as it was before each key of the current run, by key timestamp. */
  private snapshots: { at: number; field: EditableSnapshot | null }[] = [];
  /** The character of the last keydown let through: its textInput echo is not a second character. */
  private echo: string | null = null;
  private composing = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly target: Window,
    private readonly onScan: (scan: WedgeScan) => void,
    options: Partial<WedgeBurstOptions> = {},
  ) {
    this.detector = new WedgeBurstDetector(options);
    target.addEventListener('keydown', this.onKeyDown, true);
    target.addEventListener('textInput', this.onTextInput, true);
    target.addEventListener('compositionstart', this.onCompositionStart, true);
    target.addEventListener('compositionend', this.onCompositionEnd, true);
  }

  dispose(): void {
    this.target.removeEventListener('keydown', this.onKeyDown, true);
    this.target.removeEventListener('textInput', this.onTextInput, true);
    this.target.removeEventListener('compositionstart', this.onCompositionStart, true);
    this.target.removeEventListener('compositionend', this.onCompositionEnd, true);
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.detector.reset();
    this.snapshots = [];
  }

  private readonly onCompositionStart = (): void => {
    this.composing = true;
  };

  private readonly onCompositionEnd = (): void => {
    this.composing = false;
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.isComposing || this.composing) return;
    this.echo = null;
    const printable = [...e.key].length === 1;
    if (printable) this.remember(e.timeStamp);
    const verdict = this.detector.feed(e.key, e.timeStamp, { repeat: e.repeat, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey });
    if (printable && !verdict.swallow) this.echo = e.key;
    this.apply(verdict, e);
  };

  private readonly onTextInput = (e: Event): void => {
    const data = (e as Event & { data?: unknown }).data;
    const echo = this.echo;
    this.echo = null;
    if (this.composing || typeof data !== 'string' || [...data].length !== 1 || data === echo) return;
    this.remember(e.timeStamp);
    this.apply(this.detector.feed(data, e.timeStamp), e);
  };

  private remember(at: number): void {
    if (this.snapshots.length >= MAX_SNAPSHOTS) this.snapshots.shift();
    this.snapshots.push({ at, field: snapshotEditable(this.target.document.activeElement) });
  }

  private apply(verdict: WedgeVerdict, e: Event | null): void {
    // Released keys came before this one: insert them before this key's own default action runs.
    if (verdict.release) insertIntoEditable(this.target.document.activeElement, verdict.release);
    if (verdict.swallow && e) {
      e.preventDefault();
      e.stopPropagation();
    }
    if (verdict.scan) this.finish(verdict.scan);
    if (!this.detector.pending) this.snapshots = [];
    this.scheduleFlush();
  }

  private finish(scan: WedgeScan): void {
    if (scan.leaked > 0) {
      const first = this.snapshots.find((s) => s.at === scan.startedAt);
      if (first?.field) restoreSnapshot(first.field);
    }
    // Keys after the scan belong to the next run (a key after a pause both ends a scan and starts a run).
    this.snapshots = this.snapshots.filter((s) => s.at > scan.endedAt);
    this.onScan(scan);
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (!this.detector.pending) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.apply(this.detector.flush(performance.now()), null);
    }, this.detector.flushDelayMs);
  }
}
