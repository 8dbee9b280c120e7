import type { ReviewDeskDb } from '../db';
import { afterWrongEntry, lockedAt, type UnlockRefusal } from '../identity/lockout';
import {
  hashSecret,
  newPinProblem,
  PIN_ITERATIONS,
  PIN_PATTERN,
  secretMatches,
} from '../identity/pinHash';
import type { ExpertRow, PinRow } from '../rows';
import {
  actorLabel,
  endSession,
  issueChangeOnlySession,
  issueSession,
  requireCredentialChange,
  requireSecretariat,
  SECRETARIAT_ACTOR,
  type ExpertActor,
  type Session,
} from '../session/session';
import { appendAudit } from './auditLog';
import { expertKey } from './keys';

export { FREE_ATTEMPTS, lockDuration } from '../identity/lockout';

export type PinState =
  { kind: 'unset' } | { kind: 'set'; lockedUntil: Date | null; mustChange: boolean };

export async function pinState(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
  now = new Date(),
): Promise<PinState> {
  const row = await db.pins.get(expertKey(roundId, expertId));
  if (!row) return { kind: 'unset' };
  return { kind: 'set', lockedUntil: lockedAt(row, now), mustChange: row.mustChange === true };
}

const expertActor = (expert: ExpertRow): ExpertActor => ({
  kind: 'expert',
  roundId: expert.roundId,
  expertId: expert.id,
  name: expert.name,
});

function pinRow(
  roundId: string,
  expertId: string,
  hashed: Awaited<ReturnType<typeof hashSecret>>,
  mustChange: boolean,
): PinRow {
  return {
    key: expertKey(roundId, expertId),
    roundId,
    expertId,
    ...hashed,
    setAt: new Date().toISOString(),
    failedAttempts: 0,
    lockedUntil: null,
    ...(mustChange ? { mustChange: true } : {}),
  };
}

export type SetPinOutcome = { ok: true; session: Session } | { ok: false; message: string };

/**
 * First use, at the secretariat's desk: a checked-in expert without a PIN chooses one and is
 * unlocked. Refused before 签到 on this laptop, and when a PIN is set (a PIN is never
 * overwritten silently: only the secretariat's reset replaces a forgotten one).
 */
export async function setPin(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
  pin: string,
  confirmation: string,
  iterations = PIN_ITERATIONS,
): Promise<SetPinOutcome> {
  const problem = newPinProblem(pin, confirmation);
  if (problem) return { ok: false, message: problem };
  // Hash before the transaction: an IndexedDB transaction cannot wait on WebCrypto.
  const hashed = await hashSecret(pin, iterations);
  return db.transaction('rw', [db.experts, db.checkIns, db.pins, db.audit], async () => {
    const key = expertKey(roundId, expertId);
    const expert = await db.experts.get(key);
    if (!expert) return { ok: false, message: `本评审没有专家 ${expertId}` } as const;
    if (!(await db.checkIns.get(key)))
      return {
        ok: false,
        message: `${expert.name}尚未在本机签到：请到秘书处签到后再设置 PIN`,
      } as const;
    if (await db.pins.get(key))
      return { ok: false, message: '该专家已设置 PIN；如忘记，请联系秘书处重置' } as const;
    await db.pins.add(pinRow(roundId, expertId, hashed, false));
    const actor = expertActor(expert);
    await appendAudit(db, {
      roundId,
      actor: actorLabel(actor),
      action: 'pin.set',
      subject: expertId,
      detail: '签到后首次设置 PIN',
    });
    return { ok: true, session: issueSession(actor) } as const;
  });
}

export type UnlockOutcome = { ok: true; session: Session; mustChange: boolean } | UnlockRefusal;

/**
 * The expert's PIN opens their session. After a reset (`mustChange`) the session only lets
 * them choose a new PIN (changePin), which then returns a full session.
 */
