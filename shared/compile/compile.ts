/**
 * The compile rules of a round (docs/compile-rules.md): valid sheets → per-packet
 * aggregate, vetoes, deviation flags, rank within group, decision. Pure and deterministic: the
 * app, the CLI and the central system get the same numbers from the same inputs, whatever the
 * order the sheets arrive in.
 */
import type { Quota } from '../model/roundPackage';
import { allCriteria, rubricMax, roundPoints } from '../rubric/points';
import { aggregatePoints, type PointsEntry } from './aggregate';
import { formatHundredths, fromMicro, MICRO, toHundredths, toMicro } from './decimal';
import {
  SELECTION_DECISIONS,
  type ChairDecision,
  type CompileFlag,
  type CompileInput,
  type CompileResult,
  type CompilePacket,
  type CompileSheet,
  type DeviationSettlement,
  type ExcludedSheet,
  type GroupResult,
  type PacketFlagCode,
  type PacketResult,
  type SheetDeviation,
  type SheetResult,
  type VetoTally,
} from './types';
import { competitionRanks, placeAgainstQuota } from './quotaLine';

export const DECISION = {
  selected: '入选',
  reserve: '备选',
  notSelected: '不入选',
  vetoed: '否决',
  fail: '不合格',
  pass: '合格',
} as const;

const key = (packetId: string, expertId: string) => `${packetId}\u0000${expertId}`;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What compiling one packet needs besides its sheets; computed once per round. */
interface Context {
  criteria: ReturnType<typeof allCriteria>;
  thresholdMicro: number;
}

/** Packet-level numbers before ranking; score and criterion means in exact hundredths. */
interface Scored {
  result: PacketResult;
  scoreHundredths: number | null;
  criterionHundredths: Map<string, number>;
}

