import Dexie from 'dexie';
import {
  chainNext,
  verifyAuditChain,
  type AuditContent,
  type ChainCheck,
} from '@shared/audit/chain';
import type { ReviewDeskDb } from '../db';
import type { AuditRow } from '../rows';

async function lastEntry(db: ReviewDeskDb, roundId: string): Promise<AuditRow | undefined> {
  return db.audit
    .where('[roundId+index]')
    .between([roundId, Dexie.minKey], [roundId, Dexie.maxKey])
    .last();
}

/**
 * Append one entry to the round's chain. Call it inside the transaction of the change it records
 * (the transaction must include db.audit), so the entry commits with the change or not at all.
 */
export async function appendAudit(
  db: ReviewDeskDb,
  entry: Omit<AuditContent, 'at'>,
  at = new Date(),
): Promise<AuditRow> {
  const row: AuditRow = chainNext(
    { ...entry, at: at.toISOString() },
    await lastEntry(db, entry.roundId),
  );
  await db.audit.add(row);
  return row;
}

export async function auditForRound(db: ReviewDeskDb, roundId: string): Promise<AuditRow[]> {
  return db.audit
    .where('[roundId+index]')
    .between([roundId, Dexie.minKey], [roundId, Dexie.maxKey])
    .toArray();
}

export async function checkAuditChain(db: ReviewDeskDb, roundId: string): Promise<ChainCheck> {
  return verifyAuditChain(await auditForRound(db, roundId));
}
