import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../test/fixtures/tinyRound';
import {
  BAD_SIGNATURE_MESSAGE,
  readScoreFileBytes,
  serializeScoreFile,
  signScoreFile,
  type ScoreSheet,
  type UnsignedScoreFile,
  type VerifiedScoreFile,
} from '../formats/scoreFile';
import { formatProblem } from '../model/validation';
import { encodeBase64 } from '../signing/base64';
import { generateKeyPair } from '../signing/ed25519';
import { keyFingerprint } from '../signing/hash';
import { buildScoreFile, NotOwnSheetError } from './buildScoreFile';
import { planScoreFileImport } from './planImport';
import { conflictId, sameContent } from './sheetContent';
import type { HeldSheet, ScoreFileImportInput, ScoreFileImportPlan, SheetAction } from './types';

const { round, packets } = tinyRound();
const exchangeRound = { id: round.id, rubric: round.rubric, experts: round.experts };
const packetIds = packets.map((p) => p.id);
const expert = { id: 'e1', name: '王建国' };
const key = generateKeyPair();
const registered = {
  publicKey: encodeBase64(key.publicKey),
  fingerprint: keyFingerprint(key.publicKey),
};

function held(packetId: string, patch: Partial<HeldSheet> = {}): HeldSheet {
  return {
    packetId,
    expertId: 'e1',
    status: 'submitted',
    scores: { c1: 8, c2: 12.5 },
    vetoes: { v1: false },
    vetoReasons: {},
    comment: '',
    conflictReason: '',
    revision: 1,
    submittedAt: '2026-11-20T10:00:00+08:00',
    updatedAt: '2026-11-20T10:00:00+08:00',
    ...patch,
  };
}

function incoming(packetId: string, patch: Partial<ScoreSheet> = {}): ScoreSheet {
  return {
    packetId,
    status: 'submitted',
    scores: { c1: 8, c2: 12.5 },
    vetoes: { v1: false },
    vetoReasons: {},
    comment: '',
    conflictReason: '',
    revision: 1,
    submittedAt: '2026-11-20T10:00:00+08:00',
    ...patch,
  };
}

function verified(
  sheets: ScoreSheet[],
  patch: Partial<UnsignedScoreFile> = {},
  seed = key.seed,
  name = 'e1.scores.json',
): VerifiedScoreFile {
  const unsigned: UnsignedScoreFile = {
    format: 'review-desk/scores@1',
    roundId: round.id,
    expert,
    sheets,
    ...patch,
  };
  const bytes = new TextEncoder().encode(serializeScoreFile(signScoreFile(unsigned, seed)));
  const read = readScoreFileBytes(bytes, name);
  if (!read.ok) throw new Error(read.problems.map(formatProblem).join('\n'));
  return read.value;
}

function plan(
  file: VerifiedScoreFile,
  input: Partial<Omit<ScoreFileImportInput, 'file'>> = {},
): ScoreFileImportPlan {
  return planScoreFileImport({
    round: exchangeRound,
    packetIds,
    heldSheets: [],
    registeredKey: registered.publicKey,
    file,
    ...input,
  });
}

function actions(result: ScoreFileImportPlan): SheetAction[] {
  if (result.kind !== 'accepted')
    throw new Error(`refused: ${result.problems.map(formatProblem).join('; ')}`);
  return result.actions;
}

function refusal(result: ScoreFileImportPlan): string {
  if (result.kind !== 'refused') throw new Error('expected a refusal');
  return result.problems.map(formatProblem).join('\n');
}

