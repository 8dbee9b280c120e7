import type { Aggregation, Packet, Quota, Round } from '../model/roundPackage';
import type { VetoRule } from '../model/rubric';

/** The part of a round that compiling reads. A whole `Round` fits. */
export type CompileRound = Pick<Round, 'kind' | 'rubric' | 'aggregation' | 'quotas'> & {
  experts?: Round['experts'];
};

/** The part of a packet that compiling reads. A whole `Packet` fits. */
export type CompilePacket = Pick<Packet, 'id' | 'group'> & Partial<Pick<Packet, 'title'>>;

/**
 * One expert's sheet for one packet, as stored or as read from a score file. Only `submitted`
 * sheets count; `conflict` is a 回避 declaration; anything else (draft, returned …) is not yet
 * a score.
 */
export interface CompileSheet {
  packetId: string;
  expertId: string;
  status: string;
  scores: Readonly<Record<string, number>>;
  vetoes: Readonly<Record<string, boolean>>;
  vetoReasons?: Readonly<Record<string, string>>;
  comment?: string;
  /** The 回避 reason on a `conflict` sheet. */
  conflictReason?: string;
  revision: number;
}

/** A 回避 declared on the panel (besides a sheet with status `conflict`). */
export interface ConflictDeclaration {
  packetId: string;
  expertId: string;
  reason?: string;
}

export const SELECTION_DECISIONS = ['入选', '备选', '不入选'] as const;
export type SelectionDecision = (typeof SELECTION_DECISIONS)[number];

/** The chair's decision for a packet whose tie straddles a quota line (并列跨线). */
export interface ChairDecision {
  packetId: string;
  decision: SelectionDecision;
  reason: string;
}

/**
 * How a deviation flag (偏离) on one sheet was settled in 复核: the expert confirmed the points of
 * `revision` with a reason, or revised the sheet (a later revision replaces it).
 */
export interface DeviationSettlement {
  packetId: string;
  expertId: string;
  /** The revision that was flagged. */
  revision: number;
  action: 'confirmed' | 'revised';
  reason: string;
}

export interface CompileInput {
  round: CompileRound;
  packets: readonly CompilePacket[];
  sheets: readonly CompileSheet[];
  conflicts?: readonly ConflictDeclaration[];
  chairDecisions?: readonly ChairDecision[];
  settlements?: readonly DeviationSettlement[];
}

export type AggregationMethod = Aggregation['method'];

export type TrimmedAs = 'highest' | 'lowest';

export type DeviationStatus = 'pending' | 'confirmed' | 'revised';

export interface SheetDeviation {
  /** |points − mean of the other valid sheets| > deviationFlag × rubric maximum. */
  flagged: boolean;
  /** Mean of the other valid sheets, two decimals (null when the sheet is the only one). */
  othersMean: number | null;
  /** |points − othersMean|, two decimals. */
  distance: number | null;
  /** deviationFlag × rubric maximum. */
  threshold: number;
  /** For flagged sheets and sheets revised after a flag; null otherwise. */
  status: DeviationStatus | null;
  reason: string | null;
}

export interface SheetResult {
  expertId: string;
  revision: number;
  points: number;
  scores: Readonly<Record<string, number>>;
  /** Rubric vetoes this sheet ticked. */
  vetoes: string[];
  /** Set when this sheet was dropped by the trimmed mean (去掉最高分/最低分). */
  trimmed: TrimmedAs | null;
  deviation: SheetDeviation;
}

export interface ExcludedSheet {
  expertId: string;
  reason: 'conflict' | 'not-submitted';
  /** The 回避 reason, when known. */
  detail: string;
}

export interface VetoTally {
  id: string;
  title: string;
  /** Valid sheets that ticked this veto. */
  ticks: number;
  /** Whether this veto, under its rule, rules the packet out. */
  decisive: boolean;
  /**
   * The veto's own rule, when the rubric gives it one (absent: the round's vetoRule). Left out
   * otherwise, so results of rounds without per-veto rules keep their digest.
   */
  rule?: VetoRule;
}

export type TieLine = 'count' | 'reserve';

export interface TieAtQuota {
  /** The quota line the tie straddles: after `count` (入选) or after `count + reserve` (备选). */
  lines: TieLine[];
  /** Every packet sharing the rank, this one included, by id. */
  packetIds: string[];
}

export type PacketFlagCode =
  'no-valid-sheets' | 'vetoed' | 'single-veto' | 'deviation-pending' | 'tie-at-quota' | 'no-quota';

export interface PacketResult {
  packetId: string;
  title: string;
  group: string;
  /** Valid sheets: submitted, expert not in 回避. */
  n: number;
  /** Valid sheets, by expert id. */
  sheets: SheetResult[];
  /** Sheets that do not count, by expert id. */
  excluded: ExcludedSheet[];
  configuredMethod: AggregationMethod;
  /** The method actually applied (trimmed-mean falls back to mean below trimWhenAtLeast). */
  method: AggregationMethod | null;
  trimWhenAtLeast: number;
  /** Two decimals, rounded half away from zero; null without valid sheets. */
  score: number | null;
  /** The same, as shown: '85.50'. */
  scoreText: string | null;
  /** Mean of each criterion over the valid sheets, two decimals. */
  criterionMeans: Record<string, number>;
  vetoRule: Aggregation['vetoRule'];
  vetoed: boolean;
  /** Every rubric veto ticked on at least one valid sheet, in rubric order. */
  vetoes: VetoTally[];
  /** Rank within the group (并列 share a rank); null when vetoed or without valid sheets. */
  rank: number | null;
  /** True when another packet shares this rank. */
  tied: boolean;
  /** 入选/备选/不入选/否决 (遴选) or a band label/不合格 (评估); null when the chair must decide. */
  decision: string | null;
  decisionSource: 'rule' | 'veto' | 'chair' | null;
  chairDecision: { decision: SelectionDecision; reason: string } | null;
  tieAtQuota: TieAtQuota | null;
  flags: PacketFlagCode[];
}

export interface GroupResult {
  group: string;
  quota: Quota | null;
  /** The group's packets in result order: ranked, then without valid sheets, then vetoed. */
  packetIds: string[];
  /** How many packets got each decision ('' counts undecided). */
  decisions: Record<string, number>;
}

export type CompileFlagCode =
  | PacketFlagCode
  | 'quota-exceeded'
  | 'chair-decision-ignored'
  | 'unknown-packet'
  | 'unknown-expert'
  | 'duplicate-sheet';

export interface CompileFlag {
  code: CompileFlagCode;
  packetIds: string[];
  group: string | null;
  /** Chinese, for the secretariat. */
  message: string;
}

export interface CompileResult {
  /** Ordered by group (quota order, then first appearance), then result order inside the group. */
  packets: PacketResult[];
  groups: GroupResult[];
  flags: CompileFlag[];
}
