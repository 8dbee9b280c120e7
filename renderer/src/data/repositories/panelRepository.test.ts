import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase } from '../db';
import { chairSession, expertSession, secretariat } from '../session/testSessions';
import { auditForRound } from './auditLog';
import {
  PanelError,
  assignByGroup,
  assignOne,
  chairOf,
  conflictsForRound,
  declareConflict,
  panelSettings,
  progressMatrix,
  returnSheet,
  savePanelSettings,
  setRole,
} from './panelRepository';
import { importRound } from './roundRepository';
import {
  SheetLockedError,
  expertProgress,
  loadSheet,
  saveDraft,
  submitSheet,
} from './sheetRepository';

let counter = 0;
const { round } = tinyRound();

async function freshDb() {
  const db = await openDatabase(`panel-test-${Date.now()}-${counter++}`);
  await importRound(db, tinyRound(), 'demo');
  return db;
}

async function submitFull(
  db: Awaited<ReturnType<typeof freshDb>>,
  packetId: string,
  expertId: string,
) {
  await saveDraft(db, await expertSession(db, 'T-1', expertId), 'T-1', packetId, expertId, {
    inputs: { c1: '9', c2: '14' },
  });
  return submitSheet(
    db,
    await expertSession(db, 'T-1', expertId),
    round.rubric,
    'T-1',
    packetId,
    expertId,
  );
}

describe('回避 (conflict of interest)', () => {
  it('turns the sheet into a conflict sheet, drops anything typed, keeps the reason, and locks it', async () => {
    const db = await freshDb();
    await saveDraft(db, await expertSession(db, 'T-1', 'e2'), 'T-1', 'P001', 'e2', {
      inputs: { c1: '3' },
      comment: '草稿',
    });
    await expect(
      declareConflict(db, await expertSession(db, 'T-1', 'e2'), 'T-1', 'P001', 'e2', '  '),
    ).rejects.toThrow(/回避理由/);
    await declareConflict(
      db,
      await expertSession(db, 'T-1', 'e2'),
      'T-1',
      'P001',
      'e2',
      '本人为申报单位兼职教师',
    );

    const sheet = await loadSheet(db, 'T-1', 'P001', 'e2');
    expect(sheet).toMatchObject({
      status: 'conflict',
      revision: 1,
      conflictReason: '本人为申报单位兼职教师',
      inputs: {},
      scores: {},
      comment: '',
    });
    await expect(
      saveDraft(db, await expertSession(db, 'T-1', 'e2'), 'T-1', 'P001', 'e2', {
        inputs: { c1: '9' },
      }),
    ).rejects.toBeInstanceOf(SheetLockedError);
    expect(await conflictsForRound(db, 'T-1')).toMatchObject([
      { packetId: 'P001', expertId: 'e2', reason: '本人为申报单位兼职教师' },
    ]);
    expect(await expertProgress(db, 'T-1', 'e2')).toEqual({
      total: 2,
      submitted: 0,
      conflicts: 1,
      toDo: 1,
    });
    expect((await auditForRound(db, 'T-1')).at(-1)).toMatchObject({
      action: 'sheet.conflict',
      subject: 'P001/e2',
    });
  });

  it('cannot be declared on a submitted sheet', async () => {
    const db = await freshDb();
    await submitFull(db, 'P001', 'e1');
    await expect(
      declareConflict(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', '同单位'),
    ).rejects.toThrow(/组长先退回/);
    expect((await loadSheet(db, 'T-1', 'P001', 'e1')).status).toBe('submitted');
  });
});

describe('the chair returns a sheet', () => {
  it('sends it back with a reason, the expert revises and resubmits as a new revision', async () => {
    const db = await freshDb();
    await submitFull(db, 'P001', 'e1');
    const chair = await chairSession(db, 'T-1', 'e3');
    await expect(returnSheet(db, chair, 'T-1', 'P002', 'e1', '请核对')).rejects.toThrow(
      /只能退回已提交/,
    );
    await expect(returnSheet(db, chair, 'T-1', 'P001', 'e1', '')).rejects.toThrow(/退回理由/);
    await returnSheet(db, chair, 'T-1', 'P001', 'e1', '第二项评分与材料不符，请复核');
    expect(await loadSheet(db, 'T-1', 'P001', 'e1')).toMatchObject({
      status: 'returned',
      returnReason: '第二项评分与材料不符，请复核',
      revision: 1,
    });

    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
      inputs: { c1: '9', c2: '11.5' },
    });
    const again = await submitSheet(
      db,
      await expertSession(db, 'T-1', 'e1'),
      round.rubric,
      'T-1',
      'P001',
      'e1',
    );
    expect(again.ok).toBe(true);
    const sheet = await loadSheet(db, 'T-1', 'P001', 'e1');
    expect(sheet).toMatchObject({ status: 'submitted', revision: 2, scores: { c1: 9, c2: 11.5 } });
    expect(sheet.returnReason).toBeUndefined();
    expect((await auditForRound(db, 'T-1')).map((a) => a.action)).toEqual([
      'round.import',
      'sheet.submit',
      'sheet.return',
      'sheet.submit',
    ]);
  });
});

