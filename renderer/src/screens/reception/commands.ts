/**
 * The Reception screen's keyboard commands, reached from the one shortcut registry: the registry runs a command,
 * the mounted screen handles it. With no Reception screen on display the command does nothing, so the key
 * keeps its usual meaning.
 */
export type ReceptionCommand = 'receive' | 'newDossier';

type Handler = (command: ReceptionCommand) => boolean;
let handler: Handler | null = null;

/** Registers the mounted screen; returns the unregister function. */
export function setReceptionCommandHandler(h: Handler): () => void {
  handler = h;
  return () => {
    if (handler === h) handler = null;
  };
}

export function receptionActive(): boolean {
  return handler !== null;
}

/** False when nothing handled the command. */
export function runReceptionCommand(command: ReceptionCommand): boolean {
  return handler ? handler(command) : false;
}
