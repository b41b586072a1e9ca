/**
 * Everything a counter keeps lives under one data directory so it can be backed up and moved:
 * MOTCUA_DATA_DIR, else the OS application-data folder (the same folder Electron's userData uses).
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_DIR_NAME = 'MotCua Desk';

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const explicit = env.MOTCUA_DATA_DIR?.trim();
  if (explicit) return path.resolve(explicit);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_DIR_NAME);
}

export interface DataLayout {
  root: string;
  database: string;
  logs: string;
  files: string;
  backups: string;
}

export function dataLayout(root: string): DataLayout {
  return {
    root,
    database: path.join(root, 'motcua.sqlite'),
    logs: path.join(root, 'logs'),
    files: path.join(root, 'files'),
    backups: path.join(root, 'backups'),
  };
}

export function ensureDataLayout(root: string): DataLayout {
  const layout = dataLayout(root);
  for (const dir of [layout.root, layout.logs, layout.files, layout.backups]) mkdirSync(dir, { recursive: true });
  return layout;
}
