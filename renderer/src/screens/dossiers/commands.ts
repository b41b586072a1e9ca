/**
 * The dossiers screen's keyboard command, reached from the one shortcut registry: the registry runs it, the
 * mounted screen handles it. With no dossiers screen on display it does nothing and the key keeps its meaning.
 */
type Handler = () => boolean;
let handler: Handler | null = null;

/** Registers the mounted screen's "go to the lookup field"; returns the unregister function. */
export function setDossierLookupHandler(h: Handler): () => void {
  handler = h;
  return () => {
    if (handler === h) handler = null;
  };
}

export function dossiersActive(): boolean {
  return handler !== null;
}

/** False when nothing handled it. */
export function focusDossierLookup(): boolean {
  return handler ? handler() : false;
}