export function compileRound(input: CompileInput): CompileResult {
  const { round } = input;
  const flags: CompileFlag[] = [];
  const context: Context = {
    criteria: allCriteria(round.rubric),
    thresholdMicro: toMicro(roundPoints(round.aggregation.deviationFlag * rubricMax(round.rubric))),
  };

  const packetIds = new Set(input.packets.map((p) => p.id));
  const expertIds = round.experts ? new Set(round.experts.map((e) => e.id)) : null;

  // One sheet per (packet, expert): the highest revision.
  const sheets = new Map<string, CompileSheet>();
  const duplicates = new Set<string>();
  const unknownPackets = new Set<string>();
  const unknownExperts = new Set<string>();
  for (const sheet of input.sheets) {
    if (!packetIds.has(sheet.packetId)) {
      unknownPackets.add(sheet.packetId);
      continue;
    }
    if (expertIds && !expertIds.has(sheet.expertId)) {
      unknownExperts.add(sheet.expertId);
      continue;
    }
    const k = key(sheet.packetId, sheet.expertId);
    const earlier = sheets.get(k);
    if (earlier) {
      duplicates.add(sheet.packetId);
      if (earlier.revision >= sheet.revision) continue;
    }
    sheets.set(k, sheet);
  }
  if (unknownPackets.size > 0) {
    flags.push({
      code: 'unknown-packet',
      packetIds: [...unknownPackets].sort(byId),
      group: null,
      message: `有评分表对应的申报材料不在本轮评审中，已忽略：${[...unknownPackets].sort(byId).join('、')}`,
    });
  }
  if (unknownExperts.size > 0) {
    flags.push({
      code: 'unknown-expert',
      packetIds: [],
      group: null,
      message: `有评分表来自不在专家名单中的专家，已忽略：${[...unknownExperts].sort(byId).join('、')}`,
    });
  }
  if (duplicates.size > 0) {
    flags.push({
      code: 'duplicate-sheet',
      packetIds: [...duplicates].sort(byId),
      group: null,
      message: '同一专家对同一申报材料有多份评分表，已采用修订号最大的一份',
    });
  }

  const conflicts = new Map<string, string>();
  for (const c of input.conflicts ?? []) conflicts.set(key(c.packetId, c.expertId), c.reason ?? '');
  const settlements = new Map<string, DeviationSettlement[]>();
  for (const s of input.settlements ?? []) {
    const k = key(s.packetId, s.expertId);
    settlements.set(k, [...(settlements.get(k) ?? []), s]);
  }
  const sheetsByPacket = new Map<string, CompileSheet[]>();
  for (const sheet of sheets.values()) {
    sheetsByPacket.set(sheet.packetId, [...(sheetsByPacket.get(sheet.packetId) ?? []), sheet]);
  }

  const scored = input.packets.map((packet) =>
    scorePacket(
      input,
      context,
      packet,
      sheetsByPacket.get(packet.id) ?? [],
      conflicts,
      settlements,
    ),
  );

  // Groups: quota order first, then the order packets first name them.
  const groupOrder: string[] = [];
  for (const quota of round.quotas)
    if (!groupOrder.includes(quota.group)) groupOrder.push(quota.group);
  for (const packet of input.packets) {
    if (!groupOrder.includes(packet.group)) groupOrder.push(packet.group);
  }
  const chairDecisions = new Map<string, ChairDecision>();
  for (const decision of input.chairDecisions ?? [])
    chairDecisions.set(decision.packetId, decision);
  const usedChairDecisions = new Set<string>();

  const packets: PacketResult[] = [];
  const groups: GroupResult[] = [];
  for (const group of groupOrder) {
    const members = scored.filter((s) => s.result.group === group);
    // Quotas of evaluation rounds name no packet group (e.g. 先进市(州), see cityRanking): no empty group.
    if (round.kind !== 'selection' && members.length === 0) continue;
    const quota = round.quotas.find((q) => q.group === group) ?? null;
    const ordered = rankGroup(members, round.aggregation.tieBreak);
    if (round.kind === 'selection') {
      decideSelection(ordered, quota, chairDecisions, usedChairDecisions);
    } else {
      decideEvaluation(ordered, round.rubric);
    }
    const results = ordered.map((s) => s.result);
    packets.push(...results);
    const decisions: Record<string, number> = {};
    for (const r of results) decisions[r.decision ?? ''] = (decisions[r.decision ?? ''] ?? 0) + 1;
    groups.push({ group, quota, packetIds: results.map((r) => r.packetId), decisions });
    flags.push(...groupFlags(group, quota, results, round.kind === 'selection'));
  }

  const ignored = [...chairDecisions.keys()].filter((id) => !usedChairDecisions.has(id)).sort(byId);
  if (ignored.length > 0) {
    flags.push({
      code: 'chair-decision-ignored',
      packetIds: ignored,
      group: null,
      message: `以下组长决定未采用（该申报材料没有跨名额线的并列，或决定、理由无效）：${ignored.join('、')}`,
    });
  }
  return { packets, groups, flags };
}

