/**
 * What a checklist item accepts when the catalogue names no file types: scans and photos. Its own zod-free module: the renderer shows
 * it, and importing the catalogue schema would pull zod into the renderer bundle.
 */
export const DEFAULT_FILE_TYPES: readonly string[] = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff'];
