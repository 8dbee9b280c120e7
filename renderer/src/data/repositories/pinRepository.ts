import type { ReviewDeskDb } from '../db';
import {
  hashPin,
  newPinProblem,
  pinMatches,
  PIN_ITERATIONS,
  PIN_PATTERN,
} from '../identity/pinHash';
import type { PinRow } from '../rows';
import { appendAudit } from './auditLog';
import { expertKey } from './keys';

/** Wrong entries allowed before the first lock-out. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** Lock-out after `failures` consecutive wrong entries: 30 s at the 5th, doubling, at most 15 min. */
export function lockDuration(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
}

export type PinState = { kind: 'unset' } | { kind: 'set'; lockedUntil: Date | null };

export async function pinState(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
  now = new Date(),
): Promise<PinState> {
  const row = await db.pins.get(expertKey(roundId, expertId));
  if (!row) return { kind: 'unset' };
  const lockedUntil =
    row.lockedUntil && new Date(row.lockedUntil) > now ? new Date(row.lockedUntil) : null;
  return { kind: 'set', lockedUntil };
}

export type SetPinOutcome = { ok: true } | { ok: false; message: string };

/** First use: the expert chooses a PIN. Refused when one is already set (it cannot be overwritten silently). */
export async function setPin(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
  expertName: string,
  pin: string,
  confirmation: string,
  iterations = PIN_ITERATIONS,
): Promise<SetPinOutcome> {
  const problem = newPinProblem(pin, confirmation);
  if (problem) return { ok: false, message: problem };
  // Hash before the transaction: an IndexedDB transaction cannot wait on WebCrypto.
  const hashed = await hashPin(pin, iterations);
  return db.transaction('rw', [db.pins, db.audit], async () => {
    const key = expertKey(roundId, expertId);
    if (await db.pins.get(key))
      return { ok: false, message: '该专家已设置 PIN；如忘记，请联系秘书重置' } as const;
    const row: PinRow = {
      key,
      roundId,
      expertId,
      ...hashed,
      setAt: new Date().toISOString(),
      failedAttempts: 0,
      lockedUntil: null,
    };
    await db.pins.add(row);
    await appendAudit(db, {
      roundId,
      actor: expertName,
      action: 'pin.set',
      subject: expertId,
      detail: '首次使用，设置 PIN',
    });
    return { ok: true } as const;
  });
}

export type UnlockOutcome =
  | { ok: true }
  | { ok: false; reason: 'wrong'; attemptsBeforeLock: number; lockedUntil: Date | null }
  | { ok: false; reason: 'locked'; lockedUntil: Date }
  | { ok: false; reason: 'unset' };

export async function unlockWithPin(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
  pin: string,
  now = new Date(),
): Promise<UnlockOutcome> {
  const key = expertKey(roundId, expertId);
  const row = await db.pins.get(key);
  if (!row) return { ok: false, reason: 'unset' };
  if (row.lockedUntil && new Date(row.lockedUntil) > now)
    return { ok: false, reason: 'locked', lockedUntil: new Date(row.lockedUntil) };
  const matches = PIN_PATTERN.test(pin) && (await pinMatches(pin, row));
  return db.transaction('rw', db.pins, async () => {
    const current = await db.pins.get(key);
    if (!current) return { ok: false, reason: 'unset' } as const;
    if (matches) {
      await db.pins.update(key, { failedAttempts: 0, lockedUntil: null });
      return { ok: true } as const;
    }
    const failures = current.failedAttempts + 1;
    const lockMs = lockDuration(failures);
    const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs) : null;
    await db.pins.update(key, {
      failedAttempts: failures,
      lockedUntil: lockedUntil?.toISOString() ?? null,
    });
    return {
      ok: false,
      reason: 'wrong',
      attemptsBeforeLock: Math.max(0, FREE_ATTEMPTS - failures),
      lockedUntil,
    } as const;
  });
}

/** The secretariat clears a forgotten PIN; the expert sets a new one at next use. */
export async function resetPin(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
  actor: string,
): Promise<void> {
  await db.transaction('rw', [db.pins, db.audit], async () => {
    await db.pins.delete(expertKey(roundId, expertId));
    await appendAudit(db, {
      roundId,
      actor,
      action: 'pin.reset',
      subject: expertId,
      detail: '秘书重置了该专家的 PIN',
    });
  });
}
