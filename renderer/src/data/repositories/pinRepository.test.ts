import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase } from '../db';
import { newPinProblem } from '../identity/pinHash';
import { AccessDeniedError, isLive, requireExpert } from '../session/session';
import { secretariat } from '../session/testSessions';
import { auditForRound } from './auditLog';
import { checkInExpert } from './checkInRepository';
import {
  changePin,
  lockDuration,
  pinState,
  resetPin,
  setPin,
  unlockWithPin,
} from './pinRepository';
import { importRound } from './roundRepository';

let counter = 0;
// Few iterations keep the tests fast; the production count is a default parameter.
const FAST = 1_000;

async function freshDb(checkedIn: readonly string[] = ['e1', 'e2']) {
  const db = await openDatabase(`pin-test-${Date.now()}-${counter++}`);
  await importRound(db, tinyRound(), 'demo');
  const desk = secretariat();
  for (const id of checkedIn) await checkInExpert(db, desk, 'T-1', id);
  return db;
}

describe('PIN', () => {
  it('refuses weak or mistyped new PINs', () => {
    expect(newPinProblem('12a4', '12a4')).toMatch(/4 至 8 位数字/);
    expect(newPinProblem('123', '123')).toMatch(/4 至 8 位数字/);
    expect(newPinProblem('1111', '1111')).toMatch(/过于简单/);
    expect(newPinProblem('3456', '3456')).toMatch(/过于简单/);
    expect(newPinProblem('2580', '2581')).toMatch(/不一致/);
    expect(newPinProblem('2580', '2580')).toBeNull();
  });

  it('cannot be set for an expert the secretariat has not checked in on this laptop', async () => {
    const db = await freshDb([]);
    const refused = await setPin(db, 'T-1', 'e1', '2580', '2580', FAST);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/尚未在本机签到/) });
    expect(await db.pins.count()).toBe(0);
    await expect(checkInExpert(db, null, 'T-1', 'e1')).rejects.toThrow(AccessDeniedError);
    await checkInExpert(db, secretariat(), 'T-1', 'e1');
    expect(await setPin(db, 'T-1', 'e1', '2580', '2580', FAST)).toMatchObject({ ok: true });
  });

  it('is stored salted and hashed, never in plain text, and unlocks with the right PIN only', async () => {
    const db = await freshDb();
    expect(await pinState(db, 'T-1', 'e1')).toEqual({ kind: 'unset' });
    const set = await setPin(db, 'T-1', 'e1', '2580', '2580', FAST);
    expect(set.ok && requireExpert(set.session, 'T-1', 'e1').actor.name).toBe('王建国');
    const row = await db.pins.get('T-1:e1');
    expect(JSON.stringify(row)).not.toContain('2580');
    expect(row).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: FAST, failedAttempts: 0 });

    await setPin(db, 'T-1', 'e2', '2580', '2580', FAST);
    expect((await db.pins.get('T-1:e2'))!.salt).not.toBe(row!.salt);
    expect((await db.pins.get('T-1:e2'))!.hash).not.toBe(row!.hash);

    const unlocked = await unlockWithPin(db, 'T-1', 'e1', '2580');
    expect(unlocked).toMatchObject({ ok: true, mustChange: false });
    expect(unlocked.ok && isLive(unlocked.session)).toBe(true);
    expect(await unlockWithPin(db, 'T-1', 'e1', '0852')).toMatchObject({
      ok: false,
      reason: 'wrong',
      attemptsBeforeLock: 4,
    });
    // A PIN once set is never overwritten by setPin.
    expect(await setPin(db, 'T-1', 'e1', '9753', '9753', FAST)).toMatchObject({ ok: false });
    expect((await auditForRound(db, 'T-1')).filter((a) => a.action === 'pin.set')).toMatchObject([
      { actor: '王建国（e1）' },
      { actor: '李秀英（e2）' },
    ]);
  });

  it('locks after five wrong entries, with a doubling back-off, and a right PIN resets the count', async () => {
    const db = await freshDb();
    await setPin(db, 'T-1', 'e1', '2580', '2580', FAST);
    const t0 = new Date('2026-11-21T10:00:00Z');
    for (let i = 1; i <= 4; i += 1) {
      expect(await unlockWithPin(db, 'T-1', 'e1', '0000', t0)).toMatchObject({
        reason: 'wrong',
        lockedUntil: null,
      });
    }
    const fifth = await unlockWithPin(db, 'T-1', 'e1', '0000', t0);
    expect(fifth).toMatchObject({
      reason: 'wrong',
      attemptsBeforeLock: 0,
      lockedUntil: new Date(t0.getTime() + 30_000),
    });
    // While locked even the right PIN is not tried.
    expect(
      await unlockWithPin(db, 'T-1', 'e1', '2580', new Date(t0.getTime() + 10_000)),
    ).toMatchObject({ reason: 'locked' });
    expect(await pinState(db, 'T-1', 'e1', new Date(t0.getTime() + 10_000))).toMatchObject({
      kind: 'set',
      lockedUntil: expect.any(Date),
    });

    const t1 = new Date(t0.getTime() + 31_000);
    expect(await unlockWithPin(db, 'T-1', 'e1', '0000', t1)).toMatchObject({
      reason: 'wrong',
      lockedUntil: new Date(t1.getTime() + 60_000),
    });
    const t2 = new Date(t1.getTime() + 61_000);
    expect(await unlockWithPin(db, 'T-1', 'e1', '2580', t2)).toMatchObject({ ok: true });
    expect((await db.pins.get('T-1:e1'))!.failedAttempts).toBe(0);
  });

  it('back-off is capped at fifteen minutes', () => {
    expect([4, 5, 6, 7].map(lockDuration)).toEqual([0, 30_000, 60_000, 120_000]);
    expect(lockDuration(50)).toBe(15 * 60_000);
  });

  it('is reset only by the secretariat, to a temporary PIN the expert must change at once', async () => {
    const db = await freshDb();
    await setPin(db, 'T-1', 'e1', '2580', '2580', FAST);
    const e2 = await setPin(db, 'T-1', 'e2', '3691', '3691', FAST);
    // Another expert's session, or none, cannot reset a PIN.
    await expect(
      resetPin(db, e2.ok ? e2.session : null, 'T-1', 'e1', '7410', FAST),
    ).rejects.toThrow(AccessDeniedError);
    await expect(resetPin(db, null, 'T-1', 'e1', '7410', FAST)).rejects.toThrow(AccessDeniedError);
    expect(await unlockWithPin(db, 'T-1', 'e1', '2580')).toMatchObject({ ok: true });

    expect(await resetPin(db, secretariat(), 'T-1', 'e1', '7410', FAST)).toEqual({ ok: true });
    expect(await pinState(db, 'T-1', 'e1')).toMatchObject({ kind: 'set', mustChange: true });
    expect(await unlockWithPin(db, 'T-1', 'e1', '2580')).toMatchObject({ reason: 'wrong' });
    const temporary = await unlockWithPin(db, 'T-1', 'e1', '7410');
    expect(temporary).toMatchObject({ ok: true, mustChange: true });
    if (!temporary.ok) return;
    // The temporary PIN opens nothing but the change of PIN: whoever knows it cannot score.
    expect(isLive(temporary.session)).toBe(false);
    expect(() => requireExpert(temporary.session, 'T-1', 'e1')).toThrow(AccessDeniedError);
    expect(await changePin(db, temporary.session, '7410', '7410', FAST)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/临时 PIN/),
    });
    const changed = await changePin(db, temporary.session, '8520', '8520', FAST);
    expect(changed.ok && isLive(changed.session)).toBe(true);
    expect(await unlockWithPin(db, 'T-1', 'e1', '8520')).toMatchObject({
      ok: true,
      mustChange: false,
    });
    expect(
      (await auditForRound(db, 'T-1'))
        .filter((a) => a.action.startsWith('pin.'))
        .map((a) => [a.action, a.actor]),
    ).toEqual([
      ['pin.set', '王建国（e1）'],
      ['pin.set', '李秀英（e2）'],
      ['pin.reset', '秘书处'],
      ['pin.change', '王建国（e1）'],
    ]);
  });

  it('is changed only with the expert’s own session', async () => {
    const db = await freshDb();
    await setPin(db, 'T-1', 'e1', '2580', '2580', FAST);
    await expect(changePin(db, secretariat(), '8520', '8520', FAST)).rejects.toThrow(
      AccessDeniedError,
    );
    await expect(changePin(db, null, '8520', '8520', FAST)).rejects.toThrow(AccessDeniedError);
    expect(await unlockWithPin(db, 'T-1', 'e1', '2580')).toMatchObject({ ok: true });
  });
});
