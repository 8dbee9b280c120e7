/**
 * Entry of the `review-desk` command (bundled to dist-cli/review-desk.cjs by vite.cli.config.ts).
 * Everything testable lives in run.ts; this file only binds it to the real process.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { run } from './run';
import type { CliIo } from './io';

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, bytes, options) =>
    writeFile(path, bytes, {
      flag: options?.exclusive ? 'wx' : 'w',
      ...(options?.private ? { mode: 0o600 } : {}),
    }),
  listDir: async (path) => ((await stat(path)).isDirectory() ? readdir(path) : null),
  env: (name) => process.env[name],
};

run(process.argv.slice(2), io).then(
  (code) => {
    // exitCode rather than exit(): lets stdout drain when piped.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
