import { describe, expect, it } from 'vitest';
import type { Rubric } from '../model/rubric';
import { ADVANCED_CITY_GROUP, cityRanking, isCityAssessment } from './cityRanking';
import { compileRound } from './compile';
import { placeAgainstQuota, competitionRanks } from './quotaLine';
import type { CompileSheet } from './types';

const rubric: Rubric = {
  id: 'r',
  title: 'r',
  sections: [
    {
      id: 's',
      title: 's',
      criteria: [{ id: 'c1', title: '一', guidance: '', max: 100, step: 0.5 }],
    },
  ],
  vetoes: [{ id: 'v1', title: '违规' }],
  commentRequiredBelow: 0,
  passLine: 60,
  bands: [
    { label: '优秀', min: 90 },
    { label: '良好', min: 80 },
    { label: '合格', min: 60 },
  ],
};

function round(advanced: number | null) {
  return {
    kind: 'evaluation' as const,
    rubric,
    aggregation: {
      method: 'mean' as const,
      trimWhenAtLeast: 5,
      deviationFlag: 0.2,
      vetoRule: 'any' as const,
      tieBreak: [],
    },
    quotas: advanced === null ? [] : [{ group: ADVANCED_CITY_GROUP, count: advanced, reserve: 0 }],
  };
}

const sheet = (packetId: string, points: number, veto = false): CompileSheet => ({
  packetId,
  expertId: 'e1',
  status: 'submitted',
  scores: { c1: points },
  vetoes: { v1: veto },
  revision: 1,
});

function rank(
  advanced: number | null,
  packets: { id: string; city: string; points?: number; veto?: boolean }[],
) {
  const r = round(advanced);
  const result = compileRound({
    round: r,
    packets: packets.map((p) => ({ id: p.id, group: '' })),
    sheets: packets
      .filter((p) => p.points !== undefined)
      .map((p) => sheet(p.id, p.points!, p.veto)),
  });
  return {
    result,
    ranking: cityRanking({
      round: r,
      packets: packets.map((p) => ({ id: p.id, applicant: { city: p.city } })),
      result,
    }),
  };
}

describe('cityRanking (综合评估 of 市(州))', () => {
  it('is only for evaluation rounds with a 先进市(州) quota', () => {
    expect(isCityAssessment(round(2))).toBe(true);
    expect(isCityAssessment(round(null))).toBe(false);
    expect(isCityAssessment({ ...round(2), kind: 'selection' })).toBe(false);
    expect(rank(null, [{ id: 'P1', city: '成都市', points: 90 }]).ranking).toBeNull();
  });

  it('ranks one packet per city by its score, names 先进市(州) by quota, lists all 21', () => {
    const { ranking, result } = rank(2, [
      { id: 'P1', city: '成都市', points: 88 },
      { id: 'P2', city: '绵阳市', points: 93.5 },
      { id: 'P3', city: '宜宾市', points: 75 },
      { id: 'P4', city: '泸州市', points: 91 },
    ]);
    // The 先进市(州) quota names no packet group: compile makes no empty group of it.
    expect(result.groups.map((g) => g.group)).toEqual(['']);
    expect(ranking!.quota).toBe(2);
    expect(ranking!.cities).toHaveLength(21);
    expect(ranking!.cities.slice(0, 4)).toEqual([
      { city: '绵阳市', packets: 1, counted: 1, score: 93.5, rank: 1, tied: false, advanced: true },
      { city: '泸州市', packets: 1, counted: 1, score: 91, rank: 2, tied: false, advanced: true },
      { city: '成都市', packets: 1, counted: 1, score: 88, rank: 3, tied: false, advanced: false },
      { city: '宜宾市', packets: 1, counted: 1, score: 75, rank: 4, tied: false, advanced: false },
    ]);
    // Cities without packets follow in the provincial order, unranked.
    expect(ranking!.cities[4]).toEqual({
      city: '自贡市',
      packets: 0,
      counted: 0,
      score: null,
      rank: null,
      tied: false,
      advanced: false,
    });
  });

  it('a tie across the quota line is left to the department; a tie inside it is not', () => {
    const straddling = rank(1, [
      { id: 'P1', city: '成都市', points: 90 },
      { id: 'P2', city: '德阳市', points: 90 },
      { id: 'P3', city: '绵阳市', points: 80 },
    ]).ranking!;
    expect(straddling.cities.slice(0, 3).map((c) => [c.city, c.rank, c.tied, c.advanced])).toEqual([
      ['成都市', 1, true, null],
      ['德阳市', 1, true, null],
      ['绵阳市', 3, false, false],
    ]);
    const inside = rank(2, [
      { id: 'P1', city: '成都市', points: 90 },
      { id: 'P2', city: '德阳市', points: 90 },
    ]).ranking!;
    expect(inside.cities.slice(0, 2).map((c) => c.advanced)).toEqual([true, true]);
  });

  it('several packets per city: the mean of their scores, exact and rounded half away; vetoed ones do not count', () => {
    const { ranking } = rank(1, [
      { id: 'P1', city: '成都市', points: 80.5 },
      { id: 'P2', city: '成都市', points: 80 },
      { id: 'P3', city: '成都市', points: 81 },
      { id: 'P4', city: '成都市', points: 80.5 },
      // 80.5 + 80 + 81 + 80.5 = 322 / 4 = 80.50; add a fourth-of-a-point case below.
      { id: 'P5', city: '德阳市', points: 70.5 },
      { id: 'P6', city: '德阳市', points: 70 },
      { id: 'P7', city: '德阳市', points: 99, veto: true },
      { id: 'P8', city: '', points: 100 },
    ]);
    const chengdu = ranking!.cities.find((c) => c.city === '成都市')!;
    const deyang = ranking!.cities.find((c) => c.city === '德阳市')!;
    expect(chengdu).toMatchObject({ packets: 4, counted: 4, score: 80.5, rank: 1, advanced: true });
    // (70.50 + 70.00) / 2 = 70.25; the vetoed packet is not counted.
    expect(deyang).toMatchObject({
      packets: 3,
      counted: 2,
      score: 70.25,
      rank: 2,
      advanced: false,
    });
    expect(ranking!.cities.some((c) => c.city === '')).toBe(false);
  });

  it('rounds a mean of hundredths half away from zero', () => {
    const { ranking } = rank(1, [
      { id: 'P1', city: '成都市', points: 80.5 },
      { id: 'P2', city: '成都市', points: 80 },
      { id: 'P3', city: '成都市', points: 80 },
    ]);
    // 240.5 / 3 = 80.1666… → 80.17
    expect(ranking!.cities[0]!.score).toBe(80.17);
  });
});

describe('quota line helpers', () => {
  it('competition ranks 1, 1, 3', () => {
    expect(competitionRanks([9, 9, 7, 7, 7, 1], (a, b) => a === b)).toEqual([1, 1, 3, 3, 3, 6]);
  });
  it('places a block inside or across the lines', () => {
    expect(placeAgainstQuota(1, 2, { count: 2, reserve: 0 })).toEqual({
      kind: 'inside',
      place: 'count',
    });
    expect(placeAgainstQuota(2, 2, { count: 2, reserve: 1 })).toEqual({
      kind: 'straddles',
      lines: ['count'],
    });
    expect(placeAgainstQuota(3, 1, { count: 2, reserve: 1 })).toEqual({
      kind: 'inside',
      place: 'reserve',
    });
    expect(placeAgainstQuota(4, 1, { count: 2, reserve: 1 })).toEqual({
      kind: 'inside',
      place: 'out',
    });
  });
});
