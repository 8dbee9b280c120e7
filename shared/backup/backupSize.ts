import { formatBytes } from '../formats/zip';
import { DEFAULT_BACKUP_LIMITS, type BackupLimits } from './backupFormat';

/**
 * A round too large for one archive. The archive holds the attachments in base64 (a third
 * larger) and restore refuses any archive over the limit, so writing one would leave a backup
 * that can never be restored: refused before anything is read or written.
 */
export class BackupTooLargeError extends Error {
  constructor(
    readonly attachmentBytes: number,
    readonly limit: number,
  ) {
    super(
      `这一轮的附件共 ${formatBytes(attachmentBytes)}，加密备份将超过单个备份文件 ${formatBytes(limit)} 的上限，无法整体备份。` +
        '评分表、回避和审计记录请用“导出评分文件”等方式另行保存；附件可从原始评审包重新导入。',
    );
    this.name = 'BackupTooLargeError';
  }
}

/** The archive size a round's attachments lead to, at least (base64 plus the cipher's tag). */
export const estimatedArchiveBytes = (attachmentBytes: number) =>
  Math.ceil(attachmentBytes / 3) * 4 + 16;

/** Throws BackupTooLargeError when attachments of this size cannot go into one archive. */
export function assertBackupFits(
  attachmentBytes: number,
  limits: BackupLimits = DEFAULT_BACKUP_LIMITS,
): void {
  if (estimatedArchiveBytes(attachmentBytes) > limits.maxArchiveBytes) {
    throw new BackupTooLargeError(attachmentBytes, limits.maxArchiveBytes);
  }
}
