import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../test/fixtures/tinyRound';
import type { Round } from '../model/roundPackage';
import { buildResultWorkbook, seedSigner } from '../workbook/build';
import { buildResultPayload, type ResultWorkbookInput } from '../workbook/buildPayload';
import { verifyResultWorkbook } from '../workbook/verify';
import { compileRound } from '../compile/compile';
import {
  groupsUnder,
  quotasForGroups,
  resolvedVetoRules,
  rubricWithVetoRules,
  settingsChanges,
  settingsProblems,
  unsplitGroup,
  yearBatchLabel,
  type RoundSettings,
} from './roundSettings';

const { round, packets } = tinyRound();
const base: RoundSettings = {
  title: round.title,
  programme: round.programme,
  year: null,
  batch: null,
  minValidSheets: 3,
  splitByCategory: false,
  aggregation: round.aggregation,
  vetoRules: { v1: 'majority' },
  quotas: [],
};
const context = { kind: round.kind, rubric: round.rubric, panelSize: 3 };
const brandPackets = [
  { group: '天府技工', category: '品牌培育主基地' },
  { group: '天府技工', category: '品牌培育辅基地' },
  { group: '天府新农人', category: '品牌培育主基地' },
];

const payloadInput = (r: Round): ResultWorkbookInput => ({
  round: r,
  packets,
  sheets: [],
  result: compileRound({ round: r, packets, sheets: [] }),
  generatedAt: '2026-11-21T10:00:00+08:00',
  generator: 'review-desk test',
});

describe('round settings', () => {
  it('name year and batch as an office writes them', () => {
    expect(yearBatchLabel(2024, 2)).toBe('2024年第二批');
    expect(yearBatchLabel(2024, null)).toBe('2024年');
    expect(yearBatchLabel(null, null)).toBe('');
  });

  it('split groups by 类别 and merge them back, quotas following', () => {
    expect(groupsUnder(brandPackets, true)).toEqual([
      '天府技工（主基地）',
      '天府技工（辅基地）',
      '天府新农人（主基地）',
    ]);
    expect(unsplitGroup('天府技工（辅基地）', '品牌培育辅基地')).toBe('天府技工');
    const split = quotasForGroups(
      [{ group: '天府技工', count: 2, reserve: 1 }],
      brandPackets,
      true,
    );
    expect(split).toEqual([
      { group: '天府技工（主基地）', count: 2, reserve: 1 },
      { group: '天府技工（辅基地）', count: 2, reserve: 1 },
    ]);
    expect(quotasForGroups(split, brandPackets, false)).toEqual([
      { group: '天府技工', count: 2, reserve: 1 },
    ]);
    // A quota no packet group forms (先进市(州) of a 综合评估) stays.
    expect(
      quotasForGroups([{ group: '先进市(州)', count: 5, reserve: 0 }], brandPackets, true),
    ).toEqual([{ group: '先进市(州)', count: 5, reserve: 0 }]);
  });

  it('say what is wrong with each field and how to fix it', () => {
    expect(settingsProblems(base, context)).toEqual({});
    const problems = settingsProblems(
      {
        ...base,
        batch: 13,
        minValidSheets: 4,
        aggregation: { ...base.aggregation, deviationFlag: 0, tieBreak: ['c1', 'c1'] },
        quotas: [{ group: '天府技工', count: 1.5, reserve: 0 }],
      },
      context,
    );
    expect(problems).toEqual({
      batch: '批次须是 1 至 12 之间的整数（1 即第一批）；不分批次请留空',
      minValidSheets:
        '评审组只有 3 位专家，每个项目最多 3 份评分：请填不超过 3 的数，或先在“评审组”增加专家',
      deviationFlag: '偏离提示阈值须大于 0% 且不超过 100%（常用 20%）',
      tieBreak: '同一指标在并列排序中出现了两次：请删去一次',
      'quota:天府技工:count': '“天府技工”的入选名额须是 0 至 9999 之间的整数；不设名额请清除本组',
    });
  });

  it('list the changes in words, and nothing for equal settings', () => {
    expect(settingsChanges(base, { ...base }, round.rubric)).toEqual([]);
    expect(
      settingsChanges(
        base,
        {
          ...base,
          vetoRules: { v1: 'any' },
          aggregation: { ...base.aggregation, deviationFlag: 0.07 },
        },
        round.rubric,
      ),
    ).toEqual([
      { field: '偏离提示阈值', from: '20%', to: '7%' },
      { field: '否决项“存在违规用地”', from: '过半数有效评分勾选才否决', to: '任一专家勾选即否决' },
    ]);
  });

  it('keep a veto without a rule of its own unchanged when the round’s rule is chosen', () => {
    expect(rubricWithVetoRules(round.rubric, round.aggregation, { v1: 'majority' })).toEqual(
      round.rubric,
    );
    const any = rubricWithVetoRules(round.rubric, round.aggregation, { v1: 'any' });
    expect(any.vetoes).toEqual([{ id: 'v1', title: '存在违规用地', rule: 'any' }]);
    expect(resolvedVetoRules(any, round.aggregation)).toEqual({ v1: 'any' });
  });

  it('reach the signed payload: quotas, aggregation, and the rule of a veto that has its own', () => {
    const settled = {
      ...round,
      rubric: rubricWithVetoRules(round.rubric, round.aggregation, { v1: 'any' }),
      quotas: [{ group: '天府技工', count: 1, reserve: 1 }],
    };
    const payload = buildResultPayload(payloadInput(settled));
    expect(payload.round.vetoes).toEqual([{ id: 'v1', title: '存在违规用地', rule: 'any' }]);
    expect(payload.round.quotas).toEqual([{ group: '天府技工', count: 1, reserve: 1 }]);
    // Without a rule of its own the veto is written as before.
    const plain = buildResultPayload(payloadInput(round));
    expect(plain.round.vetoes).toEqual([{ id: 'v1', title: '存在违规用地' }]);
  });

  it('sign into a workbook that verifies, with the veto’s own rule in the payload', async () => {
    const settled = {
      ...round,
      rubric: rubricWithVetoRules(round.rubric, round.aggregation, { v1: 'any' }),
    };
    const bytes = await buildResultWorkbook(
      payloadInput(settled),
      seedSigner(new Uint8Array(32).fill(7)),
    );
    const verified = verifyResultWorkbook(bytes);
    expect(verified.ok).toBe(true);
    if (verified.ok)
      expect(verified.summary.payload.round.vetoes[0]).toMatchObject({ rule: 'any' });
  });
});