describe('buildScoreFile', () => {
  it('writes submitted and 回避 sheets in the review-desk/scores@1 format, in packet order, and nothing else', () => {
    const file = buildScoreFile(round.id, expert, [
      held('P10', { comment: '好', vetoes: { v1: false }, vetoReasons: { v1: '打错了' } }),
      held('P2', {
        status: 'conflict',
        revision: 1,
        submittedAt: null,
        updatedAt: '2026-11-19T08:00:00.000Z',
        scores: { c1: 3 },
        conflictReason: '同一单位',
      }),
      held('P3', { status: 'draft', revision: 0, submittedAt: null }),
      held('P4', { status: 'returned', revision: 1 }),
    ]);
    expect(file).toEqual({
      format: 'review-desk/scores@1',
      roundId: 'T-1',
      expert: { id: 'e1', name: '王建国' },
      sheets: [
        {
          packetId: 'P2',
          status: 'conflict',
          scores: {},
          vetoes: {},
          vetoReasons: {},
          comment: '',
          conflictReason: '同一单位',
          revision: 1,
          submittedAt: '2026-11-19T08:00:00.000Z',
        },
        {
          packetId: 'P10',
          status: 'submitted',
          scores: { c1: 8, c2: 12.5 },
          vetoes: { v1: false },
          vetoReasons: {},
          comment: '好',
          conflictReason: '',
          revision: 1,
          submittedAt: '2026-11-20T10:00:00+08:00',
        },
      ],
    });
  });

  it('sends a 回避 declared on a returned revision as the next revision, so it is not mistaken for the returned one', () => {
    // declareConflict counts the declaration as a revision: returned r=2 becomes 回避 r=3.
    const file = buildScoreFile(round.id, expert, [
      held('P001', { status: 'conflict', revision: 3, scores: {}, conflictReason: '亲属' }),
    ]);
    expect(file.sheets[0]).toMatchObject({ status: 'conflict', revision: 3 });
    const heldSheets = [held('P001', { status: 'returned', revision: 2 })];
    expect(actions(plan(verified(file.sheets), { heldSheets }))[0]).toMatchObject({
      kind: 'replace',
      note: 'revises-returned',
    });
  });

  it('keeps the reasons of ticked vetoes', () => {
    const file = buildScoreFile(round.id, expert, [
      held('P001', { vetoes: { v1: true }, vetoReasons: { v1: '违规用地' } }),
    ]);
    expect(file.sheets[0]).toMatchObject({ vetoes: { v1: true }, vetoReasons: { v1: '违规用地' } });
  });

  it('refuses another expert’s sheet rather than sign it as this expert’s', () => {
    expect(() => buildScoreFile(round.id, expert, [held('P001', { expertId: 'e2' })])).toThrow(
      NotOwnSheetError,
    );
  });

  it('round-trips through signing and the reader, and imports as add', () => {
    const unsigned = buildScoreFile(round.id, expert, [
      held('P001'),
      held('P002', { revision: 3 }),
    ]);
    const file = verified(unsigned.sheets);
    expect(file.content.sheets).toEqual(unsigned.sheets);
    expect(actions(plan(file)).map((a) => a.kind)).toEqual(['add', 'add']);
  });
});

