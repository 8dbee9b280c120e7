import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_IPC_BYTES } from '../../../shared/ipc/contract';
import type { PickedFile } from '../../../shared/platform/Platform';
import { IpcFailure } from './ipcFailure';

/**
 * Reads the files the user chose. The cap applies to the total because all of it crosses IPC in
 * one message; checking sizes before reading keeps a mistaken pick (a disk image) from being
 * loaded into memory at all.
 */
export async function readPickedFiles(
  filePaths: readonly string[],
  maxTotalBytes: number = MAX_IPC_BYTES,
): Promise<PickedFile[]> {
  let total = 0;
  for (const filePath of filePaths) {
    const info = await stat(filePath);
    const name = path.basename(filePath);
    if (!info.isFile()) {
      throw new IpcFailure('not-a-file', `“${name}”不是文件，无法打开。`);
    }
    total += info.size;
    if (total > maxTotalBytes) {
      const limit = Math.floor(maxTotalBytes / 1024 / 1024);
      throw new IpcFailure('too-large', `所选文件合计超过 ${limit} MiB，无法打开（“${name}”）。`);
    }
  }
  const files: PickedFile[] = [];
  for (const filePath of filePaths) {
    // A copy, not a view: a view on Node's buffer could carry unrelated pooled bytes across IPC.
    const bytes = new Uint8Array(await readFile(filePath));
    files.push({ name: path.basename(filePath), bytes });
  }
  return files;
}
