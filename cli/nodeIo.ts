/** The real CliIo: the process's streams, environment and file system. */
import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import type { CliIo, WriteOptions } from './io';

/**
 * Write beside the target under a fresh name, then move it into place: link() for an exclusive
 * write (fails with EEXIST, atomically, when the target exists), rename() otherwise. A failure
 * at any point leaves no file under `path` and no temporary file beside it.
 */
export async function writeViaTemp(
  path: string,
  bytes: Uint8Array,
  options?: WriteOptions,
): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, bytes, { flag: 'wx', ...(options?.private ? { mode: 0o600 } : {}) });
  try {
    if (options?.exclusive) await link(temp, path);
    else await rename(temp, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: writeViaTemp,
  // Only "nothing there" counts as free; any other failure is reported by the write itself.
  exists: (path) =>
    stat(path).then(
      () => true,
      () => false,
    ),
  listDir: async (path) => ((await stat(path)).isDirectory() ? readdir(path) : null),
  env: (name) => process.env[name],
};
