// Builds the `review-desk` command: one CommonJS file for Node 20 with every dependency bundled
// in (the secretariat copies a single file to the central system's server), Node built-ins left
// as requires.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { alias } from './alias.config.ts';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig({
  // No public/ copying and no .env loading: this is a Node program, not a web page.
  publicDir: false,
  envDir: false,
  resolve: { alias },
  build: {
    ssr: 'cli/index.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      external: nodeBuiltins,
      output: {
        format: 'cjs',
        entryFileNames: 'review-desk.cjs',
        banner: '#!/usr/bin/env node',
        // One self-contained file even if some module is imported dynamically.
        codeSplitting: false,
      },
    },
  },
  ssr: {
    // SSR builds externalise node_modules by default; the CLI must run without them.
    noExternal: true,
    target: 'node',
  },
});
