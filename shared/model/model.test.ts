import { describe, expect, it } from 'vitest';
import { readBrandRoundBytes } from '../../test/conformance/fixture';
import { unzipSync, strFromU8 } from 'fflate';
import { isMultipleOf, rubricSchema } from './rubric';
import { roundSchema } from './roundPackage';
import { fieldPath, formatProblem, parseWith } from './validation';

const fixtureRound = (): Record<string, unknown> => {
  const zip = readBrandRoundBytes('round.zip');
  return JSON.parse(strFromU8(unzipSync(zip)['round.json']!)) as Record<string, unknown>;
};

describe('isMultipleOf', () => {
  it.each([
    [15, 0.5, true],
    [0.3, 0.1, true],
    [9.7, 0.1, true],
    [10, 0.25, true],
    [7.3, 0.5, false],
    [0.05, 0.1, false],
  ])('%s of %s → %s', (value, step, expected) => {
    expect(isMultipleOf(value, step)).toBe(expected);
  });
});

describe('rubricSchema', () => {
  const base = {
    id: 'r',
    title: '评分表',
    sections: [
      { id: 's', title: '部分', criteria: [{ id: 'c1', title: '指标', max: 10, step: 0.5 }] },
    ],
  };

  it('fills the documented defaults', () => {
    const rubric = rubricSchema.parse(base);
    expect(rubric).toMatchObject({
      vetoes: [],
      commentRequiredBelow: 0.6,
      passLine: 60,
      bands: [],
    });
    expect(rubric.sections[0]!.criteria[0]!.guidance).toBe('');
  });

  it('refuses ids that name a member of every object, where a lookup would find it', () => {
    for (const id of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const rubric = { ...base, vetoes: [{ id, title: '否决项' }] };
      const result = parseWith(rubricSchema, rubric, 'round.json');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problems.map(formatProblem)).toContain(
          'round.json › vetoes[0].id：是程序保留的名称，请换一个编号',
        );
      }
    }
    expect(
      parseWith(rubricSchema, { ...base, vetoes: [{ id: 'v1', title: '否决项' }] }, 'r').ok,
    ).toBe(true);
  });

  it('locates a max that is not a multiple of the step, and duplicate ids', () => {
    const bad = {
      ...base,
      sections: [
        {
          id: 's',
          title: '部分',
          criteria: [
            { id: 'c1', title: '指标', max: 10, step: 3 },
            { id: 'c1', title: '重复', max: 10, step: 1 },
          ],
        },
      ],
    };
    const result = parseWith(rubricSchema, bad, 'round.json');
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'round.json',
        field: 'sections[0].criteria[0].step',
        message: '满分必须是步长的整数倍',
      },
      {
        file: 'round.json',
        field: 'sections[0].criteria[1].id',
        message: '评分指标编号“c1”重复',
      },
    ]);
  });

  it('refuses ids that cannot be file names or JSON keys safely', () => {
    const result = parseWith(rubricSchema, { ...base, id: '../x' }, 'round.json');
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/只能包含字母/);
  });
});

describe('roundSchema', () => {
  it('accepts the fixture round', () => {
    expect(roundSchema.safeParse(fixtureRound()).success).toBe(true);
  });

  it('refuses a wrong format id, duplicate experts and an unknown tie-break criterion', () => {
    const round = fixtureRound();
    const experts = round.experts as { id: string }[];
    experts[1]!.id = experts[0]!.id;
    const result = parseWith(
      roundSchema,
      { ...round, aggregation: { ...(round.aggregation as object), tieBreak: ['c1', 'zz'] } },
      'round.json',
    );
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'round.json › experts[1].id：专家编号“e1”重复',
      'round.json › aggregation.tieBreak[1]：并列排序指标“zz”不在评分表中',
    ]);
    const wrongFormat = parseWith(
      roundSchema,
      { ...round, format: 'review-desk/round@2' },
      'round.json',
    );
    expect(wrongFormat.ok ? '' : formatProblem(wrongFormat.problems[0]!)).toBe(
      'round.json › format：格式标识必须是“review-desk/round@1”',
    );
  });

  it('refuses two quotas for the same group', () => {
    const round = fixtureRound();
    const quotas = round.quotas as { group: string }[];
    const result = parseWith(
      roundSchema,
      { ...round, quotas: [...quotas, { ...quotas[0]! }] },
      'round.json',
    );
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `round.json › quotas[${quotas.length}].group：分组“${quotas[0]!.group}”的名额重复设置`,
    ]);
  });

  it('speaks Chinese for zod built-in messages too (i18nSetup)', () => {
    const result = parseWith(roundSchema, { ...fixtureRound(), title: 42 }, 'round.json');
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('fieldPath and formatProblem', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(fieldPath(['rubric', 'sections', 0, 'criteria', 2, 'max'])).toBe(
      'rubric.sections[0].criteria[2].max',
    );
    expect(fieldPath([0, 'id'])).toBe('[0].id');
    expect(formatProblem({ file: 'a.json', field: '', message: '文件是空的' })).toBe(
      'a.json：文件是空的',
    );
  });
});
