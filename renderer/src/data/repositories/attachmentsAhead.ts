/**
 * Attachments of a new round written ahead of the round, a few tens of megabytes per transaction.
 *
 * Chromium cannot store more freshly made Blob bytes than fit its in-memory blob budget: a write
 * fails with “DataError: Failed to write blobs (InvalidBlob)” once about 500 MB of new Blobs are
 * alive, whether in one transaction or in several, while 64 MB transactions, each batch's Blobs
 * made just before it, store any size (measurements: docs/performance.md). A round package may
 * hold 2 GiB, so a large round's attachments are written in batches before the transaction that
 * adds the round.
 *
 * The rows written ahead carry the new round's id, and nothing shows them until the round row
 * exists: every screen, backup and export starts from a round. An import that fails or is
 * interrupted in between leaves rows of a round that does not exist; those are removed when the
 * app starts and before every import (sweepOrphanAttachments). One import at a time, across
 * windows, holds the round-creation lock, so a sweep never removes rows an import is writing.
 */
import type { IndexableType } from 'dexie';
import type { ReviewDeskDb } from '../db';
import type { AttachmentRow } from '../rows';
import { startBatchWorker, writeBatchInWorker } from './aheadBatchWriter';
import { attachmentRow, writeBatchHere, type PendingAttachment } from './pendingAttachment';

export { attachmentRow, type PendingAttachment } from './pendingAttachment';

const MiB = 1024 * 1024;

/** Bytes of new Blobs per transaction written ahead. */
export const AHEAD_BATCH_BYTES = 64 * MiB;

const LOCK_NAME = 'review-desk:create-round';

/**
 * Run `work` while no other window creates a round (Web Locks, where the runtime has them: every
 * Chromium window of the app does; Node tests run without).
 */
export async function withRoundCreationLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return work();
  return locks.request(LOCK_NAME, { mode: 'exclusive' }, work) as Promise<T>;
}

export function pendingBytes(rows: readonly PendingAttachment[]): number {
  return rows.reduce((sum, row) => sum + row.size, 0);
}

