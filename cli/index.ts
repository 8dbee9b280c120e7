/**
 * Entry of the `review-desk` command (bundled to dist-cli/review-desk.cjs by vite.cli.config.ts).
 * Everything testable lives in run.ts; this file only binds it to the real process.
 */
import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { run } from './run';
import { escapeForTerminal, type CliIo, type WriteOptions } from './io';

/**
 * Write beside the target under a fresh name, then move it into place: link() for an exclusive
 * write (fails with EEXIST, atomically, when the target exists), rename() otherwise. A failure
 * at any point leaves no file under `path`.
 */
async function writeViaTemp(path: string, bytes: Uint8Array, options?: WriteOptions) {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, bytes, { flag: 'wx', ...(options?.private ? { mode: 0o600 } : {}) });
  try {
    if (options?.exclusive) await link(temp, path);
    else await rename(temp, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: writeViaTemp,
  exists: (path) =>
    stat(path).then(
      () => true,
      () => false,
    ),
  listDir: async (path) => ((await stat(path)).isDirectory() ? readdir(path) : null),
  env: (name) => process.env[name],
};

run(process.argv.slice(2), io).then(
  (code) => {
    // exitCode rather than exit(): lets stdout drain when piped.
    process.exitCode = code;
  },
  (error: unknown) => {
    // run() reports its own errors; this is the last resort, still one line.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`内部错误：${escapeForTerminal(message.split('\n')[0] ?? '')}\n`);
    process.exitCode = 2;
  },
);
