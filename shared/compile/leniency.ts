/**
 * Leniency view (宽严度): each expert's points standardised against their own mean and spread,
 * to help the chair see harsh or generous experts. Advisory only: it reads a CompileResult and
 * never feeds back into official scores.
 */
import { round2 } from './decimal';
import type { CompileResult } from './types';

export interface LeniencySheet {
  packetId: string;
  points: number;
  /** (points − expert's mean) / expert's standard deviation, two decimals; null when sd is 0. */
  z: number | null;
  /** points − mean of the other valid sheets on the packet, two decimals; null when alone. */
  deviationFromPanel: number | null;
}

export interface ExpertLeniency {
  expertId: string;
  /** Valid sheets of this expert. */
  count: number;
  /** Mean of the expert's points, two decimals. */
  mean: number;
  /** Population standard deviation of the expert's points, two decimals. */
  sd: number;
  /** Mean of (points − others' mean) over the expert's sheets: > 0 generous, < 0 harsh. */
  meanDeviationFromPanel: number | null;
  sheets: LeniencySheet[];
}

export function leniencyView(result: CompileResult): ExpertLeniency[] {
  const byExpert = new Map<string, { packetId: string; points: number; others: number | null }[]>();
  for (const packet of result.packets) {
    for (const sheet of packet.sheets) {
      const list = byExpert.get(sheet.expertId) ?? [];
      list.push({
        packetId: packet.packetId,
        points: sheet.points,
        others: sheet.deviation.othersMean,
      });
      byExpert.set(sheet.expertId, list);
    }
  }
  return [...byExpert.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([expertId, list]) => {
      const count = list.length;
      const mean = list.reduce((sum, s) => sum + s.points, 0) / count;
      const variance = list.reduce((sum, s) => sum + (s.points - mean) ** 2, 0) / count;
      const sd = Math.sqrt(variance);
      const deviations = list
        .filter((s) => s.others !== null)
        .map((s) => s.points - (s.others ?? 0));
      // sd below a millionth of a point is rounding noise: every sheet had the same points.
      const spread = sd > 1e-6 ? sd : 0;
      return {
        expertId,
        count,
        mean: round2(mean),
        sd: round2(spread),
        meanDeviationFromPanel:
          deviations.length > 0
            ? round2(deviations.reduce((a, b) => a + b, 0) / deviations.length)
            : null,
        sheets: list
          .map((s) => ({
            packetId: s.packetId,
            points: s.points,
            z: spread === 0 ? null : round2((s.points - mean) / spread),
            deviationFromPanel: s.others === null ? null : round2(s.points - s.others),
          }))
          .sort((a, b) => (a.packetId < b.packetId ? -1 : a.packetId > b.packetId ? 1 : 0)),
      };
    });
}
