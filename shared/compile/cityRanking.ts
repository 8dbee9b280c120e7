/**
 * 综合评估 of 市(州) (docs/compile-rules.md, "City ranking"): points per city from the compiled
 * packet scores, competition ranking across the 21 市(州), and 先进市(州) named by the quota of the
 * reserved group `先进市(州)`. Pure; reads only what compileRound produced, so the app, the CLI and
 * the workbook verifier all get the same ranking.
 */
import { SICHUAN_CITIES } from '../model/cities';
import type { Quota, RoundKind } from '../model/roundPackage';
import { divideRoundHalfAway } from './decimal';
import { competitionRanks, placeAgainstQuota } from './quotaLine';
import type { CompileResult } from './types';

/** The quota group that names how many 先进市(州) a 综合评估 round names (its `count`). */
export const ADVANCED_CITY_GROUP = '先进市(州)';

export interface CityRankingRound {
  kind: RoundKind;
  quotas: readonly Quota[];
}

export interface CityRankingPacket {
  id: string;
  applicant: { city: string };
}

export interface CityStanding {
  city: string;
  /** Packets of this city in the round. */
  packets: number;
  /** Of these, the ones that count: scored and not vetoed. */
  counted: number;
  /** Mean of the counted packets' two-decimal scores, two decimals; null when none counts. */
  score: number | null;
  rank: number | null;
  tied: boolean;
  /** true: 先进市(州); false: not; null: a tie straddles the quota line (the department decides). */
  advanced: boolean | null;
}

export interface CityRanking {
  /** How many 先进市(州) the round names. */
  quota: number;
  /** Ranked cities by rank (then the provincial order), then cities without a score. */
  cities: CityStanding[];
}

/** A round is a 综合评估 of 市(州) when it is an evaluation round with a 先进市(州) quota. */
export function isCityAssessment(round: CityRankingRound): boolean {
  return round.kind === 'evaluation' && round.quotas.some((q) => q.group === ADVANCED_CITY_GROUP);
}

const cityOrder = (city: string) => {
  const i = (SICHUAN_CITIES as readonly string[]).indexOf(city);
  return i === -1 ? SICHUAN_CITIES.length : i;
};
const byCity = (a: string, b: string) =>
  cityOrder(a) - cityOrder(b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The city ranking of a 综合评估 round, or null for any other round. Every one of the 21 市(州) is
 * listed (cities without packets as 未参评), plus any other city a packet names; packets without a
 * city are not counted. When the packets are the cities (one per city, the usual 综合评估), a
 * city's points are its packet's score; with several packets per city, their mean.
 */
export function cityRanking(input: {
  round: CityRankingRound;
  packets: readonly CityRankingPacket[];
  result: CompileResult;
}): CityRanking | null {
  if (!isCityAssessment(input.round)) return null;
  const quota = input.round.quotas.find((q) => q.group === ADVANCED_CITY_GROUP)!.count;
  const cityOf = new Map(input.packets.map((p) => [p.id, p.applicant.city.trim()]));
  const tally = new Map<string, { packets: number; hundredths: number[] }>();
  for (const city of SICHUAN_CITIES) tally.set(city, { packets: 0, hundredths: [] });
  for (const packet of input.result.packets) {
    const city = cityOf.get(packet.packetId) ?? '';
    if (city === '') continue;
    const entry = tally.get(city) ?? { packets: 0, hundredths: [] };
    entry.packets += 1;
    if (!packet.vetoed && packet.score !== null) {
      entry.hundredths.push(Math.round(packet.score * 100));
    }
    tally.set(city, entry);
  }

  const standings = [...tally.entries()].map(([city, t]) => {
    const hundredths =
      t.hundredths.length === 0
        ? null
        : divideRoundHalfAway(
            t.hundredths.reduce((a, b) => a + b, 0),
            t.hundredths.length,
          );
    return { city, packets: t.packets, counted: t.hundredths.length, hundredths };
  });
  const ranked = standings
    .filter((s) => s.hundredths !== null)
    .sort((a, b) => b.hundredths! - a.hundredths! || byCity(a.city, b.city));
  const unranked = standings
    .filter((s) => s.hundredths === null)
    .sort((a, b) => byCity(a.city, b.city));
  const ranks = competitionRanks(ranked, (a, b) => a.hundredths === b.hundredths);

  const cities: CityStanding[] = ranked.map((s, i) => {
    const rank = ranks[i]!;
    const size = ranks.filter((r) => r === rank).length;
    const place = placeAgainstQuota(rank, size, { count: quota, reserve: 0 });
    return {
      city: s.city,
      packets: s.packets,
      counted: s.counted,
      score: s.hundredths! / 100,
      rank,
      tied: size > 1,
      advanced: place.kind === 'straddles' ? null : place.place === 'count',
    };
  });
  for (const s of unranked) {
    cities.push({
      city: s.city,
      packets: s.packets,
      counted: 0,
      score: null,
      rank: null,
      tied: false,
      advanced: false,
    });
  }
  return { quota, cities };
}
