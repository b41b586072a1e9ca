/**
 * THE list of keyboard shortcuts. The global key handler and the help overlay both read it, so the help can
 * never promise a key that does nothing or miss one that does something.
 */
import type { TFunction } from 'i18next';
import type { User } from '../../../core/contract/auth';
import { canOpen, SCREENS } from '../app/screens';
import { dossiersActive, focusDossierLookup } from '../screens/dossiers/commands';
import { printSlipsActive, runPrintSlips } from '../screens/printing/commands';
import { queueActive, runQueueCommand, type QueueCommand } from '../screens/queue/commands';
import { receptionActive, runReceptionCommand } from '../screens/reception/commands';
import { focusSearchBox, SEARCH_PATH } from '../screens/search/commands';
import { matchesCombo, type KeyCombo } from './keys';

export interface ShortcutContext {
  user: User | null;
  navigate(path: string): void;
  openHelp(): void;
  requestLogout(): void;
  /** Closes the open app dialog; false when none was open. */
  closeDialog(): boolean;
}

export interface Shortcut {
  id: string;
  combos: readonly KeyCombo[];
  /** Also fires while typing in a text field (keys that type nothing). */
  inTextFields: boolean;
  describe(t: TFunction): string;
  available(user: User | null): boolean;
  /** Returns false when it did nothing (the key then keeps its normal meaning). */
  run(ctx: ShortcutContext): boolean | void;
}

const screenShortcuts: Shortcut[] = SCREENS.map((screen, i) => ({
  id: `screen.${screen.id}`,
  combos: [{ code: `Digit${i + 1}`, alt: true }],
  inTextFields: true,
  describe: (t) => t('ui.shortcuts.goTo', { screen: t(`ui.nav.${screen.id}`) }),
  available: (user) => user !== null && canOpen(screen, user.role),
  run: (ctx) => {
    ctx.closeDialog();
    ctx.navigate(screen.path);
  },
}));

export const SHORTCUTS: readonly Shortcut[] = [
  ...screenShortcuts,
  {
    id: 'help',
    combos: [{ code: 'F1' }, { key: '?' }],
    inTextFields: false, // '?' types a character; F1 is special-cased below
    describe: (t) => t('ui.shortcuts.help'),
    available: () => true,
    run: (ctx) => ctx.openHelp(),
  },
  {
    id: 'logout',
    combos: [{ code: 'KeyL', ctrl: true }],
    inTextFields: true,
    describe: (t) => t('ui.shortcuts.logout'),
    available: (user) => user !== null,
    run: (ctx) => ctx.requestLogout(),
  },
  {
    id: 'closeDialog',
    combos: [{ key: 'Escape' }],
    inTextFields: true,
    describe: (t) => t('ui.shortcuts.closeDialog'),
    available: () => true,
    run: (ctx) => ctx.closeDialog(),
  },
  // Search in the pages' text (Dossiers): from anywhere; on the search screen, back to its box.
  {
    id: 'search',
    combos: [{ code: 'F3' }, { code: 'KeyK', ctrl: true }],
    inTextFields: true,
    describe: (t) => t('ocrUi.shortcuts.search'),
    available: (user) => user !== null && SCREENS.some((s) => s.id === 'dossiers' && canOpen(s, user.role)),
    run: (ctx) => {
      if (focusSearchBox()) return;
      ctx.closeDialog();
      ctx.navigate(SEARCH_PATH);
    },
  },
  // Reception screen: listed and active only while it is on display.
  {
    id: 'reception.receive',
    combos: [{ key: 'Enter', ctrl: true }],
    inTextFields: true,
    describe: (t) => t('reception.shortcuts.receive'),
    available: (user) => user !== null && receptionActive(),
    run: () => runReceptionCommand('receive'),
  },
  {
    id: 'reception.newDossier',
    combos: [{ code: 'KeyN', alt: true }],
    inTextFields: true,
    describe: (t) => t('reception.shortcuts.newDossier'),
    available: (user) => user !== null && receptionActive(),
    run: () => runReceptionCommand('newDossier'),
  },
  // Reception's done view at a counter with a receipt printer: print (or reprint) the dossier's slips.
  {
    id: 'printing.printSlips',
    combos: [{ code: 'KeyP', alt: true }],
    inTextFields: true,
    describe: (t) => t('printingUi.shortcuts.printSlips'),
    available: (user) => user !== null && printSlipsActive(),
    run: () => runPrintSlips(),
  },
  // Queue screen (issue #18): listed and active only while it is on display. F3 is search, so recall is Alt+R.
  ...(
    [
      ['callNext', { code: 'F2' }],
      ['callNumber', { code: 'KeyS', alt: true }],
      ['recall', { code: 'KeyR', alt: true }],
      ['noShow', { code: 'KeyV', alt: true }],
      ['transfer', { code: 'KeyT', alt: true }],
      ['start', { code: 'KeyB', alt: true }],
      ['finish', { code: 'KeyK', alt: true }],
      ['receive', { code: 'KeyH', alt: true }],
    ] as const satisfies readonly (readonly [QueueCommand, KeyCombo])[]
  ).map(
    ([command, combo]): Shortcut => ({
      id: `queue.${command}`,
      combos: [combo],
      inTextFields: true,
      describe: (t) => t(`queueUi.shortcuts.${command}`),
      available: (user) => user !== null && queueActive(),
      run: () => runQueueCommand(command),
    }),
  ),
  // Dossiers screen: listed and active only while it is on display.
  {
    id: 'dossiers.lookup',
    combos: [{ code: 'F2' }],
    inTextFields: true,
    describe: (t) => t('dossiersUi.shortcuts.lookup'),
    available: (user) => user !== null && dossiersActive(),
    run: () => focusDossierLookup(),
  },
];

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

/** The shortcut a key press triggers for this user, if any. While typing, only keys that type nothing count. */
export function findShortcut(e: KeyboardEvent, user: User | null): Shortcut | undefined {
  const typing = isTextEntry(e.target);
  return SHORTCUTS.find(
    (s) =>
      s.available(user) &&
      s.combos.some((c) => (!typing || s.inTextFields || /^F\d+$/.test(c.code ?? '')) && matchesCombo(e, c)),
  );
}
