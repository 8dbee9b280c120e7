import type { Aggregation } from '../model/roundPackage';
import type { Fraction } from './decimal';
import type { AggregationMethod } from './types';

/** One valid sheet's points in micro-points (see decimal.ts), with whose sheet it is. */
export interface PointsEntry {
  expertId: string;
  micro: number;
}

export interface AggregateOutcome {
  /** The method actually applied. */
  method: AggregationMethod;
  /** The aggregate as an exact fraction of micro-points. */
  value: Fraction;
  /** Expert ids of the sheets dropped by trimming (去掉一个最高分和一个最低分). */
  droppedHighest: string | null;
  droppedLowest: string | null;
}

/**
 * Sheets in a canonical order: points ascending, then expert id. Which of two equal sheets is
 * "the" highest or lowest does not change the score, but naming it must not depend on input order.
 */
export function sortEntries(entries: readonly PointsEntry[]): PointsEntry[] {
  return [...entries].sort(
    (a, b) => a.micro - b.micro || (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0),
  );
}

/**
 * Aggregate valid sheets' points per the round's rule. Returns null without sheets.
 * - mean: sum / n.
 * - trimmed-mean: with n ≥ trimWhenAtLeast, drop one lowest and one highest sheet and take the
 *   mean of the rest; otherwise the plain mean.
 * - median: the middle sheet, or the mean of the two middle sheets when n is even.
 */
export function aggregatePoints(
  entries: readonly PointsEntry[],
  aggregation: Pick<Aggregation, 'method' | 'trimWhenAtLeast'>,
): AggregateOutcome | null {
  const sorted = sortEntries(entries);
  const n = sorted.length;
  if (n === 0) return null;
  const sum = (list: readonly PointsEntry[]) => list.reduce((total, e) => total + e.micro, 0);

  if (aggregation.method === 'median') {
    const upper = sorted[Math.floor(n / 2)]!;
    const value: Fraction =
      n % 2 === 1
        ? { num: upper.micro, den: 1 }
        : { num: sorted[n / 2 - 1]!.micro + upper.micro, den: 2 };
    return { method: 'median', value, droppedHighest: null, droppedLowest: null };
  }
  // trimWhenAtLeast is at least 3 by schema; guard anyway so that something is always left.
  if (aggregation.method === 'trimmed-mean' && n >= Math.max(3, aggregation.trimWhenAtLeast)) {
    const kept = sorted.slice(1, -1);
    return {
      method: 'trimmed-mean',
      value: { num: sum(kept), den: kept.length },
      droppedLowest: sorted[0]!.expertId,
      droppedHighest: sorted[n - 1]!.expertId,
    };
  }
  return {
    method: 'mean',
    value: { num: sum(sorted), den: n },
    droppedHighest: null,
    droppedLowest: null,
  };
}
