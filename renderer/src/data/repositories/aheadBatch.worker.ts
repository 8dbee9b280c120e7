/**
 * Writes one batch of attachments written ahead, then is ended by the page (aheadBatchWriter.ts
 * says why). Opens its own connection to the same database.
 */
import { openDatabase } from '../db';
import { crossingError, type AheadBatchReply, type AheadBatchRequest } from './aheadBatchMessages';
import { writeBatchHere } from './pendingAttachment';

// The web tsconfig has the DOM lib, not the worker one (they conflict): type what is used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AheadBatchRequest>) => void) | null;
  postMessage(message: AheadBatchReply): void;
};

scope.onmessage = async (event: MessageEvent<AheadBatchRequest>) => {
  const { dbName, batch } = event.data;
  try {
    const db = await openDatabase(dbName);
    try {
      await writeBatchHere(db, batch);
    } finally {
      db.close();
    }
    scope.postMessage({ ok: true });
  } catch (error) {
    scope.postMessage({ ok: false, error: crossingError(error) });
  }
};
