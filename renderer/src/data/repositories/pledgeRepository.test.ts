import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { pledgeCode } from '@shared/pledge/pledgeCode';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase } from '../db';
import { AccessDeniedError, issueSession } from '../session/session';
import { auditForRound } from './auditLog';
import { checkInExpert } from './checkInRepository';
import { pledgeView, recordPledgePrinted } from './pledgeRepository';
import { importRound } from './roundRepository';
import { setSecretariatPassphrase } from './secretariatRepository';

let counter = 0;
const freshDb = () => openDatabase(`pledge-test-${Date.now()}-${counter++}`);

describe('承诺书', () => {
  it('exists only after 签到, states the round and the expert, and its printing is audited', async () => {
    const db = await freshDb();
    const round = tinyRound();
    await importRound(db, round, 'demo');
    const set = await setSecretariatPassphrase(db, 'correct horse', 'correct horse', null, 1_000);
    if (!set.ok) throw new Error('expected a session');
    expect(await pledgeView(db, 'T-1', 'e1')).toBeNull();

    await checkInExpert(db, set.session, 'T-1', 'e1');
    const pledge = await pledgeView(db, 'T-1', 'e1');
    const expert = round.round.experts.find((e) => e.id === 'e1')!;
    expect(pledge).toMatchObject({
      roundTitle: round.round.title,
      name: expert.name,
      org: expert.org,
      fingerprint: null,
    });
    const { code, ...facts } = pledge!;
    expect(code).toBe(pledgeCode(facts));

    const expertSession = issueSession({
      kind: 'expert',
      roundId: 'T-1',
      expertId: 'e1',
      name: expert.name,
    });
    await expect(recordPledgePrinted(db, expertSession, pledge!)).rejects.toThrow(
      AccessDeniedError,
    );
    await recordPledgePrinted(db, set.session, pledge!);
    const entries = (await auditForRound(db, 'T-1')).filter((a) => a.action === 'expert.pledge');
    expect(entries).toMatchObject([{ actor: '秘书处', subject: 'e1' }]);
    expect(entries[0]!.detail).toContain(code);
  });
});