function scorePacket(
  input: CompileInput,
  context: Context,
  packet: CompilePacket,
  sheets: readonly CompileSheet[],
  conflicts: ReadonlyMap<string, string>,
  settlements: ReadonlyMap<string, DeviationSettlement[]>,
): Scored {
  const { round } = input;
  const { aggregation, rubric } = round;
  const valid: CompileSheet[] = [];
  const excluded: ExcludedSheet[] = [];
  const declared = new Set<string>();
  for (const [k, reason] of conflicts) {
    const [packetId, expertId] = k.split('\u0000') as [string, string];
    if (packetId === packet.id) {
      declared.add(expertId);
      excluded.push({ expertId, reason: 'conflict', detail: reason });
    }
  }
  for (const sheet of sheets) {
    if (declared.has(sheet.expertId)) continue;
    if (sheet.status === 'conflict') {
      excluded.push({
        expertId: sheet.expertId,
        reason: 'conflict',
        detail: sheet.conflictReason ?? '',
      });
    } else if (sheet.status !== 'submitted') {
      excluded.push({ expertId: sheet.expertId, reason: 'not-submitted', detail: sheet.status });
    } else {
      valid.push(sheet);
    }
  }
  valid.sort((a, b) => byId(a.expertId, b.expertId));
  excluded.sort((a, b) => byId(a.expertId, b.expertId));
  const n = valid.length;

  const micro = valid.map((sheet) =>
    context.criteria.reduce((sum, c) => sum + toMicro(sheet.scores[c.id] ?? 0), 0),
  );
  const entries: PointsEntry[] = valid.map((sheet, i) => ({
    expertId: sheet.expertId,
    micro: micro[i]!,
  }));
  const outcome = aggregatePoints(entries, aggregation);
  const scoreHundredths = outcome ? toHundredths(outcome.value) : null;

  const criterionHundredths = new Map<string, number>();
  const criterionMeans: Record<string, number> = {};
  if (n > 0) {
    for (const c of context.criteria) {
      const sum = valid.reduce((total, sheet) => total + toMicro(sheet.scores[c.id] ?? 0), 0);
      const hundredths = toHundredths({ num: sum, den: n });
      criterionHundredths.set(c.id, hundredths);
      criterionMeans[c.id] = hundredths / 100;
    }
  }

  // 否决项: per veto, count the valid sheets that tick it.
  const vetoes: VetoTally[] = [];
  for (const veto of rubric.vetoes) {
    const ticks = valid.filter((sheet) => sheet.vetoes[veto.id] === true).length;
    if (ticks === 0) continue;
    const decisive = (veto.rule ?? aggregation.vetoRule) === 'any' ? ticks >= 1 : ticks * 2 > n;
    vetoes.push({
      id: veto.id,
      title: veto.title,
      ticks,
      decisive,
      ...(veto.rule ? { rule: veto.rule } : {}),
    });
  }
  const vetoed = vetoes.some((v) => v.decisive);

  // 偏离: |x − mean(others)| > t ⇔ |x·(n−1) − (S − x)| > t·(n−1), all in integers.
  const total = micro.reduce((a, b) => a + b, 0);
  const threshold = fromMicro(context.thresholdMicro);
  const sheetResults: SheetResult[] = valid.map((sheet, i) => {
    const x = micro[i]!;
    let deviation: SheetDeviation = {
      flagged: false,
      othersMean: null,
      distance: null,
      threshold,
      status: null,
      reason: null,
    };
    if (n >= 2) {
      const others = total - x;
      const gap = Math.abs(x * (n - 1) - others);
      const flagged = gap > context.thresholdMicro * (n - 1);
      deviation = {
        ...deviation,
        flagged,
        othersMean: toHundredths({ num: others, den: n - 1 }) / 100,
        distance: toHundredths({ num: gap, den: n - 1 }) / 100,
      };
    }
    const recorded = settlements.get(key(packet.id, sheet.expertId)) ?? [];
    if (deviation.flagged) {
      const confirmed = recorded.find(
        (s) => s.action === 'confirmed' && s.revision === sheet.revision,
      );
      deviation.status = confirmed ? 'confirmed' : 'pending';
      deviation.reason = confirmed ? confirmed.reason : null;
    } else {
      const revised = recorded
        .filter((s) => s.action === 'revised' && s.revision < sheet.revision)
        .sort((a, b) => b.revision - a.revision)[0];
      if (revised) {
        deviation.status = 'revised';
        deviation.reason = revised.reason;
      }
    }
    const trimmed =
      outcome?.droppedHighest === sheet.expertId
        ? 'highest'
        : outcome?.droppedLowest === sheet.expertId
          ? 'lowest'
          : null;
    return {
      expertId: sheet.expertId,
      revision: sheet.revision,
      points: fromMicro(x),
      scores: sheet.scores,
      vetoes: rubric.vetoes.filter((v) => sheet.vetoes[v.id] === true).map((v) => v.id),
      trimmed,
      deviation,
    };
  });

  const flags: PacketFlagCode[] = [];
  if (n === 0) flags.push('no-valid-sheets');
  if (vetoed) flags.push('vetoed');
  if (vetoes.some((v) => !v.decisive)) flags.push('single-veto');
  if (sheetResults.some((s) => s.deviation.status === 'pending')) flags.push('deviation-pending');

  return {
    scoreHundredths,
    criterionHundredths,
    result: {
      packetId: packet.id,
      title: packet.title ?? '',
      group: packet.group,
      n,
      sheets: sheetResults,
      excluded,
      configuredMethod: aggregation.method,
      method: outcome?.method ?? null,
      trimWhenAtLeast: aggregation.trimWhenAtLeast,
      score: scoreHundredths === null ? null : scoreHundredths / 100,
      scoreText: scoreHundredths === null ? null : formatHundredths(scoreHundredths),
      criterionMeans,
      vetoRule: aggregation.vetoRule,
      vetoed,
      vetoes,
      rank: null,
      tied: false,
      decision: null,
      decisionSource: null,
      chairDecision: null,
      tieAtQuota: null,
      flags,
    },
  };
}

