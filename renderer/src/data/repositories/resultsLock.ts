import Dexie from 'dexie';
import type { ReviewDeskDb } from '../db';
import type { ConfirmationRow } from '../rows';

/** Refused because the chair has confirmed the round's results (read-only until reopened). */
export class ResultsLockedError extends Error {
  override name = 'ResultsLockedError';
  constructor(readonly version: number) {
    super(
      `评审结果已由专家组组长确认（第 ${version} 版），现为只读，不能再修改。` +
        '如确需修改，请组长在“结果汇总”页面重新开放结果。',
    );
  }
}

/** The round's latest confirmation, reopened or not; undefined before the first one. */
export async function latestConfirmation(
  db: ReviewDeskDb,
  roundId: string,
): Promise<ConfirmationRow | undefined> {
  return db.confirmations
    .where('[roundId+version]')
    .between([roundId, Dexie.minKey], [roundId, Dexie.maxKey])
    .last();
}

/**
 * Throws ResultsLockedError while the round's results are confirmed and not reopened. Call it
 * inside the transaction of the change it guards, with db.confirmations in the transaction's
 * scope, so a confirmation cannot slip in between the check and the change.
 */
export async function assertResultsOpen(db: ReviewDeskDb, roundId: string): Promise<void> {
  const latest = await latestConfirmation(db, roundId);
  if (latest && !latest.reopenedAt) throw new ResultsLockedError(latest.version);
}
