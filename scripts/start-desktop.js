// `npm start`: runs the desktop app. The Electron runtime is a separate download that the
// install step does not run (package.json denies electron's install script), so fetch it once
// here; offline, say what to do instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function runtimePath() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function fail(message) {
  console.error(`\n${message}\n\nWithout the desktop runtime you can still use BreachScope:\n  npm run web            the same workspace in your browser (127.0.0.1 only, with a one-time token)\n  npx breachscope --help the command line\n`);
  process.exit(1);
}

if (!existsSync(electronDir)) fail('The electron package is not installed (npm install).');

let binary = runtimePath();
if (!binary) {
  console.log('The Electron runtime is not installed yet; downloading it once (about 100 MB)...');
  // The installer's own output (a stack trace when offline) is kept out of sight; its first
  // error line is enough to say why.
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], cwd: electronDir, env: process.env, encoding: 'utf8' });
  binary = result.status === 0 ? runtimePath() : null;
  if (!binary) {
    const reason = (result.stderr ?? '').split('\n').find((l) => /error/i.test(l))?.trim().slice(0, 200) ?? 'unknown reason';
    fail(`Could not download the Electron runtime (${reason}); this machine may be offline. Connect to the internet once and run "npm start" again.`);
  }
}

const built = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts'], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);
const bundled = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { stdio: 'inherit', cwd: root });
if (bundled.status !== 0) process.exit(bundled.status ?? 1);

const env = { ...process.env };
// A leaked ELECTRON_RUN_AS_NODE would start Node instead of the app.
delete env.ELECTRON_RUN_AS_NODE;
const app = spawnSync(binary, [path.join(root, 'dist', 'main', 'main.cjs')], { stdio: 'inherit', cwd: root, env });
process.exit(app.status ?? 0);
