import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_LIMITS, estimatedArchiveBytes } from '../../../../shared/backup';
import { MAX_IPC_BYTES } from '../../../../shared/ipc/contract';
import { backupLimitsFor } from './backupLimits';

describe('backupLimitsFor', () => {
  it('keeps a desktop archive within one IPC message, and the web build at restore’s limit', () => {
    expect(backupLimitsFor('electron').maxArchiveBytes).toBe(MAX_IPC_BYTES);
    expect(backupLimitsFor('web')).toEqual(DEFAULT_BACKUP_LIMITS);
    // What that means in attachments: just under 384 MiB on the desktop (base64 adds a third).
    const MiB = 1024 * 1024;
    expect(estimatedArchiveBytes(383 * MiB)).toBeLessThanOrEqual(MAX_IPC_BYTES);
    expect(estimatedArchiveBytes(384 * MiB)).toBeGreaterThan(MAX_IPC_BYTES);
  });
});
