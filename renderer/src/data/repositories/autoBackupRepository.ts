import { z } from 'zod';
import type { BackupContent } from '@shared/backup';
import { webSha256Hex } from '../../platform/webSha256';
import type { ReviewDeskDb } from '../db';
import { snapshotRound } from './backupRepository';
import { listRounds } from './roundRepository';

/**
 * What the automatic backup on close last wrote, per round: the digest of the round's rows at
 * that moment and the folder it went to. A device-wide setting (no `<kind>:<roundId>` key), so
 * round backups never carry it (backupRepository's isRoundSetting) and a restore never
 * overwrites it.
 */
export const AUTO_BACKUP_STATE_KEY = 'autoBackup';

const entrySchema = z.object({
  roundId: z.string(),
  /** SHA-256 (hex) of the round's archived rows, attachments by their recorded SHA-256. */
  digest: z.string(),
  folder: z.string(),
  /** When it was written, ISO 8601 (UTC). */
  at: z.string(),
  location: z.string(),
});
export type AutoBackupEntry = z.infer<typeof entrySchema>;

// An array, not an object keyed by round id, so no stored name ever becomes an object key.
const stateSchema = z.object({ rounds: z.array(entrySchema) });

/** The last automatic backup of each round; an unreadable value counts as none (back up again). */
export async function readAutoBackupState(db: ReviewDeskDb): Promise<AutoBackupEntry[]> {
  const parsed = stateSchema.safeParse((await db.settings.get(AUTO_BACKUP_STATE_KEY))?.value);
  return parsed.success ? parsed.data.rounds : [];
}

/** Record a written archive, replacing the round's previous entry. */
export async function recordAutoBackup(db: ReviewDeskDb, entry: AutoBackupEntry): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const rounds = (await readAutoBackupState(db)).filter((e) => e.roundId !== entry.roundId);
    await db.settings.put({ key: AUTO_BACKUP_STATE_KEY, value: { rounds: [...rounds, entry] } });
  });
}

/**
 * A digest of the rows an archive of the round holds. Attachment and photo bytes are left out:
 * attachment rows carry their SHA-256, and stored Blobs are never changed in place (a photo is
 * added or deleted, an attachment replaced with a new row), so the rows change whenever the
 * bytes do. Reading the rows without the Blobs is what makes the check cheap.
 */
export async function digestOfTables(tables: BackupContent['tables']): Promise<string> {
  return webSha256Hex(new TextEncoder().encode(JSON.stringify(tables)));
}

export interface RoundToBackUp {
  roundId: string;
  title: string;
}

/**
 * The rounds whose rows changed since their last automatic backup into `folder` (a round never
 * backed up there counts as changed), in the order of the home page's list.
 */
export async function roundsChangedSinceAutoBackup(
  db: ReviewDeskDb,
  folder: string,
): Promise<RoundToBackUp[]> {
  const last = new Map((await readAutoBackupState(db)).map((e) => [e.roundId, e]));
  const changed: RoundToBackUp[] = [];
  for (const round of await listRounds(db)) {
    const entry = last.get(round.id);
    if (entry && entry.folder === folder) {
      const digest = await digestOfTables((await snapshotRound(db, round.id)).tables);
      if (digest === entry.digest) continue;
    }
    changed.push({ roundId: round.id, title: round.title });
  }
  return changed;
}
