import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Aggregation, Quota } from '../model/roundPackage';
import type { Rubric } from '../model/rubric';
import { compileRound } from './compile';
import { explain } from './explain';
import { leniencyView } from './leniency';
import type {
  ChairDecision,
  CompileInput,
  CompilePacket,
  CompileRound,
  CompileSheet,
  PacketResult,
} from './types';

// A 100-point rubric: c1 and c2 up to 50 each, steps of 0.5; one further 0.1-step criterion c3
// worth 0 by default so that tie-break tests can use it without changing totals elsewhere.
const rubric: Rubric = {
  id: 'r',
  title: 'rubric',
  sections: [
    {
      id: 's1',
      title: 's1',
      criteria: [
        { id: 'c1', title: '一', guidance: '', max: 50, step: 0.5 },
        { id: 'c2', title: '二', guidance: '', max: 50, step: 0.5 },
      ],
    },
  ],
  vetoes: [
    { id: 'v1', title: '违规' },
    { id: 'v2', title: '弄虚作假' },
  ],
  commentRequiredBelow: 0.6,
  passLine: 60,
  bands: [
    { label: '优秀', min: 90 },
    { label: '良好', min: 80 },
    { label: '合格', min: 60 },
  ],
};

/** One criterion worth 100 on a 0.01 step, for values the 0.5 step cannot reach. */
const fine: Rubric = {
  ...rubric,
  sections: [
    {
      id: 's',
      title: 's',
      criteria: [{ id: 'c1', title: '一', guidance: '', max: 100, step: 0.01 }],
    },
  ],
};

function makeRound(
  aggregation: Partial<Aggregation> = {},
  extra: Partial<CompileRound> = {},
): CompileRound {
  return {
    kind: 'selection',
    rubric,
    aggregation: {
      method: 'trimmed-mean',
      trimWhenAtLeast: 5,
      deviationFlag: 0.2,
      vetoRule: 'majority',
      tieBreak: [],
      ...aggregation,
    },
    quotas: [],
    ...extra,
  };
}

/** A submitted sheet worth `points`, split as c1 = first half (to the 0.5 step), c2 = rest. */
function sheet(
  packetId: string,
  expertId: string,
  points: number,
  options: Partial<CompileSheet> & { c1?: number } = {},
): CompileSheet {
  const c1 = options.c1 ?? Math.min(50, Math.floor(points));
  return {
    packetId,
    expertId,
    status: 'submitted',
    scores: { c1, c2: Math.round((points - c1) * 1e6) / 1e6 },
    vetoes: {},
    revision: 1,
    ...options,
  };
}

/** Sheets for one packet from a list of points, experts e1, e2, …. */
const sheetsOf = (packetId: string, points: readonly number[]) =>
  points.map((p, i) => sheet(packetId, `e${i + 1}`, p));

const packet = (id: string, group = 'G'): CompilePacket => ({ id, group, title: `标题${id}` });

function compileOne(points: readonly number[], aggregation: Partial<Aggregation> = {}) {
  const result = compileRound({
    round: makeRound(aggregation),
    packets: [packet('P1')],
    sheets: sheetsOf('P1', points),
  });
  return result.packets[0]!;
}

/** A group of packets, one per score, each scored identically by three experts. */
function groupInput(
  scores: readonly number[],
  quota: Partial<Quota> | null,
  extra: Partial<CompileInput> = {},
  round: Partial<CompileRound> = {},
): CompileInput {
  const ids = scores.map((_, i) => `P${i + 1}`);
  return {
    round: makeRound(
      {},
      { quotas: quota ? [{ group: 'G', count: 0, reserve: 0, ...quota }] : [], ...round },
    ),
    packets: ids.map((id) => packet(id)),
    sheets: ids.flatMap((id, i) => sheetsOf(id, [scores[i]!, scores[i]!, scores[i]!])),
    ...extra,
  };
}