export async function unlockWithPin(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
  pin: string,
  now = new Date(),
): Promise<UnlockOutcome> {
  const key = expertKey(roundId, expertId);
  const [row, expert] = await Promise.all([db.pins.get(key), db.experts.get(key)]);
  if (!row || !expert) return { ok: false, reason: 'unset' };
  const locked = lockedAt(row, now);
  if (locked) return { ok: false, reason: 'locked', lockedUntil: locked };
  const matches = PIN_PATTERN.test(pin) && (await secretMatches(pin, row));
  return db.transaction('rw', db.pins, async () => {
    const current = await db.pins.get(key);
    if (!current) return { ok: false, reason: 'unset' } as const;
    if (matches && current.hash === row.hash) {
      await db.pins.update(key, { failedAttempts: 0, lockedUntil: null });
      const mustChange = current.mustChange === true;
      const actor = expertActor(expert);
      const session = mustChange ? issueChangeOnlySession(actor, now) : issueSession(actor, now);
      return { ok: true, session, mustChange } as const;
    }
    const wrong = afterWrongEntry(current, now);
    await db.pins.update(key, wrong.next);
    return wrong.refusal;
  });
}

export type ResetPinOutcome = { ok: true } | { ok: false; message: string };

/**
 * The secretariat replaces a forgotten PIN with a temporary one it gives the expert in person;
 * the expert must choose a new PIN at the next unlock.
 */
export async function resetPin(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  expertId: string,
  temporaryPin: string,
  iterations = PIN_ITERATIONS,
): Promise<ResetPinOutcome> {
  const secretariat = requireSecretariat(session);
  const problem = newPinProblem(temporaryPin, temporaryPin);
  if (problem) return { ok: false, message: `临时 ${problem}` };
  const hashed = await hashSecret(temporaryPin, iterations);
  return db.transaction('rw', [db.experts, db.pins, db.audit], async () => {
    const expert = await db.experts.get(expertKey(roundId, expertId));
    if (!expert) return { ok: false, message: `本评审没有专家 ${expertId}` } as const;
    await db.pins.put(pinRow(roundId, expertId, hashed, true));
    await appendAudit(db, {
      roundId,
      actor: actorLabel(secretariat.actor),
      action: 'pin.reset',
      subject: expertId,
      detail: `${SECRETARIAT_ACTOR}为${expert.name}设置了临时 PIN，专家下次解锁时须更换`,
    });
    return { ok: true } as const;
  });
}

/**
 * The expert replaces their PIN, with their own session (also the one a temporary PIN opened).
 * Returns a full session; the session it was called with ends.
 */
export async function changePin(
  db: ReviewDeskDb,
  session: Session | null,
  pin: string,
  confirmation: string,
  iterations = PIN_ITERATIONS,
): Promise<SetPinOutcome> {
  const expert = requireCredentialChange(session);
  const problem = newPinProblem(pin, confirmation);
  if (problem) return { ok: false, message: problem };
  const { roundId, expertId } = expert.actor;
  const key = expertKey(roundId, expertId);
  const before = await db.pins.get(key);
  if (before?.mustChange && (await secretMatches(pin, before)))
    return { ok: false, message: '新 PIN 不能与秘书处给的临时 PIN 相同' };
  const hashed = await hashSecret(pin, iterations);
  const outcome = await db.transaction('rw', [db.pins, db.audit], async () => {
    const current = await db.pins.get(key);
    if (!current || current.hash !== before?.hash)
      return { ok: false, message: 'PIN 刚被更改或重置，请重新解锁后再试' } as const;
    await db.pins.put(pinRow(roundId, expertId, hashed, false));
    await appendAudit(db, {
      roundId,
      actor: actorLabel(expert.actor),
      action: 'pin.change',
      subject: expertId,
      detail: current.mustChange ? '以临时 PIN 解锁后设置新 PIN' : '更改 PIN',
    });
    return { ok: true, session: issueSession(expert.actor) } as const;
  });
  if (outcome.ok) endSession(session);
  return outcome;
}