/**
 * Rank a group: by the two-decimal score descending, then by each tie-break criterion's
 * two-decimal mean descending; packets equal on all of these share a rank (competition ranking
 * 1, 1, 3). Returns the group in result order: ranked, then without valid sheets, then vetoed.
 */
function rankGroup(members: readonly Scored[], tieBreak: readonly string[]): Scored[] {
  const sortKey = (s: Scored) => [
    s.scoreHundredths ?? 0,
    ...tieBreak.map((id) => s.criterionHundredths.get(id) ?? 0),
  ];
  const compareKeys = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return b[i]! - a[i]!;
    return 0;
  };
  const ranked = members
    .filter((s) => !s.result.vetoed && s.scoreHundredths !== null)
    .sort(
      (a, b) => compareKeys(sortKey(a), sortKey(b)) || byId(a.result.packetId, b.result.packetId),
    );
  const ranks = competitionRanks(ranked, (a, b) => compareKeys(sortKey(a), sortKey(b)) === 0);
  ranked.forEach((s, i) => {
    s.result.rank = ranks[i]!;
  });
  for (const s of ranked) {
    s.result.tied = ranked.some((other) => other !== s && other.result.rank === s.result.rank);
  }
  const unscored = members
    .filter((s) => !s.result.vetoed && s.scoreHundredths === null)
    .sort((a, b) => byId(a.result.packetId, b.result.packetId));
  const vetoed = members
    .filter((s) => s.result.vetoed)
    .sort(
      (a, b) =>
        (b.scoreHundredths ?? 0) - (a.scoreHundredths ?? 0) ||
        byId(a.result.packetId, b.result.packetId),
    );
  return [...ranked, ...unscored, ...vetoed];
}

/**
 * 遴选: 入选 for positions 1…count, 备选 for the next `reserve`, 不入选 for the rest. Packets that
 * share a rank occupy the positions rank … rank + size − 1; when that block straddles a quota
 * line the decision is the chair's (null until a ChairDecision with a reason is given).
 */
function decideSelection(
  ordered: readonly Scored[],
  quota: Quota | null,
  chairDecisions: ReadonlyMap<string, ChairDecision>,
  used: Set<string>,
): void {
  for (const { result } of ordered) {
    if (result.vetoed) {
      result.decision = DECISION.vetoed;
      result.decisionSource = 'veto';
      continue;
    }
    if (result.rank === null) continue;
    if (!quota) {
      result.flags.push('no-quota');
      continue;
    }
    const block = ordered.filter((s) => s.result.rank === result.rank).map((s) => s.result);
    const place = placeAgainstQuota(result.rank, block.length, quota);
    if (place.kind === 'inside') {
      result.decision =
        place.place === 'count'
          ? DECISION.selected
          : place.place === 'reserve'
            ? DECISION.reserve
            : DECISION.notSelected;
      result.decisionSource = 'rule';
      continue;
    }
    result.tieAtQuota = { lines: place.lines, packetIds: block.map((r) => r.packetId).sort(byId) };
    const chair = chairDecisions.get(result.packetId);
    if (
      chair &&
      chair.reason.trim() !== '' &&
      (SELECTION_DECISIONS as readonly string[]).includes(chair.decision)
    ) {
      used.add(result.packetId);
      result.decision = chair.decision;
      result.decisionSource = 'chair';
      result.chairDecision = { decision: chair.decision, reason: chair.reason };
    } else {
      result.flags.push('tie-at-quota');
    }
  }
}

/**
 * 评估: vetoed → 不合格; below passLine → 不合格; otherwise the highest band whose min ≤ score,
 * or 合格 when no band applies. Compared at two decimals, exactly.
 */
