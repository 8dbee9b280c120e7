import { randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_PICKED_BYTES, type PickedFileRef } from '@shared/ipc/contract';
import { IpcFailure } from './ipcFailure';

/**
 * The files the user chose in the open dialog, read by the renderer in pieces: one IPC message
 * is capped (MAX_IPC_BYTES), a round package may be up to 2 GiB. Only what the user picked this
 * last time can be read, through an unguessable handle, within its size; a new pick forgets
 * the previous one.
 */
export interface PickedFiles {
  /** Registers the chosen paths (sizes checked before anything is read). */
  register(filePaths: readonly string[]): Promise<PickedFileRef[]>;
  /** `length` bytes at `offset` of a registered file. */
  read(handle: string, offset: number, length: number): Promise<Uint8Array>;
}

export function createPickedFiles(maxTotalBytes: number = MAX_PICKED_BYTES): PickedFiles {
  let picked = new Map<string, { filePath: string; size: number }>();
  return {
    async register(filePaths) {
      const next = new Map<string, { filePath: string; size: number }>();
      const refs: PickedFileRef[] = [];
      let total = 0;
      for (const filePath of filePaths) {
        const info = await stat(filePath);
        const name = path.basename(filePath);
        if (!info.isFile()) throw new IpcFailure('not-a-file', `“${name}”不是文件，无法打开。`);
        total += info.size;
        if (total > maxTotalBytes) {
          const limit = Math.floor(maxTotalBytes / 1024 / 1024);
          throw new IpcFailure(
            'too-large',
            `所选文件合计超过 ${limit} MiB，无法打开（“${name}”）。`,
          );
        }
        const handle = randomUUID();
        next.set(handle, { filePath, size: info.size });
        refs.push({ handle, name, size: info.size });
      }
      picked = next;
      return refs;
    },
    async read(handle, offset, length) {
      const file = picked.get(handle);
      if (!file)
        throw new IpcFailure('not-picked', '该文件未经用户选择，或已不可读取，请重新选择。');
      if (offset + length > file.size) {
        throw new IpcFailure('out-of-range', '读取超出文件末尾，请重新选择文件。');
      }
      const handleOnDisk = await open(file.filePath, 'r');
      try {
        // A buffer of its own (not a view on a pooled one) crosses IPC.
        const bytes = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handleOnDisk.read(bytes, done, length - done, offset + done);
          if (bytesRead === 0)
            throw new IpcFailure('changed', '文件在读取时变短了，请重新选择文件。');
          done += bytesRead;
        }
        return bytes;
      } finally {
        await handleOnDisk.close();
      }
    },
  };
}
