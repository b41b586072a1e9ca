/**
 * Editing the focused text field from outside React: taking back characters a scanner typed into it before its
 * burst was recognised, and putting back characters swallowed from a burst that turned out to be a person.
 * Values are set through the native setter and announced with an input event, so React's onChange sees them.
 */

export type EditableElement = HTMLInputElement | HTMLTextAreaElement;

/** Input types whose value is free text with a caret. */
const TEXT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

export function asEditable(el: Element | null): EditableElement | null {
  if (el instanceof HTMLTextAreaElement) return el.readOnly || el.disabled ? null : el;
  if (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type)) return el.readOnly || el.disabled ? null : el;
  return null;
}

export interface EditableSnapshot {
  el: EditableElement;
  value: string;
  start: number | null;
  end: number | null;
}

function selection(el: EditableElement): { start: number | null; end: number | null } {
  // email and number inputs have no selection API (Chromium returns null or throws).
  try {
    return { start: el.selectionStart, end: el.selectionEnd };
  } catch {
    return { start: null, end: null };
  }
}

export function snapshotEditable(el: Element | null): EditableSnapshot | null {
  const e = asEditable(el);
  return e ? { el: e, value: e.value, ...selection(e) } : null;
}

function setCaret(el: EditableElement, at: number): void {
  try {
    el.setSelectionRange(at, at);
  } catch {
    /* no selection API for this input type */
  }
}

/** Sets the value the way typing would: React's tracker sees a change and onChange runs. */
export function setEditableValue(el: EditableElement, value: string, caret?: number): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  if (caret !== undefined) setCaret(el, caret);
}

/** Puts a field back as it was (value and caret), if it still exists. */
export function restoreSnapshot(s: EditableSnapshot): void {
  if (!s.el.isConnected || s.el.value === s.value) return;
  setEditableValue(s.el, s.value, s.start ?? s.value.length);
}

/** Inserts text at the caret of the focused field (replacing the selection), as if it had been typed. */
export function insertIntoEditable(el: Element | null, text: string): boolean {
  const e = asEditable(el);
  if (!e || text === '') return false;
  const { start, end } = selection(e);
  const from = start ?? e.value.length;
  const to = end ?? from;
  const max = e.maxLength > 0 ? e.maxLength : Infinity;
  const value = (e.value.slice(0, from) + text + e.value.slice(to)).slice(0, max);
  setEditableValue(e, value, Math.min(from + text.length, value.length));
  return true;
}
