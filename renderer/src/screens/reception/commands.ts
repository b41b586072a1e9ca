/** The Reception screen's keyboard commands, run through the shortcut registry. */
import { commandSlot } from '../../shortcuts/command-slot';

export type ReceptionCommand = 'receive' | 'newDossier';

const commands = commandSlot<[command: ReceptionCommand]>();

export const setReceptionCommandHandler = commands.set;
export const receptionActive = commands.active;
export const runReceptionCommand = commands.run;
