/** The dossiers screen's keyboard command ("go to the lookup field"), run through the shortcut registry. */
import { commandSlot } from '../../shortcuts/command-slot';

const lookup = commandSlot();

export const setDossierLookupHandler = lookup.set;
export const dossiersActive = lookup.active;
export const focusDossierLookup = lookup.run;