describe('planScoreFileImport: refusals', () => {
  it('refuses a file of another round', () => {
    expect(refusal(plan(verified([incoming('P001')], { roundId: 'T-2' })))).toContain(
      'e1.scores.json › 王建国（e1）：这是评审“T-2”的评分文件，当前评审是“T-1”',
    );
  });

  it('refuses an expert who is not on the round’s roster, or whose name differs', () => {
    expect(refusal(plan(verified([], { expert: { id: 'e9', name: '赵六' } })))).toContain(
      '专家“赵六”（编号 e9）不在本评审的专家名单中',
    );
    expect(refusal(plan(verified([], { expert: { id: 'e1', name: '王建华' } })))).toContain(
      '专家编号 e1 在本评审名单中是“王建国”，文件中却是“王建华”',
    );
  });

  it('refuses a file signed by a key other than the one registered, showing both fingerprints', () => {
    const other = generateKeyPair();
    const file = verified([incoming('P001')], {}, other.seed);
    const message = refusal(plan(file));
    expect(message).toContain(`已登记 ${registered.fingerprint}`);
    expect(message).toContain(`本文件 ${keyFingerprint(other.publicKey)}`);
    expect(message).toContain('signature.publicKey');
  });

  it('refuses a file of an expert whose key is not registered, never taking the key from the file', () => {
    const message = refusal(plan(verified([incoming('P001')]), { registeredKey: null }));
    expect(message).toContain('尚未登记签名公钥');
    expect(message).toContain(registered.fingerprint);
    expect(message).toContain('签到');
    expect(plan(verified([incoming('P001')]))).toMatchObject({
      kind: 'accepted',
      publicKey: registered.publicKey,
      keyFingerprint: registered.fingerprint,
    });
  });

  it('refuses a sheet for a packet the round does not have', () => {
    expect(refusal(plan(verified([incoming('P001'), incoming('P404')])))).toContain(
      'e1.scores.json › 王建国（e1） › P404：本评审没有申报材料“P404”',
    );
  });

  it.each([
    [
      'out of range',
      { scores: { c1: 11, c2: 12.5 } },
      '王建国（e1） › P001 › c1：设施设备：超过满分 10 分',
    ],
    [
      'off step',
      { scores: { c1: 8.3, c2: 12.5 } },
      '王建国（e1） › P001 › c1：设施设备：必须是 0.5 的整数倍',
    ],
    ['missing criterion', { scores: { c1: 8 } }, '王建国（e1） › P001 › c2：课程体系：尚未评分'],
    [
      'unknown criterion',
      { scores: { c1: 8, c2: 12.5, c9: 1 } },
      '王建国（e1） › P001 › c9：评分指标“c9”不在本评审的评分表中',
    ],
    [
      'unknown veto',
      { vetoes: { v9: false } },
      '王建国（e1） › P001 › 否决项 v9：否决项“v9”不在本评审的评分表中',
    ],
    [
      'veto without reason',
      { vetoes: { v1: true } },
      '王建国（e1） › P001 › 否决项 v1：否决项“存在违规用地”已勾选，请填写理由',
    ],
    [
      'low total without comment',
      { scores: { c1: 1, c2: 1 } },
      '王建国（e1） › P001 › 评审意见：总分低于 15 分，请填写评审意见',
    ],
    [
      '回避 with points',
      { status: 'conflict' as const, conflictReason: '同单位' },
      '王建国（e1） › P001：回避的评分表不能含有分数或否决',
    ],
  ])('refuses the whole file when a sheet breaks the rubric: %s', (_name, patch, expected) => {
    const result = plan(verified([incoming('P001', patch), incoming('P002')]));
    expect(refusal(result)).toContain(`e1.scores.json › ${expected}`);
  });

  it('accepts a 回避 sheet with its reason and no points', () => {
    const sheet = incoming('P001', {
      status: 'conflict',
      scores: {},
      vetoes: {},
      conflictReason: '同一单位',
    });
    expect(actions(plan(verified([sheet])))).toEqual([
      { kind: 'add', packetId: 'P001', incoming: sheet },
    ]);
  });

  it('a tampered file never reaches the planner: the reader refuses its signature', () => {
    const unsigned = buildScoreFile(round.id, expert, [held('P001')]);
    const text = serializeScoreFile(signScoreFile(unsigned, key.seed)).replace(
      '"c1": 8',
      '"c1": 10',
    );
    const read = readScoreFileBytes(new TextEncoder().encode(text), 'e1.scores.json');
    expect(read).toEqual({
      ok: false,
      problems: [{ file: 'e1.scores.json', field: 'signature', message: BAD_SIGNATURE_MESSAGE }],
    });
  });
});