const summary = (result: { packets: PacketResult[] }) =>
  result.packets.map((p) => [p.packetId, p.rank, p.decision]);

describe('valid sheets', () => {
  it('counts submitted sheets only, without 回避 (sheet or declaration)', () => {
    const result = compileRound({
      round: makeRound(),
      packets: [packet('P1')],
      sheets: [
        sheet('P1', 'e1', 80),
        sheet('P1', 'e2', 70, { status: 'conflict', conflictReason: '同一单位' }),
        sheet('P1', 'e3', 60, { status: 'draft' }),
        sheet('P1', 'e4', 90),
        sheet('P1', 'e5', 10),
      ],
      conflicts: [{ packetId: 'P1', expertId: 'e5', reason: '亲属' }],
    });
    const p = result.packets[0]!;
    expect(p.n).toBe(2);
    expect(p.sheets.map((s) => s.expertId)).toEqual(['e1', 'e4']);
    expect(p.excluded).toEqual([
      { expertId: 'e2', reason: 'conflict', detail: '同一单位' },
      { expertId: 'e3', reason: 'not-submitted', detail: 'draft' },
      { expertId: 'e5', reason: 'conflict', detail: '亲属' },
    ]);
    expect(p.score).toBe(85);
  });

  it('no valid sheets: no score, no rank, no decision, flagged', () => {
    const result = compileRound({
      round: makeRound({}, { quotas: [{ group: 'G', count: 1, reserve: 0 }] }),
      packets: [packet('P1'), packet('P2')],
      sheets: [
        sheet('P1', 'e1', 80, { status: 'conflict' }),
        sheet('P1', 'e2', 80, { status: 'conflict' }),
        ...sheetsOf('P2', [70]),
      ],
    });
    const p1 = result.packets.find((p) => p.packetId === 'P1')!;
    expect(p1).toMatchObject({ n: 0, score: null, scoreText: null, rank: null, decision: null });
    expect(p1.flags).toEqual(['no-valid-sheets']);
    expect(result.flags.map((f) => f.code)).toContain('no-valid-sheets');
    expect(summary(result)).toEqual([
      ['P2', 1, '入选'],
      ['P1', null, null],
    ]);
    expect(explain(p1)).toBe('没有有效评分（2 位专家回避），无法计算得分，不参加排名。');
  });

  it('keeps the highest revision of a sheet and ignores unknown packets and experts', () => {
    const result = compileRound({
      round: makeRound({}, { experts: [{ id: 'e1', name: '甲', org: '', city: '' }] }),
      packets: [packet('P1')],
      sheets: [
        sheet('P1', 'e1', 90, { revision: 2 }),
        sheet('P1', 'e1', 50, { revision: 1 }),
        sheet('P9', 'e1', 50),
        sheet('P1', 'x9', 10),
      ],
    });
    expect(result.packets[0]!.score).toBe(90);
    expect(result.flags.map((f) => f.code).sort()).toEqual([
      'duplicate-sheet',
      'no-quota',
      'unknown-expert',
      'unknown-packet',
    ]);
  });

  it("a sheet's points are the sum of its criteria, exactly", () => {
    const result = compileRound({
      round: makeRound({ method: 'mean' }),
      packets: [packet('P1')],
      sheets: [
        { ...sheet('P1', 'e1', 0), scores: { c1: 0.1, c2: 0.2 } },
        { ...sheet('P1', 'e2', 0), scores: { c1: 0.1, c2: 0.2 } },
      ],
    });
    expect(result.packets[0]!.sheets.map((s) => s.points)).toEqual([0.3, 0.3]);
    expect(result.packets[0]!.score).toBe(0.3);
  });
});

