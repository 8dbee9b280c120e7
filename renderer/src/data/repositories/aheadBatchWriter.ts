/**
 * Writes one batch of attachments ahead (attachmentsAhead.ts) in a worker that is ended right
 * after, so that the batch's Blobs are let go of at once.
 *
 * Chromium keeps a Blob's bytes in the browser's blob store for as long as the page's Blob
 * object lives, and a Blob object lives until V8 collects it, which it does when the page's
 * heap needs it, not when the blob store fills: Blobs are small objects there. Batches written
 * on the page would leave every finished batch's Blobs in the store, and once about 500 MB pile
 * up Chromium refuses the next batch (“Failed to write blobs”). Ending a worker ends its Blobs
 * with it, whatever V8 would do. How this was found: docs/performance.md.
 */
import type { ReviewDeskDb } from '../db';
import { crossedError, type AheadBatchReply, type AheadBatchRequest } from './aheadBatchMessages';
import type { PendingAttachment } from './pendingAttachment';

/** A worker for one batch, loading its code until the batch is handed to it. */
export function startBatchWorker(): Worker {
  return new Worker(new URL('./aheadBatch.worker.ts', import.meta.url), { type: 'module' });
}

/** Write `batch` in `worker` (started for it, or a new one) and end the worker. */
export async function writeBatchInWorker(
  db: ReviewDeskDb,
  batch: readonly PendingAttachment[],
  worker: Worker = startBatchWorker(),
): Promise<void> {
  try {
    const reply = await new Promise<AheadBatchReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<AheadBatchReply>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message || '后台写入附件失败'));
      // The bytes are copied over (64 MiB at most); the page's copy goes with the import.
      const request: AheadBatchRequest = { dbName: db.name, batch };
      worker.postMessage(request);
    });
    if (!reply.ok) throw crossedError(reply.error);
  } finally {
    worker.terminate();
  }
}
