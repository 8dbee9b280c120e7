import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { compileRound, type CompileSheet } from '@shared/compile';
import { resultDigest } from '@shared/compile/resultDigest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase, type ReviewDeskDb } from '../db';
import { auditForRound, checkAuditChain } from './auditLog';
import { declareConflict, returnSheet } from './panelRepository';
import { ResultsLockedError } from './resultsLock';
import {
  ResultsError,
  compileFor,
  compileInputFor,
  confirmResults,
  pendingDeviationSheets,
  dissentOf,
  expertDeviations,
  recordChairDecision,
  recordDissent,
  reopenResults,
  resultsView,
  settleDeviation,
} from './resultsRepository';
import { importRound } from './roundRepository';
import { loadSheet, saveDraft, submitSheet } from './sheetRepository';
import { chairSession, expertSession, secretariat } from '../session/testSessions';

let counter = 0;
const ROUND = 'T-1';

/** tinyRound: criteria c1 (max 10) + c2 (max 15) = 25; deviation threshold 0.2 × 25 = 5 points. */
async function freshDb(quota?: { count: number; reserve: number }): Promise<ReviewDeskDb> {
  const db = await openDatabase(`results-test-${Date.now()}-${counter++}`);
  const tiny = tinyRound(ROUND);
  if (quota) tiny.round.quotas = [{ group: '天府技工', ...quota }];
  await importRound(db, tiny, 'demo');
  return db;
}