describe('aggregation', () => {
  it('trimmed mean: 4 sheets (below trimWhenAtLeast 5) take the plain mean', () => {
    const p = compileOne([60, 70, 80, 94]);
    expect(p.method).toBe('mean');
    expect(p.score).toBe(76);
    expect(p.sheets.every((s) => s.trimmed === null)).toBe(true);
  });

  it('trimmed mean: 5 sheets drop one highest and one lowest', () => {
    const p = compileOne([60, 70, 80, 94, 71]);
    expect(p.method).toBe('trimmed-mean');
    expect(p.score).toBe(73.67); // (70 + 80 + 71) / 3 = 73.666…
    expect(p.sheets.map((s) => s.trimmed)).toEqual(['lowest', null, null, 'highest', null]);
  });

  it('trimmed mean with equal extremes names one sheet each, by expert id', () => {
    const p = compileOne([90, 60, 90, 60, 75]);
    expect(p.sheets.map((s) => s.trimmed)).toEqual([null, 'lowest', 'highest', null, null]);
    expect(p.score).toBe(75);
  });

  it('rounds half away from zero at .xx5', () => {
    // (80 × 3 + 80.5) / 4 = 80.125 → 80.13; (80 × 7 + 83) / 8 = 80.375 → 80.38.
    expect(compileOne([80, 80, 80, 80.5]).score).toBe(80.13);
    expect(compileOne([80, 80, 80, 80.5]).scoreText).toBe('80.13');
    expect(compileOne([80, 80, 80, 80, 80, 80, 80, 83], { method: 'mean' }).score).toBe(80.38);
    // Trimmed: 70 and 90 dropped, (80 × 5 + 80.5) / 6 = 80.0833… → 80.08.
    expect(compileOne([80, 80, 80, 80, 80, 80.5, 70, 90]).score).toBe(80.08);
  });

  it('median: odd n takes the middle sheet, even n the mean of the two middle ones', () => {
    expect(compileOne([60, 90, 70], { method: 'median' }).score).toBe(70);
    const even = compileOne([60, 90, 70, 75.5], { method: 'median' });
    expect(even.method).toBe('median');
    expect(even.score).toBe(72.75);
    expect(explain(even)).toContain('取中间两份 70 和 75.5 的平均 72.75 分作为中位数');
  });

  it('mean: plain mean of every valid sheet', () => {
    const p = compileOne([60, 70, 80, 90, 100], { method: 'mean' });
    expect(p.score).toBe(80);
    expect(p.method).toBe('mean');
  });

  it('criterion means at two decimals', () => {
    const p = compileOne([61, 62, 64], { method: 'mean' });
    expect(p.criterionMeans).toEqual({ c1: 50, c2: 12.33 });
  });
});

