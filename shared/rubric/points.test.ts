import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rubricSchema, type Rubric } from '../model/rubric';
import {
  commentRequired,
  criterionValueProblem,
  parsePointsInput,
  readPoints,
  remainingCriteria,
  rubricMax,
  sectionSubtotal,
  sheetProblems,
  sheetTotal,
  type SheetEntry,
} from './points';

const rubric: Rubric = rubricSchema.parse({
  id: 'r',
  title: '评分表',
  sections: [
    {
      id: 's1',
      title: '条件',
      criteria: [
        { id: 'a', title: '场地', max: 15, step: 0.5 },
        { id: 'b', title: '师资', max: 10, step: 0.1 },
      ],
    },
    { id: 's2', title: '成效', criteria: [{ id: 'c', title: '就业', max: 75, step: 1 }] },
  ],
  vetoes: [{ id: 'v1', title: '违规用地' }],
});

const entry = (scores: Record<string, number>, extra: Partial<SheetEntry> = {}): SheetEntry => ({
  scores,
  vetoes: {},
  vetoReasons: {},
  comment: '',
  ...extra,
});

describe('totals', () => {
  it('adds criteria the way a person does, with 0.1 steps', () => {
    expect(rubricMax(rubric)).toBe(100);
    expect(sheetTotal(rubric, { a: 0.5, b: 0.1, c: 0 })).toBe(0.6);
    expect(sheetTotal(rubric, { b: 0.2 + 0.1 })).toBe(0.3);
    expect(sectionSubtotal(rubric.sections[0]!, { a: 7.5, b: 9.9 })).toBe(17.4);
  });

  it('sums any valid sheet to a value with at most one decimal for 0.1/0.5/1 steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 75 }),
        (halves, tenths, ones) => {
          const total = sheetTotal(rubric, { a: halves / 2, b: tenths / 10, c: ones });
          expect(total).toBe(Math.round(total * 10) / 10);
          expect(Math.round(total * 10)).toBe(halves * 5 + tenths + ones * 10);
        },
      ),
    );
  });
});

describe('criterionValueProblem', () => {
  const [a, b] = rubric.sections[0]!.criteria;
  it.each([
    [undefined, '尚未评分'],
    [Number.NaN, '不是有效数字'],
    [-0.5, '不能为负数'],
    [15.5, '超过满分 15 分'],
    [7.3, '必须是 0.5 的整数倍'],
  ])('%s → %s', (value, message) => {
    expect(criterionValueProblem(a!, value)).toBe(message);
  });

  it('accepts 0, max and decimal multiples of 0.1', () => {
    expect(criterionValueProblem(a!, 0)).toBeNull();
    expect(criterionValueProblem(a!, 15)).toBeNull();
    expect(criterionValueProblem(b!, 0.3)).toBeNull();
    expect(criterionValueProblem(b!, 9.7)).toBeNull();
  });
});

describe('parsePointsInput', () => {
  it.each([
    ['8.5', 8.5],
    [' 10 ', 10],
    ['８．５', 8.5],
    ['１２．５', 12.5],
    ['\u3000１２\u3000', 12],
    ['7。5', 7.5],
    ['.5', 0.5],
    ['', undefined],
    ['  ', undefined],
  ])('%j → %s', (text, value) => {
    expect(parsePointsInput(text)).toBe(value);
  });

  it.each(['abc', '8,5', '-1', '1e2', '8.5.1', '=1+1'])('%j is not a number', (text) => {
    expect(parsePointsInput(text)).toBeNaN();
  });
});

describe('readPoints: what a criterion adds to the total', () => {
  const a = rubric.sections[0]!.criteria[0]!; // max 15, step 0.5

  it('counts an acceptable value, typed or stored, full-width digits included', () => {
    expect(readPoints(a, '12.5')).toEqual({ status: 'counted', counted: 12.5, value: 12.5 });
    expect(readPoints(a, '１２．５')).toEqual({ status: 'counted', counted: 12.5, value: 12.5 });
    expect(readPoints(a, 15)).toEqual({ status: 'counted', counted: 15, value: 15 });
  });

  it('counts nothing for an empty box', () => {
    expect(readPoints(a, '')).toEqual({ status: 'empty', counted: 0 });
    expect(readPoints(a, undefined)).toEqual({ status: 'empty', counted: 0 });
  });

  it.each([
    ['16', '超过满分 15 分'],
    ['7.3', '必须是 0.5 的整数倍'],
    ['abc', '不是有效数字'],
  ])('counts nothing for %j and says why (%s)', (text, problem) => {
    expect(readPoints(a, text)).toEqual({ status: 'problem', counted: 0, problem });
  });

  it('leaves out-of-range and off-step values out of subtotal and total', () => {
    // 16 on a max-15 criterion and 7.3 on a 0.1-step criterion that allows it: only 7.3 counts.
    expect(sectionSubtotal(rubric.sections[0]!, { a: 16, b: 7.3 })).toBe(7.3);
    expect(sectionSubtotal(rubric.sections[0]!, { a: 7.3, b: 9 })).toBe(9);
    expect(sheetTotal(rubric, { a: 16, b: 7.3, c: 70 })).toBe(77.3);
  });

  it('names a box holding text that is not a number in the summary, not as unscored', () => {
    const problems = sheetProblems(rubric, entry({ b: 5, c: 70 }, { inputs: { a: 'abc' } }));
    expect(problems[0]).toEqual({
      target: { kind: 'criterion', id: 'a' },
      message: '场地：不是有效数字',
    });
    const blank = sheetProblems(rubric, entry({ b: 5, c: 70 }, { inputs: { a: ' ' } }));
    expect(blank[0]?.message).toBe('场地：尚未评分');
  });
});

describe('sheet rules', () => {
  it('a complete sheet above the comment line has no problems', () => {
    expect(sheetProblems(rubric, entry({ a: 12, b: 8, c: 60 }))).toEqual([]);
    expect(remainingCriteria(rubric, { a: 12, b: 8, c: 60 })).toBe(0);
  });

  it('lists missing criteria, a ticked veto without a reason and a missing comment', () => {
    const problems = sheetProblems(rubric, entry({ a: 1 }, { vetoes: { v1: true } }));
    expect(problems.map((p) => p.target)).toEqual([
      { kind: 'criterion', id: 'b' },
      { kind: 'criterion', id: 'c' },
      { kind: 'veto', id: 'v1' },
      { kind: 'comment' },
    ]);
    expect(problems[3]!.message).toBe('总分低于 60 分，请填写评审意见');
    expect(remainingCriteria(rubric, { a: 1 })).toBe(2);
  });

  it('requires a comment strictly below the line, not at it', () => {
    expect(commentRequired(rubric, 59.9)).toBe(true);
    expect(commentRequired(rubric, 60)).toBe(false);
  });

  it('does not require a comment at the line when the fraction is not exact in binary', () => {
    // 0.55 × 100 is 55.00000000000001 in floating point: a sheet of exactly 55 is not "below 55".
    const strict = { ...rubric, commentRequiredBelow: 0.55 };
    expect(commentRequired(strict, 55)).toBe(false);
    expect(commentRequired(strict, 54.9)).toBe(true);
    expect(sheetProblems(strict, entry({ a: 10, b: 5, c: 40 }))).toEqual([]);
  });
});
