import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileFunction } from 'node:vm';
import { build } from 'vite';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Builds main.cjs and preload.cjs with the app's own Vite config (as `npm run build:electron`
 * does) into outDir, so the test checks this source tree's bundle, never a stale dist-electron.
 */
export async function buildElectron(outDir: string): Promise<{ main: string; preload: string }> {
  await build({
    configFile: path.join(repoRoot, 'vite.electron.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return { main: path.join(outDir, 'main.cjs'), preload: path.join(outDir, 'preload.cjs') };
}

/**
 * Runs a CommonJS file the way Node's loader does (the same wrapper and arguments), except that
 * its `require('electron')` gets the stand-in. Nothing global is patched, so nothing needs
 * restoring and no other module ever sees the stand-in.
 */
export function loadWithElectron(file: string, electron: object): void {
  const realRequire = createRequire(file);
  const require = Object.assign(
    (id: string): unknown => (id === 'electron' ? electron : realRequire(id)),
    { resolve: realRequire.resolve, cache: realRequire.cache, main: undefined },
  );
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const run = compileFunction(
    readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', '__filename', '__dirname'],
    { filename: file },
  );
  run.call(module.exports, module.exports, require, module, file, path.dirname(file));
  module.loaded = true;
}
