/**
 * A whole-round backup: encodeBackupContent → sealBackup to write; openBackup →
 * decodeBackupContent to read. See docs/formats.md (Backup archive).
 */
import {
  openBackup,
  sealBackup,
  type BackupCrypto,
  type BackupFailure,
  type BackupHeader,
  type BackupInfo,
  type BackupLimits,
} from './backupFormat';
import { decodeBackupContent, encodeBackupContent, type BackupContent } from './backupContent';
import { assertBackupFits } from './backupSize';

export * from './backupFormat';
export * from './backupContent';
export * from './autoBackupName';
export * from './backupSize';

export async function writeRoundBackup(
  content: BackupContent,
  passphrase: string,
  options: { crypto: BackupCrypto; info: BackupInfo; iterations?: number; limits?: BackupLimits },
): Promise<Uint8Array> {
  assertBackupFits(
    content.attachments.reduce((sum, a) => sum + a.bytes.length, 0),
    options.limits,
  );
  return sealBackup(encodeBackupContent(content), passphrase, options);
}

export type ReadBackupResult =
  { ok: true; header: BackupHeader; content: BackupContent } | BackupFailure;

/** Decrypt and decode; never throws for bad input (a failure names what is wrong). */
export async function readRoundBackup(
  bytes: Uint8Array,
  passphrase: string,
  options: { crypto: BackupCrypto; limits?: BackupLimits },
): Promise<ReadBackupResult> {
  const opened = await openBackup(bytes, passphrase, options);
  if (!opened.ok) return opened;
  const decoded = decodeBackupContent(opened.plaintext);
  if (!decoded.ok) return { ok: false, kind: 'damaged', message: decoded.message };
  if (decoded.value.roundId !== opened.header.roundId) {
    return { ok: false, kind: 'damaged', message: '备份内容与文件头的评审编号不符' };
  }
  return { ok: true, header: opened.header, content: decoded.value };
}
