/** Where the app's own read-only files are: resources/ in the repo, or the packaged app's resources folder. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function resolveResourcesDir(explicit?: string): string {
  return explicit ?? process.env.MOTCUA_RESOURCES_DIR ?? path.join(REPO_ROOT, 'resources');
}
