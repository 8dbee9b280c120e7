export { aggregatePoints, sortEntries, type AggregateOutcome, type PointsEntry } from './aggregate';
export { compileRound, DECISION } from './compile';
export {
  compareFractions,
  divideRoundHalfAway,
  formatHundredths,
  formatPoints,
  MICRO,
  round2,
  toHundredths,
  toMicro,
  type Fraction,
} from './decimal';
export { explain } from './explain';
export { sheetsFromScoreFiles } from './fromScoreFiles';
export { leniencyView, type ExpertLeniency, type LeniencySheet } from './leniency';
export * from './types';
export {
  ADVANCED_CITY_GROUP,
  cityRanking,
  isCityAssessment,
  type CityRanking,
  type CityRankingPacket,
  type CityRankingRound,
  type CityStanding,
} from './cityRanking';
export { competitionRanks, placeAgainstQuota, type QuotaPlace } from './quotaLine';
export {
  OPINION_MAX_LENGTH,
  opinionRequired,
  publicConclusion,
  recommendationText,
} from './recommendation';
