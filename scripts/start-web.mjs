// `npm run start:web`: builds the renderer when it is missing or older than its sources, then serves web mode.
// The server runs as a child of this launcher, which restarts it after a crash (core/adapters/web/supervisor.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { isStale, RENDERER_SOURCES } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'renderer', 'index.html');

export async function startWeb() {
  const child = process.env.MOTCUA_WEB_CHILD === '1';
  if (!child && isStale([built], RENDERER_SOURCES(root)) && !process.env.MOTCUA_SKIP_RENDERER_BUILD) {
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  register();
  if (!child) {
    const { superviseWebMode } = await import('../core/adapters/web/supervisor.ts');
    return superviseWebMode();
  }
  const { runWebMode } = await import('../core/adapters/web/main.ts');
  const portArg = process.argv.indexOf('--port');
  const hostArg = process.argv.indexOf('--host');
  await runWebMode({
    port: portArg > 0 ? Number(process.argv[portArg + 1]) : undefined,
    host: hostArg > 0 ? process.argv[hostArg + 1] : undefined,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await startWeb();
