import type { ReviewDeskDb } from '../db';
import type { AuditRow } from '../rows';

/** Append one entry. Callers pass their own transaction's db so the entry commits with the change. */
export async function appendAudit(
  db: ReviewDeskDb,
  entry: Omit<AuditRow, 'seq' | 'at'>,
  at = new Date(),
): Promise<void> {
  await db.audit.add({ ...entry, at: at.toISOString() });
}

export async function auditForRound(db: ReviewDeskDb, roundId: string): Promise<AuditRow[]> {
  return db.audit.where('roundId').equals(roundId).sortBy('seq');
}