/** Split into batches of at most `maxBytes` (a larger single attachment is a batch of its own). */
export function batchesOf(
  rows: readonly PendingAttachment[],
  maxBytes = AHEAD_BATCH_BYTES,
): PendingAttachment[][] {
  const batches: PendingAttachment[][] = [];
  let current: PendingAttachment[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (current.length > 0 && bytes + row.size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += row.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Write `rows` (all of one round that does not exist yet) batch by batch, each batch's Blobs
 * made just before its transaction and let go after it. Call inside withRoundCreationLock.
 */
export async function writeAttachmentsAhead(
  db: ReviewDeskDb,
  rows: readonly PendingAttachment[],
  onBatch?: (written: number, total: number) => void,
  maxBytes = AHEAD_BATCH_BYTES,
): Promise<void> {
  let written = 0;
  const batches = batchesOf(rows, maxBytes);
  // In Chromium each batch is written by a worker of its own, ended after it: see
  // aheadBatchWriter.ts for why the Blobs must not be made on this thread. The next batch's
  // worker loads while this batch is written, so no batch waits for its worker to start.
  const inWorkers = typeof Worker !== 'undefined';
  let next = inWorkers && batches.length > 0 ? startBatchWorker() : undefined;
  try {
    for (const [i, batch] of batches.entries()) {
      if (next) {
        const worker = next;
        next = i + 1 < batches.length ? startBatchWorker() : undefined;
        await writeBatchInWorker(db, batch, worker);
      } else await writeBatchHere(db, batch);
      written += batch.length;
      onBatch?.(written, rows.length);
    }
  } finally {
    next?.terminate();
  }
}

/**
 * Store a new round with `pending` attachments: `store` gets the attachment rows it must add in
 * its own transaction, or none when they were written ahead (when `ahead`), and then must call
 * checkWrittenAhead(db, roundId, writtenAhead) inside that transaction. If `store` throws, the
 * rows written ahead are removed again. Call inside withRoundCreationLock.
 */
export async function storeWithAttachments<T>(
  db: ReviewDeskDb,
  roundId: string,
  pending: readonly PendingAttachment[],
  options: { ahead: boolean; batchBytes?: number },
  store: (attachmentRows: AttachmentRow[], writtenAhead: number) => Promise<T>,
): Promise<T> {
  // Blobs are made before `store`'s transaction: an IndexedDB transaction commits as soon as it
  // waits on anything that is not a request of its own.
  if (!options.ahead) return store(pending.map(attachmentRow), 0);
  await sweepOrphanAttachments(db);
  await writeAttachmentsAhead(db, pending, undefined, options.batchBytes);
  try {
    return await store([], pending.length);
  } catch (error) {
    await dropAttachmentsAhead(db, roundId).catch(() => undefined);
    throw error;
  }
}

/**
 * Inside the transaction that adds the round: are all `count` rows written ahead still there?
 * The lock keeps every sweep away from them; this check keeps a round from ever being stored
 * without its attachments should something else have removed them (a window of a runtime
 * without Web Locks sweeping at start, say).
 */
export async function checkWrittenAhead(
  db: ReviewDeskDb,
  roundId: string,
  count: number,
): Promise<void> {
  if (count === 0) return;
  const found = await db.attachments.where('roundId').equals(roundId).count();
  if (found !== count) {
    throw new Error(
      `附件没有全部写入（应有 ${count} 个，只找到 ${found} 个），这轮评审没有保存；请重新导入`,
    );
  }
}

/** Remove the rows written ahead for `roundId`, unless the round exists after all. */
export async function dropAttachmentsAhead(db: ReviewDeskDb, roundId: string): Promise<void> {
  await db.transaction('rw', [db.rounds, db.attachments], async () => {
    if (await db.rounds.get(roundId)) return;
    await db.attachments.where('roundId').equals(roundId).delete();
  });
}

/** Round ids that attachment rows carry but no round row has. Reads only the keys. */
async function orphanOwners(db: ReviewDeskDb): Promise<IndexableType[]> {
  const [owners, rounds] = await Promise.all([
    db.attachments.orderBy('roundId').uniqueKeys(),
    db.rounds.toCollection().primaryKeys(),
  ]);
  const existing = new Set<unknown>(rounds);
  return owners.filter((id) => !existing.has(id));
}

/**
 * Remove attachment rows of rounds that do not exist (left by an import that failed or was
 * interrupted). Returns how many rounds' rows were removed.
 *
 * Looks in a read-only transaction first and writes only when there is something to remove: a
 * write at every start is not free. Chromium's IndexedDB (LevelDB with log reuse) wipes the
 * whole database when it finds a checksum mismatch on opening, and one way to get there is a
 * small write appended after the torn tail a killed import left in the log, followed by another
 * kill (google/leveldb#1287). The faults e2e test met exactly that while this sweep wrote at
 * every start, and stopped meeting it once the sweep only read.
 */
export async function sweepOrphanAttachments(db: ReviewDeskDb): Promise<number> {
  const found = await db.transaction('r', [db.rounds, db.attachments], () => orphanOwners(db));
  if (found.length === 0) return 0;
  return db.transaction('rw', [db.rounds, db.attachments], async () => {
    const orphans = await orphanOwners(db);
    for (const id of orphans) await db.attachments.where('roundId').equals(id).delete();
    return orphans.length;
  });
}

/**
 * At start-up: sweep, unless another window holds the lock right now (it is importing, and the
 * rows without a round may be its own); the next import sweeps then.
 */
export async function sweepAtStart(db: ReviewDeskDb): Promise<void> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) {
    await sweepOrphanAttachments(db);
    return;
  }
  await locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
    if (lock) await sweepOrphanAttachments(db);
  });
}
