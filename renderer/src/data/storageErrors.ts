/**
 * A full disk or an exhausted storage quota reaches us as a QuotaExceededError: thrown by a
 * request, or as the reason a transaction aborted (Dexie then reports an AbortError with the
 * quota error inside). Either way the transaction did not commit, so nothing stored changed.
 */
export function isQuotaExceeded(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { name, inner, failures } = e as { name?: unknown; inner?: unknown; failures?: unknown };
    if (name === 'QuotaExceededError') return true;
    if (Array.isArray(failures) && failures.some((f) => isQuotaExceeded(f))) return true;
    e = inner;
  }
  return false;
}

/**
 * What to tell the user when a store change failed: the plain full-disk message for a quota
 * error (nothing stored changed), the error's own message otherwise.
 */
export function storageFailureMessage(error: unknown, quotaMessage: string): string {
  if (isQuotaExceeded(error)) return quotaMessage;
  return error instanceof Error ? error.message : String(error);
}
