/**
 * Recognising a keyboard-wedge scanner by its typing: a burst of printable keys far faster than any person types,
 * ended by Enter (or a pause). Pure and DOM-free: the caller feeds keydown events (key, timestamp) from a
 * window-level listener, so a scan is caught whichever field has focus, and calls preventDefault() when told to
 * swallow a key.
 *
 * A burst is recognised only after `confirmAfter` keys in a row with gaps ≤ `maxGapMs` (five gaps of ≤ 35 ms is
 * beyond human typing, which runs at 100 ms and more between keys). The keys before that point have already
 * reached the focused field: the scan reports how many (`leaked`) so the caller can take them back out. Keys
 * swallowed in a burst that turns out too short for a scan are handed back (`release`) for the caller to insert.
 * A recognised burst ended by the scanner's terminator is a scan however short (a receipt QR holding a bare dossier
 * code is ~15 characters): its Enter must never reach a form.
 */

export interface WedgeBurstOptions {
  /** Shortest text that counts as a scan when the burst ends without a terminator (a pause, another key). */
  minLength: number;
  /** Shortest text that counts as a scan when a recognised burst ends with a terminator. */
  minTerminatedLength: number;
  /** Longest gap between keys before a burst is recognised. */
  maxGapMs: number;
  /** Longest gap inside a recognised burst (scanners over Bluetooth hiccup now and then). */
  burstGapMs: number;
  /** Keys in a row, all within maxGapMs, that make a burst (and from which keys are swallowed). */
  confirmAfter: number;
  /** Keys that end a scan (the scanner's suffix). */
  terminators: readonly string[];
}

export const DEFAULT_WEDGE_OPTIONS: WedgeBurstOptions = {
  minLength: 20,
  minTerminatedLength: 6,
  maxGapMs: 35,
  burstGapMs: 120,
  confirmAfter: 6,
  terminators: ['Enter'],
};

/** Keys that never break a burst: scanners press Shift for capitals. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'OS', 'Dead', 'Unidentified', 'Process']);

export interface WedgeScan {
  text: string;
  /** How many leading characters of `text` reached the focused field before the burst was recognised. */
  leaked: number;
  /** A terminator key, a pause (flush or a late key), or another non-printable key / shortcut. */
  terminatedBy: 'terminator' | 'pause' | 'key';
  startedAt: number;
  endedAt: number;
}

export interface WedgeVerdict {
  /** The caller should preventDefault() this key. */
  swallow: boolean;
  /** A scan that this event (or the pause before it) completed. */
  scan: WedgeScan | null;
  /** Keys swallowed earlier that turned out not to be a scan: insert them where they were going. */
  release: string;
}

export interface KeyFlags {
  /** KeyboardEvent.repeat: a held key, never a scanner. */
  repeat?: boolean;
  /** A shortcut (Ctrl/Meta/Alt held) ends any burst. */
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const NOTHING: WedgeVerdict = { swallow: false, scan: null, release: '' };

export class WedgeBurstDetector {
  readonly options: WedgeBurstOptions;
  private chars: string[] = [];
  private startedAt = 0;
  private lastAt = 0;
  private confirmed = false;
  private leaked = 0;

  constructor(options: Partial<WedgeBurstOptions> = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
    if (this.options.confirmAfter < 2) throw new RangeError('confirmAfter must be at least 2');
    if (this.options.minLength < this.options.confirmAfter) throw new RangeError('minLength must be at least confirmAfter');
    if (this.options.minTerminatedLength < this.options.confirmAfter) throw new RangeError('minTerminatedLength must be at least confirmAfter');
  }

  /** How long after the last key the caller should call flush() to end a burst that has no terminator. */
  get flushDelayMs(): number {
    return this.options.burstGapMs + 1;
  }

  /** True while keys of a possible burst are held. */
  get pending(): boolean {
    return this.chars.length > 0;
  }

  /** Feed one keydown (KeyboardEvent.key and timeStamp in ms). */
  feed(key: string, timestamp: number, flags: KeyFlags = {}): WedgeVerdict {
    if (MODIFIERS.has(key)) return NOTHING;
    const gap = timestamp - this.lastAt;
    const inBurst = this.chars.length > 0 && gap <= (this.confirmed ? this.options.burstGapMs : this.options.maxGapMs);

    if (this.options.terminators.includes(key)) {
      if (inBurst && this.confirmed && this.chars.length >= Math.min(this.options.minLength, this.options.minTerminatedLength)) {
        return { swallow: true, scan: this.take('terminator', timestamp), release: '' };
      }
      return { ...this.end(timestamp, inBurst ? 'key' : 'pause'), swallow: false };
    }

    const printable = [...key].length === 1;
    if (!printable || flags.repeat === true || flags.ctrlKey === true || flags.metaKey === true || flags.altKey === true) {
      return { ...this.end(timestamp, inBurst ? 'key' : 'pause'), swallow: false };
    }

    // A key after a gap starts a new run; the old one ended with a pause.
    const ended = inBurst ? NOTHING : this.end(this.lastAt, 'pause');
    if (this.chars.length === 0) this.startedAt = timestamp;
    this.chars.push(key);
    this.lastAt = timestamp;
    if (!this.confirmed && this.chars.length >= this.options.confirmAfter) {
      this.confirmed = true;
      this.leaked = this.chars.length - 1;
    }
    return { swallow: this.confirmed, scan: ended.scan, release: ended.release };
  }

  /** Call when no key came for flushDelayMs: ends a burst that had no terminator. */
  flush(timestamp: number): WedgeVerdict {
    if (this.chars.length === 0) return NOTHING;
    const limit = this.confirmed ? this.options.burstGapMs : this.options.maxGapMs;
    if (timestamp - this.lastAt <= limit) return NOTHING;
    return this.end(timestamp, 'pause');
  }

  reset(): void {
    this.chars = [];
    this.confirmed = false;
    this.leaked = 0;
  }

  /** End the current run: a scan if it was a long enough burst, else hand back what was swallowed. */
  private end(timestamp: number, by: WedgeScan['terminatedBy']): WedgeVerdict {
    if (this.chars.length === 0) return NOTHING;
    if (this.confirmed && this.chars.length >= this.options.minLength) {
      return { swallow: false, scan: this.take(by, Math.min(timestamp, this.lastAt)), release: '' };
    }
    const release = this.confirmed ? this.chars.slice(this.leaked).join('') : '';
    this.reset();
    return { swallow: false, scan: null, release };
  }

  private take(terminatedBy: WedgeScan['terminatedBy'], endedAt: number): WedgeScan {
    const scan: WedgeScan = { text: this.chars.join(''), leaked: this.leaked, terminatedBy, startedAt: this.startedAt, endedAt };
    this.reset();
    return scan;
  }
}
