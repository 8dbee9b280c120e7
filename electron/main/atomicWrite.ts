import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes to a temporary file beside the target, flushes it to disk, then renames it over the
 * target. A crash or full disk therefore leaves either the old file or the new one, never half
 * of a score file or key. Same folder, because rename is only atomic within one file system.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  options: { mode?: number } = {},
): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o666);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
