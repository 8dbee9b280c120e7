/**
 * The attempt limit shared by every credential on a laptop (an expert's PIN, the secretariat's
 * passphrase): a few free wrong entries, then a lock-out that doubles with each further one.
 */

/** Wrong entries allowed before the first lock-out. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** Lock-out after `failures` consecutive wrong entries: 30 s at the 5th, doubling, at most 15 min. */
export function lockDuration(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
}

export interface Attempts {
  failedAttempts: number;
  lockedUntil: string | null;
}

/** The stored lock, when it still holds at `now`. */
export function lockedAt(stored: Attempts, now: Date): Date | null {
  return stored.lockedUntil && new Date(stored.lockedUntil) > now
    ? new Date(stored.lockedUntil)
    : null;
}

/** What one more wrong entry makes of the counters, and what the screen says about it. */
export function afterWrongEntry(
  stored: Attempts,
  now: Date,
): { next: Attempts; attemptsBeforeLock: number; lockedUntil: Date | null } {
  const failures = stored.failedAttempts + 1;
  const lockMs = lockDuration(failures);
  const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs) : null;
  return {
    next: { failedAttempts: failures, lockedUntil: lockedUntil?.toISOString() ?? null },
    attemptsBeforeLock: Math.max(0, FREE_ATTEMPTS - failures),
    lockedUntil,
  };
}