describe('panel roles and assignments', () => {
  it('keeps one chair per round', async () => {
    const db = await freshDb();
    await setRole(db, secretariat(), 'T-1', 'e1', 'chair');
    await setRole(db, secretariat(), 'T-1', 'e3', 'chair');
    expect((await chairOf(db, 'T-1'))?.id).toBe('e3');
    expect((await db.experts.get('T-1:e1'))?.role).toBe('expert');
  });

  it('assigns by group, and refuses to take away a packet an expert has started', async () => {
    const db = await freshDb();
    await assignByGroup(db, secretariat(), 'T-1', { e1: ['天府技工'], e2: ['不存在的分组'] });
    expect(await db.assignments.where('[roundId+expertId]').equals(['T-1', 'e2']).count()).toBe(0);
    expect(await db.assignments.where('[roundId+expertId]').equals(['T-1', 'e3']).count()).toBe(2); // none listed: all packets

    await saveDraft(db, await expertSession(db, 'T-1', 'e3'), 'T-1', 'P001', 'e3', {
      inputs: { c1: '5' },
    });
    await expect(
      assignByGroup(db, secretariat(), 'T-1', { e3: ['不存在的分组'] }),
    ).rejects.toBeInstanceOf(PanelError);
    expect(await db.assignments.where('[roundId+expertId]').equals(['T-1', 'e3']).count()).toBe(2);
  });

  it('shows a status matrix with counts and offers standby experts where 回避 leaves a packet short', async () => {
    const db = await freshDb();
    await savePanelSettings(db, secretariat(), 'T-1', { sameCityConflict: false, minSheets: 3 });
    expect(await panelSettings(db, 'T-1')).toEqual({ sameCityConflict: false, minSheets: 3 });
    await setRole(db, secretariat(), 'T-1', 'e3', 'standby');
    await submitFull(db, 'P001', 'e1');
    await declareConflict(db, await expertSession(db, 'T-1', 'e2'), 'T-1', 'P002', 'e2', '同单位');

    let matrix = await progressMatrix(db, 'T-1');
    expect(matrix.experts.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(matrix.cells).toEqual([
      ['submitted', 'todo'],
      ['todo', 'conflict'],
      ['unassigned', 'unassigned'],
    ]);
    expect(matrix.counts).toMatchObject({ submitted: 1, todo: 2, conflict: 1, unassigned: 2 });
    expect(matrix.shortfalls).toEqual([
      { packetId: 'P001', possible: 2 },
      { packetId: 'P002', possible: 1 },
    ]);

    await assignOne(db, secretariat(), 'T-1', 'P001', 'e3');
    matrix = await progressMatrix(db, 'T-1');
    expect(matrix.cells[2]).toEqual(['todo', 'unassigned']);
    expect(matrix.shortfalls.map((s) => s.packetId)).toEqual(['P002']);
  });
});
