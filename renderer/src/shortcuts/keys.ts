/** Key combinations: matching a KeyboardEvent and showing the combination to people. */

export interface KeyCombo {
  /** Physical key (KeyboardEvent.code: 'Digit1', 'KeyL', 'F1'): independent of keyboard layout and IME. */
  code?: string;
  /** Produced character (KeyboardEvent.key: '?', 'Escape'): Shift is part of the character, so not compared. */
  key?: string;
  alt?: boolean;
  ctrl?: boolean;
  shift?: boolean;
}

export function matchesCombo(e: Pick<KeyboardEvent, 'code' | 'key' | 'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey'>, c: KeyCombo): boolean {
  if (e.metaKey || e.altKey !== !!c.alt || e.ctrlKey !== !!c.ctrl) return false;
  if (c.code !== undefined) return e.code === c.code && e.shiftKey === !!c.shift;
  return c.key !== undefined && e.key === c.key;
}

function keyName(c: KeyCombo): string {
  if (c.code) {
    const m = /^(?:Digit|Key)(.)$/.exec(c.code);
    return m ? m[1]! : c.code;
  }
  return c.key === 'Escape' ? 'Esc' : (c.key ?? '');
}

/** Parts of a combination in the order people write them: ['Ctrl', 'Alt', 'Shift', key]. */
export function comboParts(c: KeyCombo): string[] {
  return [c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', keyName(c)].filter((p): p is string => !!p);
}

export function comboLabel(c: KeyCombo): string {
  return comboParts(c).join('+');
}
