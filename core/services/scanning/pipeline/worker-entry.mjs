// Worker-thread entry when the core runs from TypeScript sources (web mode, the motcua CLI and vitest load .ts through
// tsx or vite; a fresh worker thread has neither): register tsx in this thread, then load the worker. The Electron
// build bundles worker.ts as its own entry instead (electron.vite.config.ts: page-worker).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
