import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase } from '../db';
import { newPinProblem } from '../identity/pinHash';
import { auditForRound } from './auditLog';
import { lockDuration, pinState, resetPin, setPin, unlockWithPin } from './pinRepository';
import { importRound } from './roundRepository';

let counter = 0;
// Few iterations keep the tests fast; the production count is a default parameter.
const FAST = 1_000;

async function freshDb() {
  const db = await openDatabase(`pin-test-${Date.now()}-${counter++}`);
  await importRound(db, tinyRound(), 'demo');
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

  it('is stored salted and hashed, never in plain text, and unlocks with the right PIN only', async () => {
    const db = await freshDb();
    expect(await pinState(db, 'T-1', 'e1')).toEqual({ kind: 'unset' });
    expect(await setPin(db, 'T-1', 'e1', '王建国', '2580', '2580', FAST)).toEqual({ ok: true });
    const row = await db.pins.get('T-1:e1');
    expect(JSON.stringify(row)).not.toContain('2580');
    expect(row).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: FAST, failedAttempts: 0 });

    await setPin(db, 'T-1', 'e2', '李秀英', '2580', '2580', FAST);
    expect((await db.pins.get('T-1:e2'))!.salt).not.toBe(row!.salt);
    expect((await db.pins.get('T-1:e2'))!.hash).not.toBe(row!.hash);

    expect(await unlockWithPin(db, 'T-1', 'e1', '2580')).toEqual({ ok: true });
    expect(await unlockWithPin(db, 'T-1', 'e1', '0852')).toMatchObject({
      ok: false,
      reason: 'wrong',
      attemptsBeforeLock: 4,
    });
    expect(await setPin(db, 'T-1', 'e1', '王建国', '9753', '9753', FAST)).toMatchObject({
      ok: false,
    });
    expect((await auditForRound(db, 'T-1')).filter((a) => a.action === 'pin.set')).toHaveLength(2);
  });

  it('locks after five wrong entries, with a doubling back-off, and a right PIN resets the count', async () => {
    const db = await freshDb();
    await setPin(db, 'T-1', 'e1', '王建国', '2580', '2580', FAST);
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
    expect(await unlockWithPin(db, 'T-1', 'e1', '2580', t2)).toEqual({ ok: true });
    expect((await db.pins.get('T-1:e1'))!.failedAttempts).toBe(0);
  });

  it('back-off is capped at fifteen minutes', () => {
    expect([4, 5, 6, 7].map(lockDuration)).toEqual([0, 30_000, 60_000, 120_000]);
    expect(lockDuration(50)).toBe(15 * 60_000);
  });

  it('can be reset by the secretariat, with an audit entry', async () => {
    const db = await freshDb();
    await setPin(db, 'T-1', 'e1', '王建国', '2580', '2580', FAST);
    await resetPin(db, 'T-1', 'e1', '秘书');
    expect(await pinState(db, 'T-1', 'e1')).toEqual({ kind: 'unset' });
    expect((await auditForRound(db, 'T-1')).at(-1)).toMatchObject({
      action: 'pin.reset',
      subject: 'e1',
    });
  });
});
