/** The search screen's keyboard command (F3: back to the search box), run through the shortcut registry. */
import { commandSlot } from '../../shortcuts/command-slot';

/** Where the search screen lives: under Dossiers, so the navigation keeps "Hồ sơ" current there. */
export const SEARCH_PATH = '/dossiers/search';

const box = commandSlot();

export const setSearchBoxHandler = box.set;
/** False when the search screen is not on display (the shortcut then opens it). */
export const focusSearchBox = box.run;

/** The dossier record opened at one page: its checklist item chosen and the page selected in the page grid. */
export function dossierPageHref(hit: { dossierId: string; itemCode: string; pageId: string }): string {
  const q = new URLSearchParams({ id: hit.dossierId, item: hit.itemCode, page: hit.pageId });
  return `/dossiers?${q.toString()}`;
}
