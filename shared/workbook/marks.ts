/**
 * The 结果汇总 columns that are words rather than numbers: 结论 and 标记 (veto, deviation and tie
 * flags in Chinese). Derived from the payload only, so verification can re-derive them.
 */
import { formatPoints } from '../compile/decimal';
import { recommendationText } from '../compile/recommendation';
import { RESULT_FORMAT_V2, type ResultFormat } from './format';
import type { PacketOutcome, ResultPayload, SheetRecord } from './payload';

export const PENDING_CHAIR = '待组长决定';

/**
 * 结论 as the sheet shows it: from @3 the decision worded as the panel's recommendation
 * (建议入选 …); @2 showed the decision code itself.
 */
export function conclusion(outcome: PacketOutcome, format: ResultFormat): string | null {
  if (outcome.decision !== null) {
    return format === RESULT_FORMAT_V2 ? outcome.decision : recommendationText(outcome.decision);
  }
  return outcome.tieAtQuota ? PENDING_CHAIR : null;
}

export interface MarkContext {
  vetoTitles: ReadonlyMap<string, string>;
  expertNames: ReadonlyMap<string, string>;
}

export function markContext(payload: ResultPayload): MarkContext {
  return {
    vetoTitles: new Map(payload.round.vetoes.map((v) => [v.id, v.title])),
    expertNames: new Map(payload.experts.map((e) => [e.id, e.name])),
  };
}

const LINE_LABEL = { count: '入选', reserve: '备选' } as const;

/** 标记 of one packet: every flag a reader should notice, joined with '；'. */
export function marks(
  outcome: PacketOutcome,
  sheets: readonly SheetRecord[],
  context: MarkContext,
): string {
  const out: string[] = [];
  for (const veto of outcome.vetoes) {
    const title = context.vetoTitles.get(veto.id) ?? veto.id;
    const votes = `${veto.ticks}/${outcome.n} 票`;
    out.push(
      veto.decisive ? `否决：${title}（${votes}）` : `否决项未达否决条件：${title}（${votes}）`,
    );
  }
  for (const sheet of sheets) {
    const status = sheet.deviation.status;
    if (status === null) continue;
    const name = context.expertNames.get(sheet.expertId) ?? sheet.expertId;
    if (status === 'pending') out.push(`偏离待复核：${name}（${formatPoints(sheet.points)} 分）`);
    if (status === 'confirmed') out.push(`偏离已确认：${name}`);
    if (status === 'revised') out.push(`偏离已修订：${name}`);
  }
  if (outcome.flags.includes('no-valid-sheets')) out.push('无有效评分');
  if (outcome.tieAtQuota) {
    const others = outcome.tieAtQuota.packetIds.filter((id) => id !== outcome.packetId);
    const lines = outcome.tieAtQuota.lines.map((l) => LINE_LABEL[l]).join('、');
    const chair = outcome.chairDecision
      ? `组长决定：${outcome.chairDecision.decision}（理由：${outcome.chairDecision.reason}）`
      : PENDING_CHAIR;
    out.push(`并列第 ${outcome.rank} 名，与 ${others.join('、')} 跨${lines}名额线，${chair}`);
  } else if (outcome.tied && outcome.rank !== null) {
    out.push(`并列第 ${outcome.rank} 名`);
  }
  if (outcome.flags.includes('no-quota')) out.push('未设名额');
  return out.join('；');
}
