import { autoBackupName, writeRoundBackup, type BackupCrypto } from '@shared/backup';
import type { AutoBackupHost } from '@shared/platform/Platform';
import type { ReviewDeskDb } from '../../../data/db';
import {
  digestOfTables,
  recordAutoBackup,
  roundsChangedSinceAutoBackup,
  type RoundToBackUp,
} from '../../../data/repositories/autoBackupRepository';
import { collectRoundBackup } from '../../../data/repositories/backupRepository';

/**
 * The automatic backup on close (docs/formats.md, Backup archive): which rounds changed since
 * their last automatic archive, then one archive each, written by main into the chosen folder.
 * Loaded only when a close is requested, like the backup page, so the first screen stays small.
 */

export interface CloseBackupPlan {
  folder: string;
  rounds: RoundToBackUp[];
}

/** Null when no folder is chosen (then main would not have asked); otherwise what to write. */
export async function planCloseBackup(
  db: ReviewDeskDb,
  host: Pick<AutoBackupHost, 'folder'>,
): Promise<CloseBackupPlan | null> {
  const folder = await host.folder();
  if (folder === null) return null;
  return { folder, rounds: await roundsChangedSinceAutoBackup(db, folder) };
}

/** Which round failed; `cause` is what failed (main's message says where and what to do). */
export class CloseBackupError extends Error {
  constructor(
    readonly round: RoundToBackUp,
    cause: unknown,
  ) {
    super(
      `自动备份评审“${round.title}”失败：${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'CloseBackupError';
  }
}

export interface CloseBackupOptions {
  db: ReviewDeskDb;
  host: Pick<AutoBackupHost, 'write'>;
  passphrase: string;
  crypto: BackupCrypto;
  /** `review-desk <version>`, as in the archive's header. */
  generator: string;
  onProgress?: (step: { index: number; total: number; round: RoundToBackUp }) => void;
  /** Checked between rounds: the user chose to close without waiting. */
  stopped?: () => boolean;
  now?: () => Date;
  /** Only tests write fewer PBKDF2 iterations. */
  iterations?: number;
}

/**
 * Writes the plan's rounds one by one. Each round's entry is recorded only after main wrote its
 * archive, with the digest of exactly the rows in it, so a failure or an edit made meanwhile
 * leaves that round to be backed up again. Throws a CloseBackupError naming the round.
 */
export async function runCloseBackup(
  plan: CloseBackupPlan,
  options: CloseBackupOptions,
): Promise<{ roundId: string; location: string }[]> {
  const now = options.now ?? (() => new Date());
  const written: { roundId: string; location: string }[] = [];
  for (const [index, round] of plan.rounds.entries()) {
    if (options.stopped?.()) break;
    options.onProgress?.({ index, total: plan.rounds.length, round });
    try {
      const at = now();
      const content = await collectRoundBackup(options.db, round.roundId, at);
      const bytes = await writeRoundBackup(content, options.passphrase, {
        crypto: options.crypto,
        info: {
          roundId: round.roundId,
          roundTitle: round.title,
          createdAt: at.toISOString(),
          generator: options.generator,
        },
        ...(options.iterations ? { iterations: options.iterations } : {}),
      });
      const { location } = await options.host.write(autoBackupName(round.roundId, at), bytes);
      await recordAutoBackup(options.db, {
        roundId: round.roundId,
        digest: await digestOfTables(content.tables),
        folder: plan.folder,
        at: at.toISOString(),
        location,
      });
      written.push({ roundId: round.roundId, location });
    } catch (error) {
      throw new CloseBackupError(round, error);
    }
  }
  return written;
}
