import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { isCheckedIn, checkInsForRound } from './checkInRepository';
import { DEMO_SECRETARIAT_PASSPHRASE, loadDemoRound } from './demo';
import { setPin } from './pinRepository';
import {
  secretariatState,
  setSecretariatPassphrase,
  unlockSecretariat,
} from './secretariatRepository';

let counter = 0;
const freshDb = () => openDatabase(`demo-test-${Date.now()}-${counter++}`);

describe('载入示例评审', () => {
  it('on a laptop without a passphrase sets the known one and checks every demo expert in', async () => {
    const db = await freshDb();
    const outcome = await loadDemoRound(db);
    expect(outcome).toMatchObject({ kind: 'imported', demoPassphrase: true });
    expect(await unlockSecretariat(db, DEMO_SECRETARIAT_PASSPHRASE)).toMatchObject({ ok: true });
    const roundId = outcome.roundId;
    const experts = await db.experts.where('roundId').equals(roundId).toArray();
    expect((await checkInsForRound(db, roundId)).map((c) => c.expertId).sort()).toEqual(
      experts.map((e) => e.id).sort(),
    );
    // Checked in, so a newcomer can choose a PIN at once; no PIN or key is set for them.
    expect(await db.pins.count()).toBe(0);
    expect(await db.expertKeys.count()).toBe(0);
    expect(await setPin(db, roundId, experts[0]!.id, '2580', '2580', 1_000)).toMatchObject({
      ok: true,
    });
  });

  it('leaves a passphrase already set alone and checks nobody in', async () => {
    const db = await freshDb();
    await setSecretariatPassphrase(db, '本机原有的秘书处口令', '本机原有的秘书处口令', null, 1_000);
    const outcome = await loadDemoRound(db);
    expect(outcome).toMatchObject({ kind: 'imported', demoPassphrase: false });
    expect(await unlockSecretariat(db, DEMO_SECRETARIAT_PASSPHRASE)).toMatchObject({
      reason: 'wrong',
    });
    expect(await secretariatState(db)).toMatchObject({ kind: 'set' });
    const expert = (await db.experts.toArray())[0]!;
    expect(await isCheckedIn(db, outcome.roundId, expert.id)).toBe(false);
  });
});
