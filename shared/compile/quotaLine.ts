/**
 * Where a block of packets sharing one rank falls against a quota (docs/compile-rules.md rule 8),
 * and competition ranking (1, 1, 3). Shared by 遴选 decisions (compileRound) and the naming of
 * 先进市(州) (cityRanking), so both read a quota line the same way.
 */
import type { TieLine } from './types';

export interface QuotaLines {
  count: number;
  reserve: number;
}

export type QuotaPlace =
  { kind: 'inside'; place: 'count' | 'reserve' | 'out' } | { kind: 'straddles'; lines: TieLine[] };

/**
 * A block of `size` items sharing rank `first` occupies positions first … first + size − 1.
 * Inside: every position is on the same side of each line (a block that ends exactly at a line
 * is inside it). Straddles: some positions inside, some outside the `count` or `count + reserve`
 * line, so the rule cannot decide.
 */
export function placeAgainstQuota(first: number, size: number, quota: QuotaLines): QuotaPlace {
  const last = first + size - 1;
  const countLine = quota.count;
  const reserveLine = quota.count + quota.reserve;
  const lines: TieLine[] = [];
  if (first <= countLine && last > countLine) lines.push('count');
  if (quota.reserve > 0 && first <= reserveLine && last > reserveLine) lines.push('reserve');
  if (lines.length > 0) return { kind: 'straddles', lines };
  return {
    kind: 'inside',
    place: first <= countLine ? 'count' : first <= reserveLine ? 'reserve' : 'out',
  };
}

/**
 * Competition ranks of items already sorted best first: an item equal to the one before it (by
 * `same`) shares its rank; the next different item's rank is its position (1, 1, 3).
 */
export function competitionRanks<T>(sorted: readonly T[], same: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  sorted.forEach((item, i) => {
    const previous = sorted[i - 1];
    ranks.push(previous !== undefined && same(previous, item) ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}
