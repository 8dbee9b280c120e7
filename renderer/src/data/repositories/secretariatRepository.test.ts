import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDemoRound } from '@shared/demo/demoRound';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase } from '../db';
import { AccessDeniedError, isLive, issueSession, requireSecretariat } from '../session/session';
import { auditForRound } from './auditLog';
import { collectRoundBackup, restoreRoundBackup } from './backupRepository';
import { checkInExpert, checkInsForRound, isCheckedIn } from './checkInRepository';
import { importRound } from './roundRepository';
import {
  secretariatState,
  setSecretariatPassphrase,
  unlockSecretariat,
} from './secretariatRepository';

let counter = 0;
const FAST = 1_000;
const freshDb = () => openDatabase(`secretariat-test-${Date.now()}-${counter++}`);

describe('the secretariat passphrase', () => {
  it('is set once without a session, stored hashed, and unlocks with the right passphrase only', async () => {
    const db = await freshDb();
    expect(await secretariatState(db)).toEqual({ kind: 'unset' });
    expect(await unlockSecretariat(db, 'anything')).toEqual({ ok: false, reason: 'unset' });
    expect(await setSecretariatPassphrase(db, 'short', 'short', null, FAST)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/至少 8 个字符/),
    });
    expect(
      await setSecretariatPassphrase(db, '评审台的秘书处口令', '评审台的秘书处口令x', null, FAST),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/不一致/) });
    const set = await setSecretariatPassphrase(
      db,
      '评审台秘书处口令',
      '评审台秘书处口令',
      null,
      FAST,
    );
    expect(set.ok && requireSecretariat(set.session)).toBeTruthy();
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('评审台秘书处口令');
    expect(await secretariatState(db)).toEqual({ kind: 'set', lockedUntil: null });

    // Set: nobody replaces it without the secretariat's session.
    expect(
      await setSecretariatPassphrase(db, 'another-passphrase', 'another-passphrase', null, FAST),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/已设置秘书处口令/) });
    const expert = issueSession({ kind: 'expert', roundId: 'T-1', expertId: 'e1', name: '王建国' });
    await expect(
      setSecretariatPassphrase(db, 'another-passphrase', 'another-passphrase', expert, FAST),
    ).rejects.toThrow(AccessDeniedError);
    expect(await unlockSecretariat(db, '评审台秘书处口令')).toMatchObject({ ok: true });

    const unlocked = await unlockSecretariat(db, '评审台秘书处口令');
    if (!unlocked.ok) throw new Error('expected to unlock');
    expect(isLive(unlocked.session)).toBe(true);
    expect(
      await setSecretariatPassphrase(
        db,
        'another-passphrase',
        'another-passphrase',
        unlocked.session,
        FAST,
      ),
    ).toMatchObject({ ok: true });
    expect(await unlockSecretariat(db, '评审台秘书处口令')).toMatchObject({ reason: 'wrong' });
    expect(await unlockSecretariat(db, 'another-passphrase')).toMatchObject({ ok: true });
  });

  it('locks after five wrong entries with a doubling back-off', async () => {
    const db = await freshDb();
    await setSecretariatPassphrase(db, 'correct horse', 'correct horse', null, FAST);
    const t0 = new Date('2026-11-21T10:00:00Z');
    for (let i = 1; i <= 4; i += 1)
      expect(await unlockSecretariat(db, 'wrong guess', t0)).toMatchObject({
        reason: 'wrong',
        attemptsBeforeLock: 5 - i,
        lockedUntil: null,
      });
    expect(await unlockSecretariat(db, 'wrong guess', t0)).toMatchObject({
      reason: 'wrong',
      lockedUntil: new Date(t0.getTime() + 30_000),
    });
    const during = new Date(t0.getTime() + 10_000);
    expect(await unlockSecretariat(db, 'correct horse', during)).toMatchObject({
      reason: 'locked',
    });
    expect(await secretariatState(db, during)).toMatchObject({ lockedUntil: expect.any(Date) });
    const t1 = new Date(t0.getTime() + 31_000);
    expect(await unlockSecretariat(db, 'wrong guess', t1)).toMatchObject({
      lockedUntil: new Date(t1.getTime() + 60_000),
    });
    expect(
      await unlockSecretariat(db, 'correct horse', new Date(t1.getTime() + 61_000)),
    ).toMatchObject({ ok: true });
  });

  it('belongs to the laptop: a round’s backup does not carry it and a restore keeps it', async () => {
    const db = await freshDb();
    const demo = buildDemoRound();
    await importRound(db, demo, 'demo');
    await setSecretariatPassphrase(db, 'correct horse', 'correct horse', null, FAST);
    const content = await collectRoundBackup(db, demo.round.id);
    expect(JSON.stringify(content.tables)).not.toContain('PBKDF2');
    const other = await freshDb();
    await setSecretariatPassphrase(other, 'other laptop', 'other laptop', null, FAST);
    await restoreRoundBackup(other, content);
    await expect(restoreRoundBackup(db, content, { replace: true })).rejects.toThrow(
      AccessDeniedError,
    );
    const desk = await unlockSecretariat(db, 'correct horse');
    await restoreRoundBackup(db, content, {
      replace: true,
      session: desk.ok ? desk.session : null,
    });
    expect(await unlockSecretariat(other, 'other laptop')).toMatchObject({ ok: true });
    expect(await unlockSecretariat(db, 'correct horse')).toMatchObject({ ok: true });
  });
});

describe('签到', () => {
  it('is recorded only by the secretariat, once, in the audit log', async () => {
    const db = await freshDb();
    await importRound(db, tinyRound(), 'demo');
    await expect(checkInExpert(db, null, 'T-1', 'e1')).rejects.toThrow(AccessDeniedError);
    const expert = issueSession({ kind: 'expert', roundId: 'T-1', expertId: 'e1', name: '王建国' });
    await expect(checkInExpert(db, expert, 'T-1', 'e1')).rejects.toThrow(AccessDeniedError);
    const forged = { actor: { kind: 'secretariat' as const }, openedAt: new Date() };
    await expect(checkInExpert(db, forged, 'T-1', 'e1')).rejects.toThrow(AccessDeniedError);
    expect(await isCheckedIn(db, 'T-1', 'e1')).toBe(false);

    const set = await setSecretariatPassphrase(db, 'correct horse', 'correct horse', null, FAST);
    if (!set.ok) throw new Error('expected a session');
    await checkInExpert(db, set.session, 'T-1', 'e1');
    await checkInExpert(db, set.session, 'T-1', 'e1');
    await expect(checkInExpert(db, set.session, 'T-1', 'nobody')).rejects.toThrow(/没有专家/);
    expect(await isCheckedIn(db, 'T-1', 'e1')).toBe(true);
    expect(await checkInsForRound(db, 'T-1')).toMatchObject([{ expertId: 'e1' }]);
    expect(
      (await auditForRound(db, 'T-1')).filter((a) => a.action === 'expert.checkin'),
    ).toMatchObject([{ actor: '秘书处', subject: 'e1' }]);
  });
});
