import type { ReviewDeskDb } from '../db';
import { afterWrongEntry, lockedAt, type UnlockRefusal } from '../identity/lockout';
import {
  hashSecret,
  newPassphraseProblem,
  PIN_ITERATIONS,
  secretMatches,
} from '../identity/pinHash';
import type { SecretariatCredential } from '../rows';
import { issueSession, requireSecretariat, type Session } from '../session/session';

/**
 * The secretariat's passphrase (秘书处口令): one per laptop, not per round. It lives in the
 * device-wide `settings` entry `secretariat`, which no round's backup carries and no restore
 * touches, so restoring a round never changes who holds the secretariat's rights here.
 */
const CREDENTIAL_KEY = 'secretariat';

export type SecretariatState = { kind: 'unset' } | { kind: 'set'; lockedUntil: Date | null };

async function storedCredential(db: ReviewDeskDb): Promise<SecretariatCredential | undefined> {
  return (await db.settings.get(CREDENTIAL_KEY))?.value as SecretariatCredential | undefined;
}

export async function secretariatState(
  db: ReviewDeskDb,
  now = new Date(),
): Promise<SecretariatState> {
  const stored = await storedCredential(db);
  if (!stored) return { kind: 'unset' };
  return { kind: 'set', lockedUntil: lockedAt(stored, now) };
}

export type SetPassphraseOutcome = { ok: true; session: Session } | { ok: false; message: string };

/**
 * Sets the passphrase: the first time without a session (only while none is set), afterwards
 * only with the secretariat's session. Returns a fresh secretariat session.
 */
export async function setSecretariatPassphrase(
  db: ReviewDeskDb,
  passphrase: string,
  confirmation: string,
  current: Session | null,
  iterations = PIN_ITERATIONS,
): Promise<SetPassphraseOutcome> {
  const problem = newPassphraseProblem(passphrase, confirmation);
  if (problem) return { ok: false, message: problem };
  const changing = current !== null;
  if (changing) requireSecretariat(current);
  // Hash before the transaction: an IndexedDB transaction cannot wait on WebCrypto.
  const hashed = await hashSecret(passphrase, iterations);
  return db.transaction('rw', db.settings, async () => {
    const stored = await storedCredential(db);
    if (stored && !changing)
      return {
        ok: false,
        message: '本机已设置秘书处口令；如需更改，请先用现有口令解锁秘书处',
      } as const;
    const credential: SecretariatCredential = {
      ...hashed,
      setAt: new Date().toISOString(),
      failedAttempts: 0,
      lockedUntil: null,
    };
    await db.settings.put({ key: CREDENTIAL_KEY, value: credential });
    return { ok: true, session: issueSession({ kind: 'secretariat' }) } as const;
  });
}

export type SecretariatUnlockOutcome = { ok: true; session: Session } | UnlockRefusal;

export async function unlockSecretariat(
  db: ReviewDeskDb,
  passphrase: string,
  now = new Date(),
): Promise<SecretariatUnlockOutcome> {
  const stored = await storedCredential(db);
  if (!stored) return { ok: false, reason: 'unset' };
  const locked = lockedAt(stored, now);
  if (locked) return { ok: false, reason: 'locked', lockedUntil: locked };
  const matches = await secretMatches(passphrase, stored);
  return db.transaction('rw', db.settings, async () => {
    const current = await storedCredential(db);
    if (!current) return { ok: false, reason: 'unset' } as const;
    if (matches && current.hash === stored.hash) {
      await db.settings.put({
        key: CREDENTIAL_KEY,
        value: { ...current, failedAttempts: 0, lockedUntil: null },
      });
      return { ok: true, session: issueSession({ kind: 'secretariat' }, now) } as const;
    }
    const wrong = afterWrongEntry(current, now);
    await db.settings.put({ key: CREDENTIAL_KEY, value: { ...current, ...wrong.next } });
    return wrong.refusal;
  });
}
