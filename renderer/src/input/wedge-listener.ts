/**
 * Wires the pure WedgeBurstDetector to a window: a keyboard-wedge scan is caught wherever focus is (a field, a
 * button, or nothing at all), its keys are kept out of the focused field, characters that reached the field
 * before the burst was recognised are taken back out, and its Enter is swallowed (it never submits a form).
 * A scan is never typing, whether or not a screen wants it: what to do with it is the scan router's business.
 *
 * Characters a keyboard cannot produce (Vietnamese letters sent as Unicode by the scanner driver, or by
 * automation) arrive without a keydown, as a `textInput` event; they are fed to the detector too, unless they are
 * just the echo of the keydown before them. Text from an input method (IME composition) is a person typing and
 * is left alone.
 *
 * The detector recognises a burst only after a few keys all within its tightest gap; a scanner (or a busy
 * machine) that hesitates among the first keys would lose them. Keys just before a recognised burst, in an
 * unbroken run (no Enter, Tab, shortcut or click) each within PREFIX_GAP_MS of the next, are therefore
 * taken as the start of the scan too. A focus change inside a run does not break it: screens move focus in
 * answer to a key (type-to-search sends the first key to the lookup field), so the scan's first keys may land in
 * a field that had no focus when the run began; the field is remembered as it was when focus reached it, and put
 * back as it was. That window can be generous: a person's last key before a scan comes
 * seconds earlier (the scanner has to be picked up and aimed), never a fraction of a second.
 */
import { WedgeBurstDetector, type WedgeBurstOptions, type WedgeScan, type WedgeVerdict } from './wedge-burst';
import { asEditable, insertIntoEditable, restoreSnapshot, snapshotEditable, type EditableElement, type EditableSnapshot } from './editable';

/** Longest gap between keys just before a recognised burst that still makes them part of it. */
const PREFIX_GAP_MS = 250;

/** Keys remembered; a QR code is at most a few hundred characters. */
const MAX_HISTORY = 1024;

/** Keys that neither type nor interrupt (the detector ignores them too): scanners press Shift for capitals. */
const SILENT_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'OS', 'Dead', 'Unidentified', 'Process']);

interface Typed {
  /** The character, or null for a key that breaks a run (Enter, Tab, a shortcut…). */
  key: string | null;
  at: number;
  /** The focused field before this key reached it. */
  field: EditableSnapshot | null;
}

