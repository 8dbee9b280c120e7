import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase, type ReviewDeskDb } from '../db';
import { AccessDeniedError, endSession, issueSession, type Session } from '../session/session';
import { chairSession, expertSession, secretariat } from '../session/testSessions';
import { auditForRound } from './auditLog';
import {
  PanelError,
  confirmConflict,
  conflictsForRound,
  declareConflict,
  progressMatrix,
  undoConflict,
  withdrawConflict,
} from './panelRepository';
import { importRound } from './roundRepository';
import { loadSheet, saveDraft, submitSheet } from './sheetRepository';

const ROUND = 'T-1';
const { round } = tinyRound();
let counter = 0;

/** e1 has declared 回避 on P002 (unconfirmed); e2 on P001, confirmed by the secretariat. */
async function scene() {
  const db = await openDatabase(`conflict-withdrawal-${Date.now()}-${counter++}`);
  await importRound(db, tinyRound(), 'demo');
  const desk = secretariat();
  const e1 = await expertSession(db, ROUND, 'e1');
  const e2 = await expertSession(db, ROUND, 'e2');
  await saveDraft(db, e1, ROUND, 'P002', 'e1', { inputs: { c1: '3' } });
  await declareConflict(db, e1, ROUND, 'P002', 'e1', '同单位');
  await declareConflict(db, e2, ROUND, 'P001', 'e2', '亲属任职');
  await confirmConflict(db, desk, ROUND, 'P001', 'e2');
  return {
    db,
    desk,
    e1,
    e2,
    chair: await chairSession(db, ROUND, 'e3'),
    stranger: issueSession({ kind: 'expert', roundId: 'T-2', expertId: 'e1', name: '王建国' }),
  };
}
type Who = 'desk' | 'e1' | 'e2' | 'chair' | 'stranger';
type Write = (db: ReviewDeskDb, session: Session | null) => Promise<unknown>;

async function dump(db: ReviewDeskDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

async function refusedUnchanged(db: ReviewDeskDb, write: () => Promise<unknown>) {
  const before = await dump(db);
  await expect(write()).rejects.toBeInstanceOf(AccessDeniedError);
  expect(await dump(db)).toEqual(before);
}

const guarded: { name: string; allowed: Who[]; write: Write }[] = [
  {
    name: 'withdrawConflict (the expert’s own, unconfirmed)',
    allowed: ['e1'],
    write: (db, s) => withdrawConflict(db, s, ROUND, 'P002', 'e1'),
  },
  {
    name: 'confirmConflict',
    allowed: ['desk'],
    write: (db, s) => confirmConflict(db, s, ROUND, 'P002', 'e1'),
  },
  {
    name: 'undoConflict',
    allowed: ['desk'],
    write: (db, s) => undoConflict(db, s, ROUND, 'P001', 'e2', '经核实无利害关系'),
  },
];
const everyone: Who[] = ['desk', 'e1', 'e2', 'chair', 'stranger'];

describe('ending a 回避: who may', () => {
  it.each(guarded.map((g) => [g.name, g] as const))(
    '%s: refused without a session, with a forged or ended one, or anyone else’s; nothing written',
    async (_name, { allowed, write }) => {
      const s = await scene();
      await refusedUnchanged(s.db, () => write(s.db, null));
      for (const who of allowed)
        await refusedUnchanged(s.db, () => write(s.db, { ...s[who] } as Session));
      const ended = issueSession(s[allowed[0]!].actor);
      endSession(ended);
      await refusedUnchanged(s.db, () => write(s.db, ended));
      for (const who of everyone.filter((w) => !allowed.includes(w)))
        await refusedUnchanged(s.db, () => write(s.db, s[who]));
      for (const who of allowed) await write(s.db, s[who]);
    },
  );
});

describe('the expert withdraws an unconfirmed 回避', () => {
  it('gives the packet back as an empty draft one revision above the 回避, audited as the expert', async () => {
    const s = await scene();
    const conflicted = await loadSheet(s.db, ROUND, 'P002', 'e1');
    await withdrawConflict(s.db, s.e1, ROUND, 'P002', 'e1');
    expect(await loadSheet(s.db, ROUND, 'P002', 'e1')).toMatchObject({
      status: 'draft',
      inputs: {},
      conflictReason: '',
      revision: conflicted.revision + 1,
    });
    expect((await conflictsForRound(s.db, ROUND)).map((c) => c.packetId)).toEqual(['P001']);
    const matrix = await progressMatrix(s.db, ROUND);
    const row = matrix.experts.findIndex((e) => e.id === 'e1');
    expect(matrix.cells[row]![matrix.packets.findIndex((p) => p.id === 'P002')]).toBe('draft');
    const last = (await auditForRound(s.db, ROUND)).at(-1)!;
    expect([last.action, last.actor]).toEqual(['sheet.conflict.withdraw', '王建国（e1）']);
    // The packet is scored as any other: the submission outranks the 回避 revision.
    await saveDraft(s.db, s.e1, ROUND, 'P002', 'e1', { inputs: { c1: '9', c2: '14' } });
    await submitSheet(s.db, s.e1, round.rubric, ROUND, 'P002', 'e1');
    const submitted = await loadSheet(s.db, ROUND, 'P002', 'e1');
    expect(submitted.status).toBe('submitted');
    expect(submitted.revision).toBeGreaterThan(conflicted.revision);
  });

  it('is refused once the secretariat has confirmed the 回避, and says whom to ask', async () => {
    const s = await scene();
    const before = await dump(s.db);
    await expect(withdrawConflict(s.db, s.e2, ROUND, 'P001', 'e2')).rejects.toThrow(
      /秘书处已确认该回避.*联系秘书处/,
    );
    expect(await dump(s.db)).toEqual(before);
    await expect(withdrawConflict(s.db, s.e2, ROUND, 'P002', 'e2')).rejects.toBeInstanceOf(
      PanelError,
    );
  });
});

describe('the secretariat undoes a confirmed 回避', () => {
  it('requires a reason, reopens the sheet and logs 秘书处 with the reason', async () => {
    const s = await scene();
    await expect(undoConflict(s.db, s.desk, ROUND, 'P001', 'e2', '  ')).rejects.toThrow(
      /撤销回避的理由/,
    );
    await undoConflict(s.db, s.desk, ROUND, 'P001', 'e2', '经核实无利害关系');
    expect((await loadSheet(s.db, ROUND, 'P001', 'e2')).status).toBe('draft');
    const last = (await auditForRound(s.db, ROUND)).at(-1)!;
    expect([last.action, last.actor]).toEqual(['sheet.conflict.undo', '秘书处']);
    expect(last.detail).toContain('经核实无利害关系');
  });

  it('a 回避 the secretariat declares itself is confirmed at once', async () => {
    const s = await scene();
    await declareConflict(s.db, s.desk, ROUND, 'P003', 'e1', '名单比对');
    const row = (await conflictsForRound(s.db, ROUND)).find((c) => c.packetId === 'P003');
    expect(row?.confirmedAt).toBeTruthy();
    const unconfirmed = (await conflictsForRound(s.db, ROUND)).find((c) => c.packetId === 'P002');
    expect(unconfirmed?.confirmedAt).toBeUndefined();
  });
});
