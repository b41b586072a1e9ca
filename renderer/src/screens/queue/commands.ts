/** The Queue screen's keyboard commands, run through the shortcut registry while the screen is on display. */
import { commandSlot } from '../../shortcuts/command-slot';

export type QueueCommand = 'callNext' | 'callNumber' | 'recall' | 'noShow' | 'transfer' | 'start' | 'finish' | 'receive';

const commands = commandSlot<[command: QueueCommand]>();

export const setQueueCommandHandler = commands.set;
export const queueActive = commands.active;
export const runQueueCommand = commands.run;