describe('vetoes (否决项)', () => {
  const withVetoes = (ticks: Array<Record<string, boolean>>, vetoRule: 'majority' | 'any') =>
    compileRound({
      round: makeRound({ vetoRule }, { quotas: [{ group: 'G', count: 1, reserve: 0 }] }),
      packets: [packet('P1'), packet('P2')],
      sheets: [
        ...ticks.map((vetoes, i) => sheet('P1', `e${i + 1}`, 90, { vetoes })),
        ...sheetsOf('P2', [50, 50]),
      ],
    });

  it('majority: more than half of valid sheets ticking the same veto rules the packet out', () => {
    const result = withVetoes([{ v1: true }, { v1: true }, { v1: true }, {}, {}], 'majority');
    const p1 = result.packets.find((p) => p.packetId === 'P1')!;
    expect(p1.vetoed).toBe(true);
    expect(p1.decision).toBe('否决');
    expect(p1.rank).toBeNull();
    expect(p1.vetoes).toEqual([{ id: 'v1', title: '违规', ticks: 3, decisive: true }]);
    // Ranked after all others even with the higher score; P2 takes the only place.
    expect(summary(result)).toEqual([
      ['P2', 1, '入选'],
      ['P1', null, '否决'],
    ]);
    expect(explain(p1)).toBe(
      '5 份有效评分，去掉最高分 90 和最低分 90 后，其余 3 份平均 90.00 分。' +
        '3 位专家勾选否决项“违规”，超过有效评分的半数，予以否决。结果：否决，不参加排名。',
    );
  });

  it('majority: exactly half is not a veto', () => {
    const p1 = withVetoes([{ v1: true }, { v1: true }, {}, {}], 'majority').packets[0]!;
    expect(p1.vetoed).toBe(false);
    expect(p1.flags).toContain('single-veto');
  });

  it('majority counts the same veto: split ticks do not add up', () => {
    const p1 = withVetoes(
      [{ v1: true }, { v2: true }, { v1: true, v2: false }, {}, { v2: true }],
      'majority',
    ).packets[0]!;
    expect(p1.vetoed).toBe(false);
    expect(p1.vetoes.map((v) => [v.id, v.ticks])).toEqual([
      ['v1', 2],
      ['v2', 2],
    ]);
  });

  it('any: a single tick rules the packet out', () => {
    const p1 = withVetoes([{ v2: true }, {}, {}, {}, {}], 'any').packets.find(
      (p) => p.packetId === 'P1',
    )!;
    expect(p1.vetoed).toBe(true);
    expect(p1.vetoes).toEqual([{ id: 'v2', title: '弄虚作假', ticks: 1, decisive: true }]);
  });

  it('sheets in 回避 do not count towards a veto', () => {
    const result = compileRound({
      round: makeRound(),
      packets: [packet('P1')],
      sheets: [
        sheet('P1', 'e1', 80, { vetoes: { v1: true } }),
        sheet('P1', 'e2', 80, { vetoes: { v1: true }, status: 'conflict' }),
        sheet('P1', 'e3', 80),
      ],
    });
    expect(result.packets[0]!.vetoed).toBe(false);
  });

  it('evaluation: a vetoed packet is 不合格', () => {
    const result = compileRound({
      round: makeRound({ vetoRule: 'any' }, { kind: 'evaluation' }),
      packets: [packet('P1')],
      sheets: [sheet('P1', 'e1', 95, { vetoes: { v1: true } }), sheet('P1', 'e2', 95)],
    });
    expect(result.packets[0]).toMatchObject({ vetoed: true, decision: '不合格', rank: null });
  });
});

describe('deviation flags (偏离)', () => {
  // Rubric max 100, deviationFlag 0.2 → threshold 20 points from the mean of the others.
  it('exactly at the threshold is not flagged; beyond it is', () => {
    const at = compileOne([80, 80, 80, 60]);
    expect(at.sheets[3]!.deviation).toMatchObject({ flagged: false, distance: 20, othersMean: 80 });
    const beyond = compileOne([80, 80, 80, 59.5]);
    expect(beyond.sheets[3]!.deviation).toMatchObject({
      flagged: true,
      distance: 20.5,
      threshold: 20,
      status: 'pending',
    });
    expect(beyond.flags).toContain('deviation-pending');
  });

  it('exact with thirds: mean of others 80.1666… vs 100.1666… is exactly 20 apart', () => {
    // others: 80, 80, 80.5 → 80.1666…; 100.1666… is not on the step, so check both sides.
    const p = compileOne([80, 80, 80.5, 100], { method: 'mean' });
    expect(p.sheets[3]!.deviation.flagged).toBe(false);
    const q = compileOne([80, 80, 79.5, 100], { method: 'mean' });
    expect(q.sheets[3]!.deviation.flagged).toBe(true); // 100 − 79.8333… = 20.1666…
  });

  it('a single sheet is never flagged', () => {
    expect(compileOne([10]).sheets[0]!.deviation).toMatchObject({
      flagged: false,
      othersMean: null,
    });
  });

  it('flags never change the official score', () => {
    expect(compileOne([80, 80, 80, 20], { method: 'mean' }).score).toBe(65);
  });

  it('records how each flag was settled: confirmed with a reason, or revised', () => {
    const round = makeRound({ method: 'mean' });
    const base = sheetsOf('P1', [80, 80, 80]);
    const confirmed = compileRound({
      round,
      packets: [packet('P1')],
      sheets: [...base, sheet('P1', 'e4', 40, { revision: 2 })],
      settlements: [
        { packetId: 'P1', expertId: 'e4', revision: 1, action: 'confirmed', reason: '旧' },
        { packetId: 'P1', expertId: 'e4', revision: 2, action: 'confirmed', reason: '材料不实' },
      ],
    }).packets[0]!;
    expect(confirmed.sheets[3]!.deviation).toMatchObject({
      flagged: true,
      status: 'confirmed',
      reason: '材料不实',
    });
    expect(confirmed.flags).not.toContain('deviation-pending');

    const revised = compileRound({
      round,
      packets: [packet('P1')],
      sheets: [...base, sheet('P1', 'e4', 75, { revision: 2 })],
      settlements: [
        { packetId: 'P1', expertId: 'e4', revision: 1, action: 'revised', reason: '看错材料' },
      ],
    }).packets[0]!;
    expect(revised.sheets[3]!.deviation).toMatchObject({
      flagged: false,
      status: 'revised',
      reason: '看错材料',
    });
  });
});

