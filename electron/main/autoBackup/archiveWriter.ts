import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isAutoBackupName } from '@shared/backup/autoBackupName';
import { writeFileAtomic } from '../atomicWrite';
import { IpcFailure } from '../ipc/ipcFailure';
import { archivesToPrune } from './prune';

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** What went wrong, where, and what to do, for the close dialog; other errors pass through. */
export function explainWriteError(error: unknown, folder: string): unknown {
  switch (codeOf(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new IpcFailure(
        'backup-folder-missing',
        `自动备份文件夹“${folder}”不存在或无法打开（U 盘或网络盘是否已断开？）。请接上它，或在“备份与恢复”页重新选择文件夹，然后重试。`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new IpcFailure(
        'backup-folder-denied',
        `没有权限写入自动备份文件夹“${folder}”。请在“备份与恢复”页选择一个可以写入的文件夹，然后重试。`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new IpcFailure(
        'backup-disk-full',
        `自动备份文件夹“${folder}”所在的磁盘空间不足。请腾出空间或选择另一个文件夹，然后重试。`,
      );
    default:
      return error;
  }
}

/**
 * Writes one automatic archive into the folder (temporary file, fsync, rename: a crash leaves
 * the old archives and no half-written one), then deletes that round's archives beyond `keep`.
 * Pruning is best effort: the new archive is already safe, so a file that cannot be deleted is
 * logged, not reported as a failed backup.
 */
export async function writeAutoBackupArchive(
  folder: string,
  name: string,
  bytes: Uint8Array,
  options: { keep: number; log?: (message: string, error?: unknown) => void },
): Promise<{ location: string; pruned: string[] }> {
  // The contract already refused anything else; checked again where the path is built.
  if (!isAutoBackupName(name)) throw new IpcFailure('bad-request', '自动备份文件名不合法。');
  const target = path.join(folder, name);
  if (path.dirname(target) !== path.resolve(folder)) {
    throw new IpcFailure('bad-request', '自动备份文件名不合法。');
  }
  try {
    await writeFileAtomic(target, bytes);
  } catch (error) {
    throw explainWriteError(error, folder);
  }
  const log = options.log ?? (() => {});
  const pruned: string[] = [];
  try {
    for (const old of archivesToPrune(await readdir(folder), name, options.keep)) {
      try {
        await rm(path.join(folder, old), { force: true });
        pruned.push(old);
      } catch (error) {
        log(`auto-backup: could not delete ${old}`, error);
      }
    }
  } catch (error) {
    log('auto-backup: could not list the folder for pruning', error);
  }
  return { location: target, pruned };
}
