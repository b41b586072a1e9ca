// Whether a build output is older than its sources: shared by `npm start` and `npm run start:web`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time of the files under the given paths (0 when none exist). */
export function newestMtime(paths) {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const info = statSync(p);
    if (!info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs);
      continue;
    }
    for (const entry of readdirSync(p, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      newest = Math.max(newest, newestMtime([path.join(p, entry.name)]));
    }
  }
  return newest;
}

/** True when an output is missing or older than the newest source. */
export function isStale(outputs, sources) {
  if (outputs.some((o) => !existsSync(o))) return true;
  const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  return newestMtime(sources) > oldestOutput;
}

/** Sources the built renderer depends on (its own code and the contract and messages it imports). */
export const RENDERER_SOURCES = (root) => [path.join(root, 'renderer'), path.join(root, 'core', 'i18n'), path.join(root, 'core', 'contract')];