function decideEvaluation(ordered: readonly Scored[], rubric: CompileInput['round']['rubric']) {
  const atLeast = (hundredths: number, points: number) =>
    hundredths * (MICRO / 100) >= toMicro(points);
  const bands = [...rubric.bands].sort((a, b) => b.min - a.min);
  for (const { result, scoreHundredths } of ordered) {
    if (result.vetoed) {
      result.decision = DECISION.fail;
      result.decisionSource = 'veto';
      continue;
    }
    if (scoreHundredths === null) continue;
    result.decisionSource = 'rule';
    if (!atLeast(scoreHundredths, rubric.passLine)) {
      result.decision = DECISION.fail;
      continue;
    }
    result.decision = bands.find((b) => atLeast(scoreHundredths, b.min))?.label ?? DECISION.pass;
  }
}

function groupFlags(
  group: string,
  quota: Quota | null,
  results: readonly PacketResult[],
  selection: boolean,
): CompileFlag[] {
  const flags: CompileFlag[] = [];
  const label = group || '全部';
  const with_ = (code: PacketFlagCode) =>
    results.filter((r) => r.flags.includes(code)).map((r) => r.packetId);
  const none = with_('no-valid-sheets');
  if (none.length > 0) {
    flags.push({
      code: 'no-valid-sheets',
      packetIds: none,
      group,
      message: `“${label}”组中以下申报材料没有有效评分，无法计算得分：${none.join('、')}`,
    });
  }
  for (const r of results.filter((r) => r.vetoed)) {
    const named = r.vetoes
      .filter((v) => v.decisive)
      .map((v) => `“${v.title}”（${v.ticks}/${r.n}）`)
      .join('、');
    flags.push({
      code: 'vetoed',
      packetIds: [r.packetId],
      group,
      message: `${r.packetId} 因否决项 ${named} 被否决`,
    });
  }
  for (const r of results.filter((r) => r.flags.includes('single-veto'))) {
    const named = r.vetoes
      .filter((v) => !v.decisive)
      .map((v) => `“${v.title}”（${v.ticks}/${r.n}）`)
      .join('、');
    flags.push({
      code: 'single-veto',
      packetIds: [r.packetId],
      group,
      message: `${r.packetId} 有专家勾选否决项 ${named}，未达到否决条件`,
    });
  }
  for (const r of results.filter((r) => r.flags.includes('deviation-pending'))) {
    const experts = r.sheets.filter((s) => s.deviation.status === 'pending').map((s) => s.expertId);
    flags.push({
      code: 'deviation-pending',
      packetIds: [r.packetId],
      group,
      message: `${r.packetId} 有偏离评分待专家复核：${experts.join('、')}`,
    });
  }
  const seenTies = new Set<string>();
  for (const r of results.filter((r) => r.flags.includes('tie-at-quota'))) {
    const ids = r.tieAtQuota!.packetIds;
    if (seenTies.has(ids.join())) continue;
    seenTies.add(ids.join());
    flags.push({
      code: 'tie-at-quota',
      packetIds: ids,
      group,
      message: `“${label}”组 ${ids.join('、')} 并列（${r.scoreText} 分）跨越${r.tieAtQuota!.lines.map((l) => (l === 'count' ? '入选' : '备选')).join('、')}名额线，须由专家组组长决定并记录理由`,
    });
  }
  if (selection && !quota && results.some((r) => r.flags.includes('no-quota'))) {
    flags.push({
      code: 'no-quota',
      packetIds: with_('no-quota'),
      group,
      message: `“${label}”组没有设定名额，无法确定入选结果`,
    });
  }
  if (selection && quota) {
    const selected = results.filter((r) => r.decision === DECISION.selected).length;
    const reserve = results.filter((r) => r.decision === DECISION.reserve).length;
    if (selected > quota.count || reserve > quota.reserve) {
      flags.push({
        code: 'quota-exceeded',
        packetIds: results
          .filter((r) => r.decision === DECISION.selected || r.decision === DECISION.reserve)
          .map((r) => r.packetId),
        group,
        message: `“${label}”组入选 ${selected} 个（名额 ${quota.count}）、备选 ${reserve} 个（名额 ${quota.reserve}），超出名额`,
      });
    }
  }
  return flags;
}
