// `npm start`: Electron mode when the Electron binary is installed, otherwise web mode (scripts/start-web.mjs).
// Never load the electron package here: without its binary it tries to download it and throws.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale, RENDERER_SOURCES } from './freshness.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the Electron executable, or null when the npm package was installed without its binary. */
export function electronBinaryPath(root = repoRoot) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let relative;
  try {
    relative = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative === '') return null;
  const exe = path.join(pkgDir, 'dist', relative);
  return existsSync(exe) && statSync(exe).isFile() ? exe : null;
}

export { isStale, newestMtime } from './freshness.mjs';

function run(script, args, root) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', ...script), ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function buildIfStale(root) {
  const r = (...p) => path.join(root, ...p);
  if (isStale([r('out', 'renderer', 'index.html')], RENDERER_SOURCES(root))) {
    run(['vite', 'bin', 'vite.js'], ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], root);
  }
  const electronOutputs = [r('out', 'main', 'index.js'), r('out', 'main', 'core-host.js'), r('out', 'preload', 'index.cjs')];
  if (isStale(electronOutputs, [r('electron'), r('core'), r('electron.vite.config.ts'), r('package.json')])) {
    run(['electron-vite', 'bin', 'electron-vite.js'], ['build', '--logLevel', 'warn'], root);
  }
}

function launchElectron(exe, root) {
  const env = { ...process.env };
  // Set, it would make the Electron binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(exe, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

export async function start(root = repoRoot) {
  const exe = electronBinaryPath(root);
  if (exe !== null) {
    buildIfStale(root);
    launchElectron(exe, root);
    return 'electron';
  }
  console.log('Không có Electron binary trên máy này — chạy chế độ web / Electron binary unavailable here — starting web mode');
  const { startWeb } = await import('./start-web.mjs');
  await startWeb();
  return 'web';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await start();
