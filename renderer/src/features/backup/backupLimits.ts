import { DEFAULT_BACKUP_LIMITS, type BackupLimits } from '../../../../shared/backup';
import { MAX_IPC_BYTES } from '../../../../shared/ipc/contract';
import type { Platform } from '../../../../shared/platform/Platform';

/**
 * How large an archive this build can write and read back: the desktop app saves a file through
 * the main process in one message of at most MAX_IPC_BYTES, below restore's own limit.
 */
export function backupLimitsFor(kind: Platform['kind']): BackupLimits {
  return kind === 'electron'
    ? {
        ...DEFAULT_BACKUP_LIMITS,
        maxArchiveBytes: Math.min(DEFAULT_BACKUP_LIMITS.maxArchiveBytes, MAX_IPC_BYTES),
      }
    : DEFAULT_BACKUP_LIMITS;
}
