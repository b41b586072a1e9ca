/**
 * electron-vite 6 build of the Electron layer only:
 *   out/main/index.js      — main process (ESM, package.json "type": "module")
 *   out/main/core-host.js  — the core, run in a utility process
 *   out/main/page-worker.js — the page pipeline's worker thread (started by the core)
 *   out/preload/index.cjs  — sandboxed preload (sandboxed preloads cannot be ES modules)
 * No renderer section: the renderer is built into out/renderer by `vite build --config renderer/vite.config.ts`.
 * Runtime dependencies (better-sqlite3, node-hid, ... = package.json "dependencies") stay external, so native
 * addons load from node_modules (unpacked from the asar by electron-builder).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      sourcemap: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'core-host': resolve(root, 'electron/utility/core-host.ts'),
          // The page pipeline's worker threads load this file (core/services/scanning/pipeline/page-pipeline.ts).
          'page-worker': resolve(root, 'core/services/scanning/pipeline/worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Everything the preload needs is bundled in: a sandboxed preload can require only 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
