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

/** Why a credential did not open a session, as every unlock screen shows it. */
export type UnlockRefusal =
  | { ok: false; reason: 'wrong'; attemptsBeforeLock: number; lockedUntil: Date | null }
  | { ok: false; reason: 'locked'; lockedUntil: Date }
  | { ok: false; reason: 'unset' };

/** What one more wrong entry makes of the counters (`next`), and the refusal to show. */
export function afterWrongEntry(
  stored: Attempts,
  now: Date,
): { next: Attempts; refusal: Extract<UnlockRefusal, { reason: 'wrong' }> } {
  const failures = stored.failedAttempts + 1;
  const lockMs = lockDuration(failures);
  const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs) : null;
  return {
    next: { failedAttempts: failures, lockedUntil: lockedUntil?.toISOString() ?? null },
    refusal: {
      ok: false,
      reason: 'wrong',
      attemptsBeforeLock: Math.max(0, FREE_ATTEMPTS - failures),
      lockedUntil,
    },
  };
}
