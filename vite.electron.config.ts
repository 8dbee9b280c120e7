import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { alias } from './alias.config.ts';

const entries = {
  main: fileURLToPath(new URL('./electron/main/index.ts', import.meta.url)),
  preload: fileURLToPath(new URL('./electron/preload/index.ts', import.meta.url)),
};

// Only Electron and Node's own modules stay outside; zod and our shared/ code are bundled, so
// the packaged app needs no node_modules inside app.asar.
const external = ['electron', /^electron\//, /^node:/, ...builtinModules];

/**
 * A sandboxed preload can `require` nothing but 'electron' (and a few polyfilled built-ins), so
 * it must be one self-contained file. Rolldown would silently split code shared between main and
 * preload into a chunk the preload then requires; this fails the build instead.
 */
function selfContainedPreload(): Plugin {
  return {
    name: 'review-desk-self-contained-preload',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => !name.endsWith('.map'));
      const unexpected = files.filter((name) => name !== 'main.cjs' && name !== 'preload.cjs');
      if (unexpected.length > 0) {
        this.error(`Unexpected chunks in dist-electron: ${unexpected.join(', ')}`);
      }
      const preload = bundle['preload.cjs'];
      if (preload === undefined || preload.type !== 'chunk') {
        this.error('preload.cjs was not produced');
      }
      const imports = [...preload.imports, ...preload.dynamicImports].filter(
        (id) => id !== 'electron',
      );
      if (imports.length > 0) {
        this.error(`preload.cjs must require only 'electron', not: ${imports.join(', ')}`);
      }
      // Bundled packages (zod above all) would bloat every renderer start and widen the surface.
      const packages = preload.moduleIds.filter((id) => id.includes('node_modules'));
      if (packages.length > 0) {
        this.error(`preload.cjs must not bundle packages: ${packages.join(', ')}`);
      }
    },
  };
}

export default defineConfig({
  publicDir: false,
  resolve: { alias },
  plugins: [selfContainedPreload()],
  build: {
    outDir: fileURLToPath(new URL('./dist-electron', import.meta.url)),
    emptyOutDir: true,
    // Electron 45 ships Node 22 in main and Chromium 140 in the preload.
    target: ['node22', 'chrome140'],
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: entries,
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rolldownOptions: {
      external,
    },
  },
});
