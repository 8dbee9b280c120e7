/**
 * Test helper: counts the transactions that write the attachments table alone (the batches
 * attachmentsAhead.ts writes ahead of a round) until `stop()` puts the database back.
 */
import type { ReviewDeskDb } from '../db';

export function countAttachmentBatches(db: ReviewDeskDb): { count(): number; stop(): void } {
  let batches = 0;
  const original = db.transaction.bind(db);
  db.transaction = ((...args: Parameters<typeof db.transaction>) => {
    if (args[1] === db.attachments) batches++;
    return original(...args);
  }) as typeof db.transaction;
  return {
    count: () => batches,
    stop: () => {
      db.transaction = original;
    },
  };
}
