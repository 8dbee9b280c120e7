import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase, type ReviewDeskDb } from '../db';
import { AccessDeniedError } from '../session/session';
import { chairSession, expertSession, secretariat } from '../session/testSessions';
import { auditForRound, checkAuditChain } from './auditLog';
import { OpinionError, opinionsOf, saveOpinion } from './opinionRepository';
import { ResultsLockedError } from './resultsLock';
import { confirmResults, reopenResults, resultsView } from './resultsRepository';
import { importRound } from './roundRepository';
import { saveDraft, submitSheet } from './sheetRepository';

const ROUND = 'T-1';
let counter = 0;

/** tinyRound with a quota of one 入选 in 天府技工, e3 as chair. */
async function freshDb(): Promise<ReviewDeskDb> {
  const db = await openDatabase(`opinion-test-${Date.now()}-${counter++}`);
  const tiny = tinyRound(ROUND);
  tiny.round.quotas = [{ group: '天府技工', count: 1, reserve: 0 }];
  await importRound(db, tiny, 'demo');
  return db;
}

async function submit(
  db: ReviewDeskDb,
  packetId: string,
  expertId: string,
  c1: string,
  c2: string,
) {
  const session = await expertSession(db, ROUND, expertId);
  await saveDraft(db, session, ROUND, packetId, expertId, { inputs: { c1, c2 }, comment: '评语' });
  const outcome = await submitSheet(
    db,
    await expertSession(db, ROUND, expertId),
    tinyRound().round.rubric,
    ROUND,
    packetId,
    expertId,
  );
  expect(outcome.ok).toBe(true);
}

/** P001 scores higher than P002: P001 入选, P002 不入选. */
async function scored(db: ReviewDeskDb) {
  await submit(db, 'P001', 'e1', '9', '14');
  await submit(db, 'P002', 'e1', '5', '8');
}

describe('专家组意见', () => {
  it('is written only in the chair’s session; anyone else is refused and nothing is written', async () => {
    const db = await freshDb();
    await chairSession(db, ROUND, 'e3');
    const auditBefore = (await auditForRound(db, ROUND)).length;
    const attempts = [null, secretariat(), await expertSession(db, ROUND, 'e1')];
    for (const session of attempts) {
      await expect(saveOpinion(db, session, ROUND, 'P001', '建议入选')).rejects.toBeInstanceOf(
        AccessDeniedError,
      );
    }
    expect((await opinionsOf(db, ROUND)).size).toBe(0);
    expect(await auditForRound(db, ROUND)).toHaveLength(auditBefore);

    const row = await saveOpinion(
      db,
      await chairSession(db, ROUND, 'e3'),
      ROUND,
      'P001',
      ' 条件完善，建议入选。\r\n同意。 ',
    );
    expect(row).toMatchObject({
      packetId: 'P001',
      text: '条件完善，建议入选。\n同意。',
      chairId: 'e3',
    });
    const audit = await auditForRound(db, ROUND);
    expect(audit.at(-1)).toMatchObject({
      action: 'results.opinion',
      subject: 'P001',
      actor: '组长 张伟（e3）',
      detail: '填写专家组意见：条件完善，建议入选。\n同意。',
    });
    expect((await checkAuditChain(db, ROUND)).intact).toBe(true);
  });

  it('refuses a chair who has been replaced, an unknown packet and an overlong text', async () => {
    const db = await freshDb();
    const formerChair = await chairSession(db, ROUND, 'e3');
    await chairSession(db, ROUND, 'e2');
    await expect(saveOpinion(db, formerChair, ROUND, 'P001', '意见')).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    const chair = await chairSession(db, ROUND, 'e2');
    await expect(saveOpinion(db, chair, ROUND, 'P999', '意见')).rejects.toBeInstanceOf(
      OpinionError,
    );
    await expect(saveOpinion(db, chair, ROUND, 'P001', '字'.repeat(2001))).rejects.toThrow(
      /超过 2000 字/,
    );
    expect((await opinionsOf(db, ROUND)).size).toBe(0);
  });

  it('is required for a packet recommended for selection before the results can be confirmed', async () => {
    const db = await freshDb();
    await scored(db);
    const chair = await chairSession(db, ROUND, 'e3');
    const before = await resultsView(db, ROUND);
    expect(before.result.packets.find((p) => p.packetId === 'P001')!.decision).toBe('入选');
    expect(before.blockers).toEqual([{ kind: 'opinion-missing', packetIds: ['P001'] }]);
    await expect(confirmResults(db, chair, ROUND)).rejects.toThrow(
      /还不能确认：.*须有专家组意见.*P001/,
    );

    // An opinion on a packet that needs none does not clear it.
    await saveOpinion(db, chair, ROUND, 'P002', '得分较低，不予推荐。');
    expect((await resultsView(db, ROUND)).blockers).toHaveLength(1);
    await saveOpinion(db, chair, ROUND, 'P001', '条件完善，建议入选。');
    expect((await resultsView(db, ROUND)).blockers).toEqual([]);
    await confirmResults(db, chair, ROUND);

    // Confirmed results are read-only, opinions included; clearing one is a write too.
    await expect(saveOpinion(db, chair, ROUND, 'P001', '改过')).rejects.toBeInstanceOf(
      ResultsLockedError,
    );
    await expect(saveOpinion(db, chair, ROUND, 'P001', '')).rejects.toBeInstanceOf(
      ResultsLockedError,
    );
  });

  it('a changed opinion after reopening needs a new confirmation, like a changed score', async () => {
    const db = await freshDb();
    await scored(db);
    const chair = await chairSession(db, ROUND, 'e3');
    await saveOpinion(db, chair, ROUND, 'P001', '条件完善，建议入选。');
    await confirmResults(db, chair, ROUND);
    expect((await resultsView(db, ROUND)).state).toMatchObject({
      kind: 'confirmed',
      matches: true,
    });
    await reopenResults(db, secretariat(), ROUND, '补充专家组意见');
    expect((await resultsView(db, ROUND)).state).toMatchObject({ kind: 'reopened', matches: true });
    await saveOpinion(db, chair, ROUND, 'P001', '条件完善，师资充足，建议入选。');
    expect((await resultsView(db, ROUND)).state).toMatchObject({
      kind: 'reopened',
      matches: false,
    });
    // Removing the required opinion blocks the confirmation again.
    await saveOpinion(db, chair, ROUND, 'P001', '');
    expect((await resultsView(db, ROUND)).blockers).toEqual([
      { kind: 'opinion-missing', packetIds: ['P001'] },
    ]);
  });
});