describe('ranking within groups', () => {
  it('equal scores share a rank: 1, 1, 3', () => {
    const result = compileRound(groupInput([80, 90, 90, 70], null));
    expect(result.packets.map((p) => [p.packetId, p.rank, p.tied])).toEqual([
      ['P2', 1, true],
      ['P3', 1, true],
      ['P1', 3, false],
      ['P4', 4, false],
    ]);
  });

  it('ranks at two decimals: 80.005 and 80.01 both show 80.01 and share a rank', () => {
    const result = compileRound({
      round: { ...makeRound({ method: 'mean' }), rubric: fine },
      packets: [packet('P1'), packet('P2')],
      sheets: [
        { ...sheet('P1', 'e1', 0), scores: { c1: 80.01 } },
        { ...sheet('P1', 'e2', 0), scores: { c1: 80 } },
        { ...sheet('P2', 'e1', 0), scores: { c1: 80.01 } },
      ],
    });
    expect(result.packets.map((p) => [p.packetId, p.score, p.rank])).toEqual([
      ['P1', 80.01, 1],
      ['P2', 80.01, 1],
    ]);
  });

  it('ranks groups separately and orders by group, quota groups first', () => {
    const result = compileRound({
      round: makeRound({}, { quotas: [{ group: 'B', count: 1, reserve: 0 }] }),
      packets: [packet('P1', 'A'), packet('P2', 'B'), packet('P3', 'A'), packet('P4', 'B')],
      sheets: [
        ...sheetsOf('P1', [70]),
        ...sheetsOf('P2', [60]),
        ...sheetsOf('P3', [80]),
        ...sheetsOf('P4', [65]),
      ],
    });
    expect(result.packets.map((p) => [p.group, p.packetId, p.rank])).toEqual([
      ['B', 'P4', 1],
      ['B', 'P2', 2],
      ['A', 'P3', 1],
      ['A', 'P1', 2],
    ]);
    expect(result.groups.map((g) => [g.group, g.packetIds])).toEqual([
      ['B', ['P4', 'P2']],
      ['A', ['P3', 'P1']],
    ]);
  });

  it('tie-break criteria in the order listed: higher mean on the first wins, then the next', () => {
    // All three total 80; c1/c2 split differs.
    const packets = [packet('P1'), packet('P2'), packet('P3')];
    const sheets = [
      sheet('P1', 'e1', 80, { c1: 40 }),
      sheet('P2', 'e1', 80, { c1: 45 }),
      sheet('P3', 'e1', 80, { c1: 40 }),
    ];
    const byC1 = compileRound({ round: makeRound({ tieBreak: ['c1'] }), packets, sheets });
    expect(byC1.packets.map((p) => [p.packetId, p.rank])).toEqual([
      ['P2', 1],
      ['P1', 2],
      ['P3', 2],
    ]);
    const byC2 = compileRound({ round: makeRound({ tieBreak: ['c2', 'c1'] }), packets, sheets });
    expect(byC2.packets.map((p) => [p.packetId, p.rank])).toEqual([
      ['P1', 1],
      ['P3', 1],
      ['P2', 3],
    ]);
  });
});