describe('planScoreFileImport: per-sheet actions', () => {
  const kinds = (result: ScoreFileImportPlan) => actions(result).map((a) => a.kind);

  it('adds what is not held, and the same file applied again is all `same`', () => {
    const sheets = [
      incoming('P001'),
      incoming('P002', { status: 'conflict', scores: {}, vetoes: {}, conflictReason: '亲属' }),
    ];
    const file = verified(sheets);
    expect(kinds(plan(file))).toEqual(['add', 'add']);
    // What the repository stores after applying: exactly the incoming sheets.
    const after = sheets.map((s) => held(s.packetId, { ...s }));
    expect(actions(plan(file, { heldSheets: after }))).toEqual([
      { kind: 'same', packetId: 'P001', revision: 1 },
      { kind: 'same', packetId: 'P002', revision: 1 },
    ]);
  });

  it('treats an unticked veto and a missing one, or a stray reason, as the same content', () => {
    const file = verified([incoming('P001', { vetoes: {} })]);
    const heldSheets = [held('P001', { vetoes: { v1: false }, vetoReasons: { v1: '草稿' } })];
    expect(kinds(plan(file, { heldSheets }))).toEqual(['same']);
  });

  it('replaces an older held revision with a newer one', () => {
    const file = verified([incoming('P001', { revision: 2, scores: { c1: 9, c2: 12.5 } })]);
    const [action] = actions(plan(file, { heldSheets: [held('P001')] }));
    expect(action).toMatchObject({
      kind: 'replace',
      note: 'newer-revision',
      held: { revision: 1 },
    });
  });

  it('ignores and reports an incoming revision older than the held one', () => {
    const file = verified([
      incoming('P001', { revision: 1, scores: { c1: 1, c2: 1 }, comment: '差' }),
    ]);
    expect(actions(plan(file, { heldSheets: [held('P001', { revision: 2 })] }))).toEqual([
      {
        kind: 'stale',
        packetId: 'P001',
        incomingRevision: 1,
        heldRevision: 2,
        note: 'older-revision',
      },
    ]);
  });

  it('sends the same revision with different content to the chair, once', () => {
    const sheet = incoming('P001', { scores: { c1: 9.5, c2: 12.5 } });
    const file = verified([sheet]);
    const id = conflictId(round.id, 'e1', sheet);
    const [first] = actions(plan(file, { heldSheets: [held('P001')] }));
    expect(first).toMatchObject({
      kind: 'conflict',
      note: 'same-revision',
      conflictId: id,
      recorded: false,
    });
    const recordedConflicts = new Map([[id, 'open' as const]]);
    const [again] = actions(plan(file, { heldSheets: [held('P001')], recordedConflicts }));
    expect(again).toMatchObject({ kind: 'conflict', recorded: true });
    // Settled by keeping the held sheet: the same file no longer raises it.
    const [settled] = actions(
      plan(file, {
        heldSheets: [held('P001')],
        recordedConflicts: new Map([[id, 'kept-held' as const]]),
      }),
    );
    expect(settled).toMatchObject({ kind: 'stale', note: 'already-resolved' });
  });

  it('gives the same conflict id to the same sheet however its vetoes are spelled, and another to different points', () => {
    const a = incoming('P001', { vetoes: {} });
    expect(conflictId('T-1', 'e1', a)).toBe(conflictId('T-1', 'e1', incoming('P001')));
    expect(conflictId('T-1', 'e1', a)).not.toBe(
      conflictId('T-1', 'e1', incoming('P001', { scores: { c1: 9, c2: 12.5 } })),
    );
    expect(sameContent(a, incoming('P001', { comment: 'x' }))).toBe(false);
  });

  it('replaces a local draft never submitted here', () => {
    const file = verified([incoming('P001')]);
    const heldSheets = [
      held('P001', { status: 'draft', revision: 0, submittedAt: null, scores: { c1: 3 } }),
    ];
    expect(actions(plan(file, { heldSheets }))[0]).toMatchObject({
      kind: 'replace',
      note: 'supersedes-draft',
    });
  });

  it('takes the expert’s revision of a returned sheet, and ignores the version that was returned', () => {
    const heldSheets = [held('P001', { status: 'returned', revision: 1 })];
    const revised = verified([incoming('P001', { revision: 2, comment: '已修改' })]);
    expect(actions(plan(revised, { heldSheets }))[0]).toMatchObject({
      kind: 'replace',
      note: 'revises-returned',
    });
    const old = verified([incoming('P001', { revision: 1 })]);
    expect(actions(plan(old, { heldSheets }))[0]).toMatchObject({
      kind: 'stale',
      note: 'already-returned',
      heldRevision: 1,
    });
    const older = verified([incoming('P001', { revision: 1 })]);
    expect(
      actions(plan(older, { heldSheets: [held('P001', { status: 'returned', revision: 2 })] }))[0],
    ).toMatchObject({ kind: 'stale', note: 'older-revision' });
  });

  it('lets a newer revision declare 回避, but sends withdrawing one to the chair', () => {
    const declare = verified([
      incoming('P001', {
        revision: 2,
        status: 'conflict',
        scores: {},
        vetoes: {},
        conflictReason: '亲属',
      }),
    ]);
    expect(actions(plan(declare, { heldSheets: [held('P001')] }))[0]).toMatchObject({
      kind: 'replace',
      note: 'newer-revision',
    });
    const withdraw = verified([incoming('P001', { revision: 2 })]);
    const heldConflict = held('P001', { status: 'conflict', scores: {}, conflictReason: '亲属' });
    expect(actions(plan(withdraw, { heldSheets: [heldConflict] }))[0]).toMatchObject({
      kind: 'conflict',
      note: 'withdraws-conflict',
    });
  });

  it('compares only with this expert’s held sheets', () => {
    const file = verified([incoming('P001')]);
    const heldSheets = [held('P001', { expertId: 'e2', revision: 5 })];
    expect(kinds(plan(file, { heldSheets }))).toEqual(['add']);
  });
});
