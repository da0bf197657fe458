// Bundles the desktop shell: main and the core's utility process as CommonJS for Node, and the
// preload as ONE CommonJS file (a sandboxed preload cannot load chunks or ES modules).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'main');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Native and large runtime packages stay in node_modules (unpacked from the asar, see electron-builder.yml).
const external = ['electron', '@duckdb/*', '@ip-location-db/*', 'pdfkit', 'docx'];
// The core reads files next to its sources through import.meta.url; in CommonJS that is the bundle's own URL.
const importMetaShim = { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'info', define: { 'import.meta.url': '__import_meta_url' }, banner: importMetaShim };

await build({ ...common, entryPoints: [path.join(root, 'app/main/index.ts')], outfile: path.join(out, 'main.cjs'), external });
await build({ ...common, entryPoints: [path.join(root, 'app/main/core-process.ts')], outfile: path.join(out, 'core-process.cjs'), external });
await build({
  entryPoints: [path.join(root, 'app/preload/index.ts')],
  outfile: path.join(out, 'preload.cjs'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'chrome120',
  external: ['electron'],
  logLevel: 'info',
});

const renderer = path.join(root, 'renderer', 'dist');
if (!existsSync(renderer)) {
  console.error('renderer/dist is missing: run "npm run build:renderer" first.');
  process.exit(1);
}
cpSync(renderer, path.join(root, 'dist', 'renderer'), { recursive: true });