describe('遴选 decisions with quotas', () => {
  it('入选 for the top count, 备选 for the next reserve, 不入选 for the rest', () => {
    const result = compileRound(groupInput([90, 80, 70, 60, 50], { count: 2, reserve: 1 }));
    expect(summary(result)).toEqual([
      ['P1', 1, '入选'],
      ['P2', 2, '入选'],
      ['P3', 3, '备选'],
      ['P4', 4, '不入选'],
      ['P5', 5, '不入选'],
    ]);
    expect(result.groups[0]!.decisions).toEqual({ 入选: 2, 备选: 1, 不入选: 2 });
    expect(result.flags).toEqual([]);
  });

  it('a tie ending exactly at the line is decided (both inside)', () => {
    const result = compileRound(groupInput([90, 90, 70], { count: 2, reserve: 1 }));
    expect(summary(result)).toEqual([
      ['P1', 1, '入选'],
      ['P2', 1, '入选'],
      ['P3', 3, '备选'],
    ]);
  });

  it('a tie straddling the count line is left to the chair and flagged', () => {
    const result = compileRound(groupInput([90, 80, 80, 70], { count: 2, reserve: 1 }));
    expect(summary(result)).toEqual([
      ['P1', 1, '入选'],
      ['P2', 2, null],
      ['P3', 2, null],
      ['P4', 4, '不入选'],
    ]);
    const p2 = result.packets[1]!;
    expect(p2.tieAtQuota).toEqual({ lines: ['count'], packetIds: ['P2', 'P3'] });
    expect(p2.flags).toContain('tie-at-quota');
    expect(result.flags.filter((f) => f.code === 'tie-at-quota')).toEqual([
      expect.objectContaining({ packetIds: ['P2', 'P3'], group: 'G' }),
    ]);
    expect(explain(p2)).toContain('与 P3 同分并列，跨越名额线，待专家组组长决定。');
  });

  it('a tie straddling the reserve line is left to the chair', () => {
    const result = compileRound(groupInput([90, 80, 70, 70, 60], { count: 2, reserve: 1 }));
    expect(summary(result)).toEqual([
      ['P1', 1, '入选'],
      ['P2', 2, '入选'],
      ['P3', 3, null],
      ['P4', 3, null],
      ['P5', 5, '不入选'],
    ]);
    expect(result.packets[2]!.tieAtQuota?.lines).toEqual(['reserve']);
  });

  it('a tie can straddle both lines', () => {
    const result = compileRound(groupInput([90, 80, 80, 80], { count: 2, reserve: 1 }));
    expect(result.packets[1]!.tieAtQuota?.lines).toEqual(['count', 'reserve']);
  });

  it('no reserve: the packets after count are 不入选', () => {
    const result = compileRound(groupInput([90, 80, 70], { count: 1 }));
    expect(summary(result).map((r) => r[2])).toEqual(['入选', '不入选', '不入选']);
  });

  it('the chair decides a straddling tie, with a reason; incomplete decisions stay flagged', () => {
    const decisions: ChairDecision[] = [
      { packetId: 'P2', decision: '入选', reason: '现场核查得分更高' },
      { packetId: 'P3', decision: '备选', reason: '现场核查得分较低' },
      { packetId: 'P1', decision: '不入选', reason: '没有并列' },
    ];
    const result = compileRound(
      groupInput([90, 80, 80, 70], { count: 2, reserve: 1 }, { chairDecisions: decisions }),
    );
    expect(summary(result)).toEqual([
      ['P1', 1, '入选'],
      ['P2', 2, '入选'],
      ['P3', 2, '备选'],
      ['P4', 4, '不入选'],
    ]);
    expect(result.packets[1]).toMatchObject({
      decisionSource: 'chair',
      chairDecision: { decision: '入选', reason: '现场核查得分更高' },
    });
    expect(result.flags.map((f) => [f.code, f.packetIds])).toEqual([
      ['chair-decision-ignored', ['P1']],
    ]);
    expect(explain(result.packets[1]!)).toContain(
      '由专家组组长决定：入选（理由：现场核查得分更高）',
    );

    const partial = compileRound(
      groupInput(
        [90, 80, 80, 70],
        { count: 2, reserve: 1 },
        {
          chairDecisions: [decisions[0]!, { packetId: 'P3', decision: '备选', reason: '  ' }],
        },
      ),
    );
    expect(summary(partial)[2]).toEqual(['P3', 2, null]);
    expect(partial.flags.map((f) => f.code)).toEqual(['tie-at-quota', 'chair-decision-ignored']);
  });

  it('flags a chair decision that exceeds the quota', () => {
    const result = compileRound(
      groupInput(
        [90, 80, 80],
        { count: 2 },
        {
          chairDecisions: [
            { packetId: 'P2', decision: '入选', reason: '同等优秀' },
            { packetId: 'P3', decision: '入选', reason: '同等优秀' },
          ],
        },
      ),
    );
    expect(result.flags.map((f) => f.code)).toEqual(['quota-exceeded']);
  });

  it('a group without a quota gets ranks but no decisions', () => {
    const result = compileRound(groupInput([90, 80], null));
    expect(summary(result)).toEqual([
      ['P1', 1, null],
      ['P2', 2, null],
    ]);
    expect(result.flags.map((f) => f.code)).toEqual(['no-quota']);
  });
});