async function submit(
  db: ReviewDeskDb,
  packetId: string,
  expertId: string,
  c1: string,
  c2: string,
  comment = '',
) {
  await saveDraft(db, await expertSession(db, ROUND, expertId), ROUND, packetId, expertId, {
    inputs: { c1, c2 },
    comment,
  });
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

/**
 * e3 is 8 points below e1 and e2 on P001 (15 vs 23): flagged (> 5); e1 and e2 are each 4 from
 * the mean of the other two (19): not flagged.
 */
async function flaggedScenario(db: ReviewDeskDb) {
  await submit(db, 'P001', 'e1', '9', '14');
  await submit(db, 'P001', 'e2', '9', '14');
  await submit(db, 'P001', 'e3', '5', '10', '材料不全');
}

describe('compiling from the database', () => {
  it('gives exactly what compileRound gives on the same plain objects', async () => {
    const db = await freshDb();
    await flaggedScenario(db);
    await submit(db, 'P002', 'e1', '8', '12');
    await declareConflict(
      db,
      await expertSession(db, ROUND, 'e2'),
      ROUND,
      'P002',
      'e2',
      '本人在申报单位兼职',
    );
    await saveDraft(db, await expertSession(db, ROUND, 'e3'), ROUND, 'P002', 'e3', {
      inputs: { c1: '5' },
    });

    const { round, packets } = tinyRound(ROUND);
    const sheet = (
      packetId: string,
      expertId: string,
      status: string,
      scores: Record<string, number>,
      revision: number,
      extra: Partial<CompileSheet> = {},
    ): CompileSheet => ({
      packetId,
      expertId,
      status,
      scores,
      vetoes: {},
      vetoReasons: {},
      comment: '',
      conflictReason: '',
      revision,
      ...extra,
    });
    const plain = compileRound({
      round,
      packets,
      sheets: [
        sheet('P001', 'e1', 'submitted', { c1: 9, c2: 14 }, 1),
        sheet('P001', 'e2', 'submitted', { c1: 9, c2: 14 }, 1),
        sheet('P001', 'e3', 'submitted', { c1: 5, c2: 10 }, 1, { comment: '材料不全' }),
        sheet('P002', 'e1', 'submitted', { c1: 8, c2: 12 }, 1),
        sheet('P002', 'e2', 'conflict', {}, 0, { conflictReason: '本人在申报单位兼职' }),
        sheet('P002', 'e3', 'draft', { c1: 5 }, 0),
      ],
      conflicts: [{ packetId: 'P002', expertId: 'e2', reason: '本人在申报单位兼职' }],
    });
    const stored = await compileFor(db, ROUND);
    expect(stored).toEqual(plain);
    expect(resultDigest(stored)).toBe(resultDigest(plain));
    // The numbers themselves, so the comparison cannot pass on two empty results.
    const p1 = stored.packets.find((p) => p.packetId === 'P001')!;
    expect(p1).toMatchObject({ n: 3, scoreText: '20.33', method: 'mean' });
    expect(p1.sheets.find((s) => s.expertId === 'e3')!.deviation).toMatchObject({
      flagged: true,
      status: 'pending',
    });
    const p2 = stored.packets.find((p) => p.packetId === 'P002')!;
    expect(p2.excluded).toEqual([
      { expertId: 'e2', reason: 'conflict', detail: '本人在申报单位兼职' },
      { expertId: 'e3', reason: 'not-submitted', detail: 'draft' },
    ]);
    expect((await compileInputFor(db, ROUND)).round.experts?.map((e) => e.id)).toEqual([
      'e1',
      'e2',
      'e3',
    ]);
  });
});

describe('复核 of a deviation flag', () => {
  it('shows the expert only their own flag, and a confirmation with a reason settles it', async () => {
    const db = await freshDb();
    await flaggedScenario(db);
    expect(await expertDeviations(db, ROUND, 'e1')).toEqual([]);
    const [flag] = await expertDeviations(db, ROUND, 'e3');
    // Status and threshold only: nothing of the others' points or the panel's mean.
    expect(flag).toEqual({
      packetId: 'P001',
      revision: 1,
      status: 'pending',
      reason: null,
      threshold: 5,
    });

    await expect(
      settleDeviation(
        db,
        await expertSession(db, ROUND, 'e3'),
        ROUND,
        'P001',
        'e3',
        1,
        'confirmed',
        ' ',
      ),
    ).rejects.toThrow(/复核理由/);
    await expect(
      settleDeviation(
        db,
        await expertSession(db, ROUND, 'e1'),
        ROUND,
        'P001',
        'e1',
        1,
        'confirmed',
        '理由',
      ),
    ).rejects.toBeInstanceOf(ResultsError);
    await settleDeviation(
      db,
      await expertSession(db, ROUND, 'e3'),
      ROUND,
      'P001',
      'e3',
      1,
      'confirmed',
      '材料缺少场地证明，维持原评分',
    );

    expect(await expertDeviations(db, ROUND, 'e3')).toEqual([
      { ...flag, status: 'confirmed', reason: '材料缺少场地证明，维持原评分' },
    ]);
    const p1 = (await compileFor(db, ROUND)).packets.find((p) => p.packetId === 'P001')!;
    expect(p1.flags).not.toContain('deviation-pending');
    await expect(
      settleDeviation(
        db,
        await expertSession(db, ROUND, 'e3'),
        ROUND,
        'P001',
        'e3',
        1,
        'confirmed',
        '再次确认',
      ),
    ).rejects.toThrow(/已复核/);
    const audit = await auditForRound(db, ROUND);
    expect(audit.at(-1)).toMatchObject({ action: 'results.deviation', actor: '张伟（e3）' });
  });

  it('revising reopens the sheet like a returned one; the resubmission is a new revision', async () => {
    const db = await freshDb();
    await flaggedScenario(db);
    await settleDeviation(
      db,
      await expertSession(db, ROUND, 'e3'),
      ROUND,
      'P001',
      'e3',
      1,
      'revised',
      '漏看了附件，重新评分',
    );
    const returned = await loadSheet(db, ROUND, 'P001', 'e3');
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: '偏离复核：漏看了附件，重新评分',
    });
    await submit(db, 'P001', 'e3', '8', '13');
    expect((await loadSheet(db, ROUND, 'P001', 'e3')).revision).toBe(2);
    const [flag] = await expertDeviations(db, ROUND, 'e3');
    expect(flag).toMatchObject({ revision: 2, status: 'revised', reason: '漏看了附件，重新评分' });
  });
});

