import { access, constants } from 'node:fs/promises';
import { AUTO_BACKUPS_KEPT_PER_ROUND } from '@shared/backup/autoBackupName';
import type { BytesOrUpload } from '@shared/ipc/contract';
import type { IpcImpls } from '../ipc/dispatch';
import { IpcFailure } from '../ipc/ipcFailure';
import { explainWriteError, writeAutoBackupArchive } from './archiveWriter';
import type { CloseGuard } from './closeGuard';
import type { BackupFolderStore } from './folderSettings';

type BackupChannel = Extract<keyof IpcImpls, `review:backup:${string}`>;

export interface AutoBackupDeps {
  folders: BackupFolderStore;
  /** The main window's guard; null while there is no window. */
  guard: () => CloseGuard | null;
  /** The native folder dialog: an absolute path, or null when cancelled. */
  pickFolder: () => Promise<string | null>;
  /** The archive's bytes: sent in the message, or uploaded ahead in pieces (ipc/uploads.ts). */
  bytesOf?: (source: BytesOrUpload) => Uint8Array;
  keep?: number;
  log?: (message: string, error?: unknown) => void;
}

/** A folder we cannot write into is refused when chosen, not discovered at the next close. */
async function checkWritable(folder: string): Promise<void> {
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw explainWriteError(error, folder);
  }
}

export function createAutoBackupImpls(deps: AutoBackupDeps): Pick<IpcImpls, BackupChannel> {
  const keep = deps.keep ?? AUTO_BACKUPS_KEPT_PER_ROUND;
  const bytesOf =
    deps.bytesOf ??
    ((source: BytesOrUpload) => {
      if (source instanceof Uint8Array) return source;
      throw new IpcFailure('upload-lost', '待保存的数据已失效，请重试。');
    });
  return {
    'review:backup:folder': async () => deps.folders.current(),
    'review:backup:choose-folder': async () => {
      const folder = await deps.pickFolder();
      if (folder === null) return null;
      await checkWritable(folder);
      await deps.folders.set(folder);
      return folder;
    },
    'review:backup:clear-folder': async () => {
      await deps.folders.clear();
      return null;
    },
    'review:backup:write': async (name, bytes) => {
      // Archives are written while a close is held for them and at no other time, so a page
      // cannot use the folder as general storage.
      if (deps.guard()?.state() !== 'backing-up') {
        throw new IpcFailure('not-closing', '自动备份只在关闭评审台时写入。');
      }
      const folder = deps.folders.current();
      if (folder === null) {
        throw new IpcFailure(
          'no-backup-folder',
          '尚未选择自动备份文件夹。请在“备份与恢复”页选择文件夹。',
        );
      }
      const { location } = await writeAutoBackupArchive(folder, name, bytesOf(bytes), {
        keep,
        log: deps.log,
      });
      return { location };
    },
    'review:backup:close-ack': async () => {
      deps.guard()?.ack();
      return null;
    },
    'review:backup:close-now': async () => {
      deps.guard()?.closeNow();
      return null;
    },
    'review:backup:close-cancel': async () => {
      deps.guard()?.cancel();
      return null;
    },
  };
}