describe('评估 decisions', () => {
  const evaluate = (score: number) =>
    compileRound(groupInput([score], null, {}, { kind: 'evaluation' })).packets[0]!;

  it('grade from the highest band whose min ≤ score; 不合格 below the pass line', () => {
    expect(evaluate(95).decision).toBe('优秀');
    expect(evaluate(90).decision).toBe('优秀');
    expect(evaluate(89.5).decision).toBe('良好');
    expect(evaluate(80).decision).toBe('良好');
    expect(evaluate(60).decision).toBe('合格');
    expect(evaluate(59.5).decision).toBe('不合格');
  });

  it('compares the two-decimal score: 89.995 rounds to 90.00 and is 优秀', () => {
    // mean of 90, 90, 90, 89.98 = 89.995 → 90.00 (a 0.01-step rubric).
    const result = compileRound({
      round: { ...makeRound({ method: 'mean' }), kind: 'evaluation', rubric: fine },
      packets: [packet('P1')],
      sheets: [90, 90, 90, 89.98].map((c1, i) => ({
        ...sheet('P1', `e${i + 1}`, 0),
        scores: { c1 },
      })),
    });
    expect(result.packets[0]).toMatchObject({ score: 90, decision: '优秀' });
  });

  it('the pass line wins over a lower band, and 合格 applies without bands', () => {
    const strict = compileRound(
      groupInput([62], null, {}, { kind: 'evaluation', rubric: { ...rubric, passLine: 65 } }),
    );
    expect(strict.packets[0]!.decision).toBe('不合格');
    const plain = compileRound(
      groupInput([70], null, {}, { kind: 'evaluation', rubric: { ...rubric, bands: [] } }),
    );
    expect(plain.packets[0]!.decision).toBe('合格');
  });
});

describe('explain', () => {
  it('reads like a secretary would say it', () => {
    const p = compileOne([92, 85, 86, 85.5, 61, 88, 86.5]);
    expect(explain(p)).toBe(
      '7 份有效评分，去掉最高分 92 和最低分 61 后，其余 5 份平均 86.20 分。在“G”组排名第 1。',
    );
    expect(explain(compileOne([80, 70], { method: 'mean' }))).toBe(
      '2 份有效评分，平均 75.00 分。在“G”组排名第 1。',
    );
  });
});

