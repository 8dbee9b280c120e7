import type { BackupCrypto } from '@shared/backup';

/** WebCrypto of the renderer (a secure context: app:// or 127.0.0.1), as the archive uses it. */
export const backupCrypto = (): BackupCrypto => globalThis.crypto as unknown as BackupCrypto;

export const backupFileName = (roundId: string, at: Date) =>
  `${roundId}-${at.toISOString().slice(0, 16).replace(/[-:T]/g, '')}.rdbackup`;