export class WedgeKeyboardListener {
  private readonly detector: WedgeBurstDetector;
  /** Recent keys with the focused field as it was before each. */
  private history: Typed[] = [];
  /** The character of the last keydown let through: its textInput echo is not a second character. */
  private echo: string | null = null;
  private composing = false;
  /** Fields focus entered, each as it was then (restored when the keys that reached it turn out to be a scan). */
  private entered: { at: number; field: EditableSnapshot }[] = [];
  /** The field the swallowed keys of the current run were going to (where a release puts them back). */
  private swallowedFor: EditableElement | null | undefined = undefined;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly target: Window,
    /** Every recognised scan; its characters never stay in (or go back to) a field. */
    private readonly onScan: (scan: WedgeScan) => void,
    options: Partial<WedgeBurstOptions> = {},
  ) {
    this.detector = new WedgeBurstDetector(options);
    target.addEventListener('keydown', this.onKeyDown, true);
    target.addEventListener('textInput', this.onTextInput, true);
    target.addEventListener('compositionstart', this.onCompositionStart, true);
    target.addEventListener('compositionend', this.onCompositionEnd, true);
    target.addEventListener('mousedown', this.onLeave, true);
    target.addEventListener('focusin', this.onFocusIn, true);
  }

  dispose(): void {
    this.target.removeEventListener('keydown', this.onKeyDown, true);
    this.target.removeEventListener('textInput', this.onTextInput, true);
    this.target.removeEventListener('compositionstart', this.onCompositionStart, true);
    this.target.removeEventListener('compositionend', this.onCompositionEnd, true);
    this.target.removeEventListener('mousedown', this.onLeave, true);
    this.target.removeEventListener('focusin', this.onFocusIn, true);
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.detector.reset();
    this.history = [];
    this.entered = [];
  }

  private readonly onCompositionStart = (): void => {
    this.composing = true;
  };

  private readonly onCompositionEnd = (): void => {
    this.composing = false;
  };

  private readonly onFocusIn = (e: Event): void => {
    const field = snapshotEditable(e.target as Element | null);
    if (!field) return;
    if (this.entered.length >= 32) this.entered.shift();
    this.entered.push({ at: e.timeStamp, field });
  };

  /** A click ends the run now, so swallowed keys go back to their field before focus changes. */
  private readonly onLeave = (e: Event): void => {
    this.remember(null, e.timeStamp); // keys on either side of a click are never one scan
    if (this.detector.pending) this.apply(this.detector.flush(performance.now() + this.detector.flushDelayMs), null);
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.isComposing || this.composing) return;
    this.echo = null;
    const printable = [...e.key].length === 1;
    const plain = printable && !e.repeat && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (!SILENT_KEYS.has(e.key)) this.remember(plain ? e.key : null, e.timeStamp);
    const verdict = this.detector.feed(e.key, e.timeStamp, { repeat: e.repeat, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey });
    if (printable && !verdict.swallow) this.echo = e.key;
    this.apply(verdict, e);
  };

  private readonly onTextInput = (e: Event): void => {
    const data = (e as Event & { data?: unknown }).data;
    const echo = this.echo;
    this.echo = null;
    if (this.composing || typeof data !== 'string' || [...data].length !== 1 || data === echo) return;
    this.remember(data, e.timeStamp);
    this.apply(this.detector.feed(data, e.timeStamp), e);
  };

  private remember(key: string | null, at: number): void {
    if (this.history.length >= MAX_HISTORY) this.history.splice(0, this.history.length - MAX_HISTORY + 1);
    this.history.push({ key, at, field: key === null ? null : snapshotEditable(this.target.document.activeElement) });
  }

  private apply(verdict: WedgeVerdict, e: Event | null): void {
    // Released keys came before this one: insert them before this key's own default action runs.
    if (verdict.release) {
      const into = this.swallowedFor?.isConnected ? this.swallowedFor : this.target.document.activeElement;
      insertIntoEditable(into, verdict.release);
    }
    if (verdict.release || verdict.scan) this.swallowedFor = undefined;
    if (verdict.swallow && e) {
      if (this.swallowedFor === undefined) this.swallowedFor = asEditable(this.target.document.activeElement);
      e.preventDefault();
      e.stopPropagation();
    }
    if (verdict.scan) this.finish(verdict.scan);
    this.scheduleFlush();
  }

  private finish(scan: WedgeScan): void {
    let first = -1;
    for (let i = this.history.length - 1; i >= 0; i--) {
      if (this.history[i]!.at === scan.startedAt && this.history[i]!.key !== null) {
        first = i;
        break;
      }
    }
    let result = scan;
    const before: EditableSnapshot[] = [];
    if (first >= 0) {
      // Keys just before the burst, each within the burst gap of the next, belong to the scan.
      const gap = Math.max(PREFIX_GAP_MS, this.detector.options.burstGapMs);
      let start = first;
      while (start > 0 && this.history[start - 1]!.key !== null && this.history[start]!.at - this.history[start - 1]!.at <= gap) start--;
      const prefix = this.history.slice(start, first).map((h) => h.key).join('');
      result = { ...scan, text: prefix + scan.text, leaked: scan.leaked + prefix.length, startedAt: this.history[start]!.at };
      const head = this.history[start]!;
      if (head.field) before.push(head.field);
      // Fields focus entered during the scan, as they were then, unless already known from an earlier moment.
      for (const f of this.entered) {
        if (f.at >= head.at && f.at <= scan.endedAt && !before.some((b) => b.el === f.field.el)) before.push(f.field);
      }
    }
    this.entered = this.entered.filter((f) => f.at > scan.endedAt);
    // Keys after the scan belong to the next run (a key after a pause both ends a scan and starts a run).
    this.history = this.history.filter((h) => h.at > scan.endedAt);
    // The characters that reached the field before the burst was recognised come back out, before the scan is
    // handled (a handler may fill this very field).
    if (result.leaked > 0) for (const b of before) restoreSnapshot(b);
    this.onScan(result);
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
