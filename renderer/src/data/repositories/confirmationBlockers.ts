import { opinionRequired, type CompileResult } from '@shared/compile';

/**
 * What stops the chair from confirming the results, as data: the screen lists each kind with its
 * packets, and the confirmation refuses with the same words.
 */
export type ConfirmationBlocker =
  /** A tie across a quota line the chair has not decided. */
  | { kind: 'tie-at-quota'; packetIds: string[] }
  /** A deviation flag (偏离) the expert has not settled in 复核. */
  | { kind: 'deviation-pending'; packetIds: string[] }
  /** 入选 or vetoed packets without 专家组意见. */
  | { kind: 'opinion-missing'; packetIds: string[] };

export function confirmationBlockers(
  result: CompileResult,
  opinionPacketIds: ReadonlySet<string>,
): ConfirmationBlocker[] {
  const blockers: ConfirmationBlocker[] = [];
  const ids = (packets: CompileResult['packets']) => packets.map((p) => p.packetId);
  const ties = result.packets.filter((p) => p.tieAtQuota && p.decision === null);
  if (ties.length > 0) blockers.push({ kind: 'tie-at-quota', packetIds: ids(ties) });
  const pending = result.packets.filter((p) => p.flags.includes('deviation-pending'));
  if (pending.length > 0) blockers.push({ kind: 'deviation-pending', packetIds: ids(pending) });
  const missing = result.packets.filter(
    (p) => opinionRequired(p) && !opinionPacketIds.has(p.packetId),
  );
  if (missing.length > 0) blockers.push({ kind: 'opinion-missing', packetIds: ids(missing) });
  return blockers;
}

/** A blocker in words: what is open, where, and who settles it. */
export function blockerText(blocker: ConfirmationBlocker): string {
  const list = blocker.packetIds.join('、');
  switch (blocker.kind) {
    case 'tie-at-quota':
      return `并列跨名额线待组长决定：${list}`;
    case 'deviation-pending':
      return `偏离提示待专家复核：${list}`;
    case 'opinion-missing':
      return `建议入选或取消资格的项目须有专家组意见，请组长在“评审文书 › 专家组意见”中填写：${list}`;
  }
}