describe('chair decisions on a tie at the quota line', () => {
  it('records 入选/备选/不入选 with a reason only for packets in such a tie', async () => {
    const db = await freshDb({ count: 1, reserve: 0 });
    await submit(db, 'P001', 'e1', '8', '12');
    await submit(db, 'P002', 'e1', '8', '12');
    let result = await compileFor(db, ROUND);
    expect(result.packets.map((p) => [p.packetId, p.rank, p.decision])).toEqual([
      ['P001', 1, null],
      ['P002', 1, null],
    ]);

    await expect(
      recordChairDecision(db, await chairSession(db, ROUND, 'e2'), ROUND, 'P001', '入选', '  '),
    ).rejects.toThrow(/决定理由/);
    await recordChairDecision(
      db,
      await chairSession(db, ROUND, 'e2'),
      ROUND,
      'P001',
      '入选',
      '场地条件更好',
    );
    await recordChairDecision(
      db,
      await chairSession(db, ROUND, 'e2'),
      ROUND,
      'P002',
      '不入选',
      '名额所限',
    );
    result = await compileFor(db, ROUND);
    expect(result.packets.map((p) => [p.packetId, p.decision, p.decisionSource])).toEqual([
      ['P001', '入选', 'chair'],
      ['P002', '不入选', 'chair'],
    ]);
    expect(result.packets[0]!.chairDecision).toEqual({ decision: '入选', reason: '场地条件更好' });
    const view = await resultsView(db, ROUND);
    expect(view.decisions.map((d) => [d.packetId, d.decision, d.chair])).toEqual([
      ['P001', '入选', '李秀英'],
      ['P002', '不入选', '李秀英'],
    ]);
  });

  it('refuses a decision for a packet that is not tied across a line', async () => {
    const db = await freshDb({ count: 1, reserve: 0 });
    await submit(db, 'P001', 'e1', '9', '12');
    await submit(db, 'P002', 'e1', '8', '12');
    await expect(
      recordChairDecision(db, await chairSession(db, ROUND, 'e2'), ROUND, 'P002', '入选', '理由'),
    ).rejects.toThrow(/没有跨名额线的并列/);
  });
});

describe('保留意见', () => {
  it('keeps one wording per expert, the latest, and audits each', async () => {
    const db = await freshDb();
    await expect(
      recordDissent(db, await expertSession(db, ROUND, 'e2'), ROUND, 'e2', ' '),
    ).rejects.toThrow(/保留意见/);
    await recordDissent(
      db,
      await expertSession(db, ROUND, 'e2'),
      ROUND,
      'e2',
      '对 P001 的排名有不同意见',
    );
    await recordDissent(
      db,
      await expertSession(db, ROUND, 'e2'),
      ROUND,
      'e2',
      '对 P001 的排名有不同意见：场地条件被高估',
    );
    expect(await dissentOf(db, ROUND, 'e2')).toMatchObject({
      expertId: 'e2',
      text: '对 P001 的排名有不同意见：场地条件被高估',
    });
    expect((await resultsView(db, ROUND)).dissents).toHaveLength(1);
    const audit = await auditForRound(db, ROUND);
    expect(audit.filter((e) => e.action === 'results.dissent')).toHaveLength(2);
  });
});

