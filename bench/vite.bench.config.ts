// Builds the benchmark harness (bench/run.ts) into one CommonJS file for Node 20, like the CLI:
// shared/ code is bundled in, Node built-ins and Playwright stay requires.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { alias } from '../alias.config.ts';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig({
  publicDir: false,
  envDir: false,
  resolve: { alias },
  build: {
    ssr: 'bench/run.ts',
    outDir: 'dist/bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      external: [...nodeBuiltins, 'playwright-core', /^playwright-core\//],
      output: { format: 'cjs', entryFileNames: 'bench.cjs', codeSplitting: false },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
