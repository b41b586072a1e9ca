/** Printing's keyboard command: Alt+P prints the slips of the dossier on the done view (reception), when shown. */
import { commandSlot } from '../../shortcuts/command-slot';

const printSlips = commandSlot();

export const setPrintSlipsHandler = printSlips.set;
export const printSlipsActive = printSlips.active;
export const runPrintSlips = printSlips.run;