describe('confirmation, lock and reopen', () => {
  it('refuses to confirm while a flag is pending; once confirmed everything that changes results is refused until reopened', async () => {
    const db = await freshDb();
    await flaggedScenario(db);
    await submit(db, 'P002', 'e1', '8', '12');
    await saveDraft(db, await expertSession(db, ROUND, 'e3'), ROUND, 'P002', 'e3', {
      inputs: { c1: '5', c2: '10' },
    });

    await expect(confirmResults(db, await chairSession(db, ROUND, 'e2'), ROUND)).rejects.toThrow(
      /偏离提示待专家复核：P001/,
    );
    expect(await pendingDeviationSheets(db, ROUND)).toEqual(new Set(['P001:e3']));
    await settleDeviation(
      db,
      await expertSession(db, ROUND, 'e3'),
      ROUND,
      'P001',
      'e3',
      1,
      'confirmed',
      '维持原评分',
    );
    expect(await pendingDeviationSheets(db, ROUND)).toEqual(new Set());
    const first = await confirmResults(db, await chairSession(db, ROUND, 'e2'), ROUND);
    expect(first).toMatchObject({
      version: 1,
      chair: '李秀英',
      digest: resultDigest(await compileFor(db, ROUND)),
    });
    let view = await resultsView(db, ROUND);
    expect(view.state).toMatchObject({
      kind: 'confirmed',
      matches: true,
      confirmation: { version: 1 },
    });
    expect(view.progress).toEqual({ assigned: 6, submitted: 4, conflicts: 0, outstanding: 2 });
    await expect(confirmResults(db, await chairSession(db, ROUND, 'e2'), ROUND)).rejects.toThrow(
      /无需重复确认/,
    );

    // Every change to the results is refused, with the message the screens show.
    const rubric = tinyRound().round.rubric;
    await expect(
      submitSheet(db, await expertSession(db, ROUND, 'e3'), rubric, ROUND, 'P002', 'e3'),
    ).rejects.toBeInstanceOf(ResultsLockedError);
    await expect(
      submitSheet(db, await expertSession(db, ROUND, 'e3'), rubric, ROUND, 'P002', 'e3'),
    ).rejects.toThrow(/已由专家组组长确认（第 1 版）/);
    await expect(
      declareConflict(db, await expertSession(db, ROUND, 'e2'), ROUND, 'P002', 'e2', '亲属任职'),
    ).rejects.toBeInstanceOf(ResultsLockedError);
    await expect(
      returnSheet(db, await chairSession(db, ROUND, 'e2'), ROUND, 'P001', 'e1', '请复核'),
    ).rejects.toBeInstanceOf(ResultsLockedError);
    await expect(
      settleDeviation(
        db,
        await expertSession(db, ROUND, 'e3'),
        ROUND,
        'P001',
        'e3',
        1,
        'revised',
        '想改',
      ),
    ).rejects.toBeInstanceOf(ResultsLockedError);
    expect((await loadSheet(db, ROUND, 'P002', 'e3')).status).toBe('draft');
    expect((await loadSheet(db, ROUND, 'P001', 'e1')).status).toBe('submitted');

    await expect(reopenResults(db, secretariat(), ROUND, ' ')).rejects.toThrow(/理由/);
    await reopenResults(db, secretariat(), ROUND, '张伟的 P002 评分漏交');
    view = await resultsView(db, ROUND);
    expect(view.state).toMatchObject({ kind: 'reopened', matches: true });
    await expect(reopenResults(db, secretariat(), ROUND, '再开')).rejects.toThrow(/尚未确认/);

    const outcome = await submitSheet(
      db,
      await expertSession(db, ROUND, 'e3'),
      rubric,
      ROUND,
      'P002',
      'e3',
    );
    expect(outcome.ok).toBe(true);
    view = await resultsView(db, ROUND);
    expect(view.state).toMatchObject({ kind: 'reopened', matches: false });
    const second = await confirmResults(db, await chairSession(db, ROUND, 'e2'), ROUND);
    expect(second.version).toBe(2);
    expect(second.digest).not.toBe(first.digest);
    view = await resultsView(db, ROUND);
    expect(view.confirmations.map((c) => [c.version, Boolean(c.reopenedAt)])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(view.state).toMatchObject({
      kind: 'confirmed',
      matches: true,
      confirmation: { version: 2 },
    });

    const actions = (await auditForRound(db, ROUND)).map((e) => e.action);
    expect(actions.filter((a) => a === 'results.confirm')).toHaveLength(2);
    expect(actions).toContain('results.reopen');
    expect(await checkAuditChain(db, ROUND)).toMatchObject({ intact: true });
  });

  it('locks one round only', async () => {
    const db = await freshDb();
    await importRound(db, tinyRound('T-2'), 'demo');
    await submit(db, 'P001', 'e1', '9', '14');
    await confirmResults(db, await chairSession(db, ROUND, 'e2'), ROUND);
    await saveDraft(db, await expertSession(db, 'T-2', 'e1'), 'T-2', 'P001', 'e1', {
      inputs: { c1: '9', c2: '14' },
    });
    const outcome = await submitSheet(
      db,
      await expertSession(db, 'T-2', 'e1'),
      tinyRound().round.rubric,
      'T-2',
      'P001',
      'e1',
    );
    expect(outcome.ok).toBe(true);
  });
});
