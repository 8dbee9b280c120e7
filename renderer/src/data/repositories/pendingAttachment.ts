/**
 * An attachment row before its Blob exists, and how it becomes one. Kept apart from
 * attachmentsAhead.ts so that the batch-writing worker can use it without importing the code
 * that starts that worker.
 */
import type { ReviewDeskDb } from '../db';
import type { AttachmentRow } from '../rows';

/** An attachment row whose Blob is made only when its batch is written. */
export type PendingAttachment = Omit<AttachmentRow, 'blob'> & { content: Uint8Array | Blob };

/**
 * The row as stored, its Blob made now and typed. The import makes its Blobs typed already (by
 * the entry's name); a Blob of another type is sliced, which shares the data but costs a round
 * trip to the browser's blob registry each (0.5 s for 4,000 attachments), so only when needed.
 */
export function attachmentRow(pending: PendingAttachment): AttachmentRow {
  const { content, ...row } = pending;
  const blob =
    content instanceof Blob
      ? content.type === row.mime
        ? content
        : content.slice(0, content.size, row.mime)
      : new Blob([content as Uint8Array<ArrayBuffer>], { type: row.mime });
  return { ...row, blob };
}

/** One batch in one transaction, its Blobs made on this thread. */
export async function writeBatchHere(
  db: ReviewDeskDb,
  batch: readonly PendingAttachment[],
): Promise<void> {
  await db.transaction('rw', db.attachments, () =>
    db.attachments.bulkPut(batch.map(attachmentRow)),
  );
}