describe('leniency view', () => {
  it('standardises each expert against their own mean and spread', () => {
    const result = compileRound({
      round: makeRound({ method: 'mean' }),
      packets: [packet('P1'), packet('P2')],
      sheets: [...sheetsOf('P1', [80, 70, 60]), ...sheetsOf('P2', [90, 70, 50])],
    });
    const view = leniencyView(result);
    expect(view.map((e) => [e.expertId, e.count, e.mean, e.sd, e.meanDeviationFromPanel])).toEqual([
      ['e1', 2, 85, 5, 22.5],
      ['e2', 2, 70, 0, 0],
      ['e3', 2, 55, 5, -22.5],
    ]);
    expect(view[0]!.sheets).toEqual([
      { packetId: 'P1', points: 80, z: -1, deviationFromPanel: 15 },
      { packetId: 'P2', points: 90, z: 1, deviationFromPanel: 30 },
    ]);
    expect(view[1]!.sheets[0]!.z).toBeNull();
  });
});

describe('properties', () => {
  // Points on the 0.5 step between 0 and 100, as a sheet can hold them.
  const points = fc.integer({ min: 0, max: 200 }).map((h) => h / 2);
  const method = fc.constantFrom<Aggregation['method']>('mean', 'trimmed-mean', 'median');

  it('the score lies between the lowest and the highest sheet', () => {
    fc.assert(
      fc.property(fc.array(points, { minLength: 1, maxLength: 12 }), method, (list, m) => {
        const p = compileOne(list, { method: m });
        expect(p.score!).toBeGreaterThanOrEqual(Math.min(...list));
        expect(p.score!).toBeLessThanOrEqual(Math.max(...list));
      }),
    );
  });

  it('a trimmed mean of identical sheets is that value', () => {
    fc.assert(
      fc.property(points, fc.integer({ min: 1, max: 15 }), (value, n) => {
        const p = compileOne(Array.from({ length: n }, () => value));
        expect(p.score).toBe(value);
      }),
    );
  });

  it('permuting the sheets changes nothing', () => {
    const packetIds = ['P1', 'P2', 'P3', 'P4'];
    const sheetArb = fc.record({
      packet: fc.integer({ min: 0, max: 3 }),
      points,
      status: fc.constantFrom('submitted', 'submitted', 'submitted', 'conflict', 'draft'),
      v1: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 7 }), sheetArb), {
          selector: ([expert, s]) => `${expert}/${s.packet}`,
          maxLength: 28,
        }),
        method,
        fc.constantFrom<'majority' | 'any'>('majority', 'any'),
        fc.integer({ min: 0, max: 4 }),
        (entries, m, vetoRule, seed) => {
          const sheets = entries.map(([expert, s]) =>
            sheet(packetIds[s.packet]!, `e${expert}`, s.points, {
              status: s.status,
              vetoes: { v1: s.v1 },
            }),
          );
          const input: CompileInput = {
            round: makeRound(
              { method: m, vetoRule },
              { quotas: [{ group: 'G', count: 1, reserve: 1 }] },
            ),
            packets: packetIds.map((id) => packet(id)),
            sheets,
          };
          const shuffled = [...sheets].sort(
            (a, b) =>
              ((a.expertId.charCodeAt(1) * 31 + a.packetId.charCodeAt(1) * seed) % 7) -
              ((b.expertId.charCodeAt(1) * 31 + b.packetId.charCodeAt(1) * seed) % 7),
          );
          expect(compileRound({ ...input, sheets: shuffled })).toEqual(compileRound(input));
          expect(compileRound({ ...input, sheets: [...sheets].reverse() })).toEqual(
            compileRound(input),
          );
        },
      ),
    );
  });
});
