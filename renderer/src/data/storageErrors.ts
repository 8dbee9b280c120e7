/**
 * A full disk or an exhausted storage quota reaches us as a QuotaExceededError: thrown by a
 * request, or as the reason a transaction aborted (Dexie then reports an AbortError with the
 * quota error inside). Either way the transaction did not commit, so nothing stored changed.
 */
export function isQuotaExceeded(error: unknown): boolean {
  return findsError(error, (name) => name === 'QuotaExceededError');
}

/**
 * Chromium refused the Blobs of a transaction (“DataError: Failed to write blobs”): it does so
 * once more new Blob bytes are alive than its blob storage holds in memory (about 500 MB here;
 * see attachmentsAhead.ts). Imports and restores of new rounds stay under that; an update that
 * adds hundreds of megabytes of attachments at once can still meet it. Nothing was stored.
 */
export function isBlobWriteFailure(error: unknown): boolean {
  return findsError(
    error,
    (name, message) => name === 'DataError' && /Failed to write blobs/i.test(message),
  );
}

/**
 * The error and every error it wraps (Dexie's `inner`, a bulk error's `failures`), outermost
 * first, each as its name and message.
 */
export function nestedErrors(error: unknown): { name: unknown; message: string }[] {
  const found: { name: unknown; message: string }[] = [];
  const visit = (e: unknown, depth: number) => {
    if (typeof e !== 'object' || e === null || depth >= 5) return;
    const { name, message, inner, failures } = e as Record<string, unknown>;
    found.push({ name, message: typeof message === 'string' ? message : '' });
    if (Array.isArray(failures)) failures.forEach((f) => visit(f, depth + 1));
    visit(inner, depth + 1);
  };
  visit(error, 0);
  return found;
}

function findsError(error: unknown, test: (name: unknown, message: string) => boolean): boolean {
  return nestedErrors(error).some(({ name, message }) => test(name, message));
}

/**
 * What to tell the user when a store change failed: the plain full-disk message for a quota
 * error (nothing stored changed), the blob message for refused attachments when the caller
 * writes attachments, the error's own message otherwise.
 */
export function storageFailureMessage(
  error: unknown,
  quotaMessage: string,
  blobMessage?: string,
): string {
  if (isQuotaExceeded(error)) return quotaMessage;
  if (blobMessage !== undefined && isBlobWriteFailure(error)) return blobMessage;
  return error instanceof Error ? error.message : String(error);
}
