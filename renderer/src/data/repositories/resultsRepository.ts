import {
  compileRound,
  leniencyView,
  round2,
  SELECTION_DECISIONS,
  type CompileInput,
  type CompileResult,
  type DeviationStatus,
  type ExpertLeniency,
  type SelectionDecision,
} from '@shared/compile';
import { confirmedDigest } from '@shared/compile/resultDigest';
import type { Rubric } from '@shared/model/rubric';
import type { Quota, RoundKind } from '@shared/model/roundPackage';
import { allCriteria } from '@shared/rubric/points';
import type { ReviewDeskDb } from '../db';
import type {
  AssignmentRow,
  ChairDecisionRow,
  ConfirmationRow,
  ConflictRow,
  DissentRow,
  ExpertRow,
  PacketRow,
  RoundRow,
  SettlementRow,
  SheetRow,
} from '../rows';
import { actorLabel, requireExpert, requireSecretariat, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import { assertChairIn, requireChairSession } from './chairGuard';
import {
  blockerText,
  confirmationBlockers,
  type ConfirmationBlocker,
} from './confirmationBlockers';
import { sheetKey } from './keys';
import { assertResultsOpen, latestConfirmation } from './resultsLock';

/**
 * Results of a round: the stored sheets, 回避, the chair's tie decisions and the
 * experts' 复核 settlements go through shared/compile's compileRound, the same code the CLI and
 * the central system run. Screens show what this returns; they never compute a score.
 */

export class ResultsError extends Error {
  override name = 'ResultsError';
}

const decisionKey = (roundId: string, packetId: string) => `${roundId}:${packetId}`;
const settlementKey = (roundId: string, packetId: string, expertId: string, revision: number) =>
  `${roundId}:${packetId}:${expertId}:${revision}`;
const dissentKey = (roundId: string, expertId: string) => `${roundId}:${expertId}`;
const confirmationKey = (roundId: string, version: number) => `${roundId}:${version}`;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The tables compiling reads; mutating functions add these to their transactions' scope. */
export const compileTables = (db: ReviewDeskDb) => [
  db.rounds,
  db.packets,
  db.experts,
  db.sheets,
  db.conflicts,
  db.chairDecisions,
  db.settlements,
];

/** A CompileInput from the database always lists the round's experts. */
export type StoredCompileInput = CompileInput & {
  round: CompileInput['round'] & { experts: NonNullable<CompileInput['round']['experts']> };
};

/** The rows compiling reads. */
interface CompileRows {
  round: RoundRow;
  packets: PacketRow[];
  experts: ExpertRow[];
  sheets: SheetRow[];
  conflicts: ConflictRow[];
  decisions: ChairDecisionRow[];
  settlements: SettlementRow[];
}

/**
 * Every read awaits a Dexie promise directly, one after another: inside live queries and
 * transactions, Dexie loses its zone across awaits of other promises (Promise.all, nested async
 * functions) in Chromium, and reads after that would escape the transaction or go unobserved.
 */
async function readCompileRows(db: ReviewDeskDb, roundId: string): Promise<CompileRows> {
  const round = await db.rounds.get(roundId);
  if (!round) throw new ResultsError(`找不到评审 ${roundId}`);
  const packets = await db.packets.where('roundId').equals(roundId).toArray();
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  const sheets = await db.sheets.where('roundId').equals(roundId).toArray();
  const conflicts = await db.conflicts.where('roundId').equals(roundId).toArray();
  const decisions = await db.chairDecisions.where('roundId').equals(roundId).toArray();
  const settlements = await db.settlements.where('roundId').equals(roundId).toArray();
  return { round, packets, experts, sheets, conflicts, decisions, settlements };
}

/**
 * What compileRound needs, from the database. Withdrawn packets and removed experts are left out,
 * as a newer round package leaves them out: their sheets are then reported (unknown-packet,
 * unknown-expert), never silently counted.
 */
export async function compileInputFor(
  db: ReviewDeskDb,
  roundId: string,
): Promise<StoredCompileInput> {
  return compileInputFrom(await readCompileRows(db, roundId));
}

function compileInputFrom({
  round,
  packets,
  experts,
  sheets,
  conflicts,
  decisions,
  settlements,
}: CompileRows): StoredCompileInput {
  return {
    round: {
      kind: round.kind,
      rubric: round.rubric,
      aggregation: round.aggregation,
      quotas: round.quotas.map((q) => ({
        group: q.group,
        count: q.count,
        reserve: q.reserve ?? 0,
      })),
      experts: experts
        .filter((e) => !e.removed)
        .sort((a, b) => byId(a.id, b.id))
        .map((e) => ({ id: e.id, name: e.name, org: e.org, city: e.city })),
    },
    packets: packets
      .filter((p) => !p.withdrawn)
      .sort((a, b) => byId(a.id, b.id))
      .map((p) => ({ id: p.id, group: p.group, title: p.title })),
    sheets: sheets.map((s) => ({
      packetId: s.packetId,
      expertId: s.expertId,
      status: s.status,
      scores: s.scores,
      vetoes: s.vetoes,
      vetoReasons: s.vetoReasons,
      comment: s.comment,
      conflictReason: s.conflictReason,
      revision: s.revision,
    })),
    conflicts: conflicts.map((c) => ({
      packetId: c.packetId,
      expertId: c.expertId,
      reason: c.reason,
    })),
    chairDecisions: decisions.map((d) => ({
      packetId: d.packetId,
      decision: d.decision,
      reason: d.reason,
    })),
    settlements: settlements.map((s) => ({
      packetId: s.packetId,
      expertId: s.expertId,
      revision: s.revision,
      action: s.action,
      reason: s.reason,
    })),
  };
}

export async function compileFor(db: ReviewDeskDb, roundId: string): Promise<CompileResult> {
  return compileRound(await compileInputFor(db, roundId));
}

export type ConfirmationState =
  | { kind: 'unconfirmed' }
  /** Confirmed and locked; `matches` is false when the results have changed since. */
  | { kind: 'confirmed'; confirmation: ConfirmationRow; matches: boolean }
  /** The latest confirmation was reopened; `matches` says whether nothing has changed yet. */
  | { kind: 'reopened'; confirmation: ConfirmationRow; matches: boolean };

function confirmationState(latest: ConfirmationRow | undefined, digest: string): ConfirmationState {
  if (!latest) return { kind: 'unconfirmed' };
  const matches = latest.digest === digest;
  return latest.reopenedAt
    ? { kind: 'reopened', confirmation: latest, matches }
    : { kind: 'confirmed', confirmation: latest, matches };
}

export interface ResultsProgress {
  /** Sheets expected: assignments of listed experts to listed packets. */
  assigned: number;
  submitted: number;
  conflicts: number;
  /** Assigned sheets neither submitted nor 回避. */
  outstanding: number;
}

export async function resultsProgress(db: ReviewDeskDb, roundId: string): Promise<ResultsProgress> {
  const rows = await readCompileRows(db, roundId);
  const assignments = await db.assignments.where('roundId').equals(roundId).toArray();
  return progressFrom(rows, assignments);
}

function progressFrom(
  { sheets, packets, experts }: CompileRows,
  assignments: AssignmentRow[],
): ResultsProgress {
  const livePackets = new Set(packets.filter((p) => !p.withdrawn).map((p) => p.id));
  const liveExperts = new Set(experts.filter((e) => !e.removed).map((e) => e.id));
  const status = new Map(sheets.map((s) => [`${s.packetId}:${s.expertId}`, s.status]));
  const progress: ResultsProgress = { assigned: 0, submitted: 0, conflicts: 0, outstanding: 0 };
  for (const a of assignments) {
    if (!livePackets.has(a.packetId) || !liveExperts.has(a.expertId)) continue;
    progress.assigned += 1;
    const s = status.get(`${a.packetId}:${a.expertId}`);
    if (s === 'submitted') progress.submitted += 1;
    else if (s === 'conflict') progress.conflicts += 1;
    else progress.outstanding += 1;
  }
  return progress;
}

export interface CriterionAverage {
  id: string;
  title: string;
  max: number;
  /** Mean over every valid sheet of the round, two decimals; null without valid sheets. */
  mean: number | null;
  /** The mean as a percentage of the criterion's maximum, two decimals. */
  percent: number | null;
}

/** Round-wide per-criterion averages over the compiled valid sheets (advisory, for the chart). */
export function criterionAverages(rubric: Rubric, result: CompileResult): CriterionAverage[] {
  const sheets = result.packets.flatMap((p) => p.sheets);
  return allCriteria(rubric).map((c) => {
    if (sheets.length === 0)
      return { id: c.id, title: c.title, max: c.max, mean: null, percent: null };
    const mean = sheets.reduce((sum, s) => sum + (s.scores[c.id] ?? 0), 0) / sheets.length;
    return {
      id: c.id,
      title: c.title,
      max: c.max,
      mean: round2(mean),
      percent: c.max > 0 ? round2((mean / c.max) * 100) : null,
    };
  });
}

/** Everything the results screen shows, in one read. */
export interface ResultsView {
  roundId: string;
  kind: RoundKind;
  rubric: Rubric;
  quotas: Quota[];
  result: CompileResult;
  digest: string;
  state: ConfirmationState;
  /** What must be settled before the chair can confirm (blockerText words each). */
  blockers: ConfirmationBlocker[];
  confirmations: ConfirmationRow[];
  progress: ResultsProgress;
  leniency: ExpertLeniency[];
  criteria: CriterionAverage[];
  experts: ExpertRow[];
  dissents: DissentRow[];
  decisions: ChairDecisionRow[];
  settlements: SettlementRow[];
}

/**
 * Read for a live query, so no explicit transaction: Dexie's live queries lose an explicit
 * transaction's zone across nested awaits in Chromium (PrematureCommitError), and a read that
 * races a change is simply run again once the change commits.
 */
export async function resultsView(db: ReviewDeskDb, roundId: string): Promise<ResultsView> {
  // Flat reads only (see readCompileRows): this is a live query's querier.
  const round = await db.rounds.get(roundId);
  if (!round) throw new ResultsError(`找不到评审 ${roundId}`);
  const packets = await db.packets.where('roundId').equals(roundId).toArray();
  const allExperts = await db.experts.where('roundId').equals(roundId).toArray();
  const sheets = await db.sheets.where('roundId').equals(roundId).toArray();
  const conflicts = await db.conflicts.where('roundId').equals(roundId).toArray();
  const decisions = await db.chairDecisions.where('roundId').equals(roundId).toArray();
  const settlements = await db.settlements.where('roundId').equals(roundId).toArray();
  const assignments = await db.assignments.where('roundId').equals(roundId).toArray();
  const confirmations = await db.confirmations.where('roundId').equals(roundId).toArray();
  const dissents = await db.dissents.where('roundId').equals(roundId).toArray();
  const opinions = await db.opinions.where('roundId').equals(roundId).toArray();
  const rows: CompileRows = {
    round,
    packets,
    experts: allExperts,
    sheets,
    conflicts,
    decisions,
    settlements,
  };
  const result = compileRound(compileInputFrom(rows));
  const digest = confirmedDigest(result, opinions);
  const progress = progressFrom(rows, assignments);
  const experts = [...allExperts];
  confirmations.sort((a, b) => a.version - b.version);
  experts.sort((a, b) => byId(a.id, b.id));
  dissents.sort((a, b) => byId(a.expertId, b.expertId));
  return {
    roundId,
    kind: round.kind,
    rubric: round.rubric,
    quotas: round.quotas,
    result,
    digest,
    state: confirmationState(confirmations[confirmations.length - 1], digest),
    blockers: confirmationBlockers(result, new Set(opinions.map((o) => o.packetId))),
    confirmations,
    progress,
    leniency: leniencyView(result),
    criteria: criterionAverages(round.rubric, result),
    experts,
    dissents,
    decisions,
    settlements,
  };
}

/** The chair decides a packet whose tie straddles a quota line (并列跨线), with a reason. */
export async function recordChairDecision(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  decision: SelectionDecision,
  reason: string,
): Promise<ChairDecisionRow> {
  const chair = requireChairSession(session, roundId);
  const trimmed = reason.trim();
  if (!trimmed) throw new ResultsError('请填写决定理由，它将记入结果和审计记录');
  if (!(SELECTION_DECISIONS as readonly string[]).includes(decision))
    throw new ResultsError(`决定只能是${SELECTION_DECISIONS.join('、')}`);
  return db.transaction('rw', [...compileTables(db), db.confirmations, db.audit], async () => {
    const chairName = await assertChairIn(db, chair);
    await assertResultsOpen(db, roundId);
    const packet = (await compileFor(db, roundId)).packets.find((p) => p.packetId === packetId);
    if (!packet) throw new ResultsError(`找不到申报材料 ${packetId}`);
    if (!packet.tieAtQuota) throw new ResultsError(`${packetId} 没有跨名额线的并列，无需组长决定`);
    const row: ChairDecisionRow = {
      key: decisionKey(roundId, packetId),
      roundId,
      packetId,
      decision,
      reason: trimmed,
      chair: chair.actor.name,
      at: new Date().toISOString(),
    };
    await db.chairDecisions.put(row);
    await appendAudit(db, {
      roundId,
      actor: chairName,
      action: 'results.tie-decision',
      subject: packetId,
      detail: `并列跨线，组长决定：${decision}（理由：${trimmed}）`,
    });
    return row;
  });
}

/** What an expert sees of a deviation flag on their own sheet: never others' points or the mean. */
export interface ExpertDeviation {
  packetId: string;
  revision: number;
  status: DeviationStatus;
  reason: string | null;
  /** The threshold in points (deviationFlag × rubric maximum). */
  threshold: number;
}

/** The expert's own sheets that are flagged (偏离) or were revised after a flag, by packet id. */
export async function expertDeviations(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<ExpertDeviation[]> {
  // No explicit transaction: this backs a live query (see resultsView).
  const result = await compileFor(db, roundId);
  const mine: ExpertDeviation[] = [];
  for (const packet of result.packets) {
    const sheet = packet.sheets.find((s) => s.expertId === expertId);
    if (!sheet || sheet.deviation.status === null) continue;
    mine.push({
      packetId: packet.packetId,
      revision: sheet.revision,
      status: sheet.deviation.status,
      reason: sheet.deviation.reason,
      threshold: sheet.deviation.threshold,
    });
  }
  return mine.sort((a, b) => byId(a.packetId, b.packetId));
}

/**
 * 复核 of a flagged sheet by its expert: `confirmed` keeps the points of `revision` with a reason;
 * `revised` sends the sheet back to the expert (editable like a returned sheet), and their next
 * submission is a new revision.
 */
export async function settleDeviation(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  expertId: string,
  revision: number,
  action: SettlementRow['action'],
  reason: string,
): Promise<SettlementRow> {
  const actorName = actorLabel(requireExpert(session, roundId, expertId).actor);
  const trimmed = reason.trim();
  if (!trimmed) throw new ResultsError('请填写复核理由');
  return db.transaction('rw', [...compileTables(db), db.confirmations, db.audit], async () => {
    await assertResultsOpen(db, roundId);
    const packet = (await compileFor(db, roundId)).packets.find((p) => p.packetId === packetId);
    const sheet = packet?.sheets.find((s) => s.expertId === expertId);
    if (!sheet || !sheet.deviation.flagged || sheet.revision !== revision)
      throw new ResultsError('该评分表当前没有待复核的偏离提示（可能已修改或已复核）');
    if (sheet.deviation.status !== 'pending') throw new ResultsError('该偏离提示已复核');
    const now = new Date().toISOString();
    const row: SettlementRow = {
      key: settlementKey(roundId, packetId, expertId, revision),
      roundId,
      packetId,
      expertId,
      revision,
      action,
      reason: trimmed,
      at: now,
    };
    await db.settlements.put(row);
    if (action === 'revised') {
      const stored = await db.sheets.get(sheetKey(roundId, packetId, expertId));
      if (!stored) throw new ResultsError('找不到该评分表');
      await db.sheets.put({
        ...stored,
        status: 'returned',
        returnReason: `偏离复核：${trimmed}`,
        updatedAt: now,
      });
    }
    await appendAudit(db, {
      roundId,
      actor: actorName,
      action: 'results.deviation',
      subject: `${packetId}/${expertId}`,
      detail:
        action === 'confirmed'
          ? `偏离复核：确认第 ${revision} 版原评分（理由：${trimmed}）`
          : `偏离复核：修改第 ${revision} 版评分（理由：${trimmed}）`,
    });
    return row;
  });
}

/** An expert's 保留意见 on the results; recording again replaces the wording (audited). */
export async function recordDissent(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  expertId: string,
  text: string,
): Promise<DissentRow> {
  const actorName = actorLabel(requireExpert(session, roundId, expertId).actor);
  const trimmed = text.trim();
  if (!trimmed) throw new ResultsError('请填写保留意见');
  return db.transaction('rw', [db.dissents, db.experts, db.audit], async () => {
    const expert = await db.experts.get(`${roundId}:${expertId}`);
    if (!expert) throw new ResultsError(`找不到专家 ${expertId}`);
    const row: DissentRow = {
      key: dissentKey(roundId, expertId),
      roundId,
      expertId,
      text: trimmed,
      at: new Date().toISOString(),
    };
    await db.dissents.put(row);
    await appendAudit(db, {
      roundId,
      actor: actorName,
      action: 'results.dissent',
      subject: expertId,
      detail: `${expert.name} 保留意见：${trimmed}`,
    });
    return row;
  });
}

export async function dissentOf(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<DissentRow | undefined> {
  return db.dissents.get(dissentKey(roundId, expertId));
}

/**
 * The chair confirms the results as they compile now: version n+1 with the result's digest.
 * From then on the round is read-only until reopened.
 */
export async function confirmResults(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
): Promise<ConfirmationRow> {
  const chair = requireChairSession(session, roundId);
  const tables = [...compileTables(db), db.opinions, db.confirmations, db.audit];
  return db.transaction('rw', tables, async () => {
    const chairName = await assertChairIn(db, chair);
    const result = await compileFor(db, roundId);
    const opinions = await db.opinions.where('roundId').equals(roundId).toArray();
    const digest = confirmedDigest(result, opinions);
    const latest = await latestConfirmation(db, roundId);
    if (latest && !latest.reopenedAt && latest.digest === digest)
      throw new ResultsError(`结果已确认（第 ${latest.version} 版），无需重复确认`);
    const blockers = confirmationBlockers(result, new Set(opinions.map((o) => o.packetId)));
    if (blockers.length > 0)
      throw new ResultsError(`还不能确认：${blockers.map(blockerText).join('；')}`);
    const version = (latest?.version ?? 0) + 1;
    const row: ConfirmationRow = {
      key: confirmationKey(roundId, version),
      roundId,
      version,
      chair: chair.actor.name,
      at: new Date().toISOString(),
      digest,
    };
    // put, not add: Dexie's live-query cache in Chromium missed an add here (the key is new anyway:
    // the version was read in this transaction).
    await db.confirmations.put(row);
    await appendAudit(db, {
      roundId,
      actor: chairName,
      action: 'results.confirm',
      subject: roundId,
      detail: `组长确认评审结果第 ${version} 版（摘要 ${digest}）`,
    });
    return row;
  });
}

/**
 * The secretariat reopens confirmed results, with a reason; the next confirmation is version
 * n+1. Reopening changes the round, so it is behind the secretariat's passphrase.
 */
export async function reopenResults(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  reason: string,
): Promise<ConfirmationRow> {
  const actor = actorLabel(requireSecretariat(session).actor);
  const trimmed = reason.trim();
  if (!trimmed) throw new ResultsError('请填写重新开放的理由');
  return db.transaction('rw', [db.confirmations, db.audit], async () => {
    const latest = await latestConfirmation(db, roundId);
    if (!latest || latest.reopenedAt) throw new ResultsError('结果尚未确认，无需重新开放');
    const reopened: ConfirmationRow = {
      ...latest,
      reopenedAt: new Date().toISOString(),
      reopenedBy: actor,
      reopenReason: trimmed,
    };
    await db.confirmations.put(reopened);
    await appendAudit(db, {
      roundId,
      actor,
      action: 'results.reopen',
      subject: roundId,
      detail: `${actor}重新开放第 ${latest.version} 版结果（理由：${trimmed}）`,
    });
    return reopened;
  });
}

/**
 * Sheets whose deviation flag (偏离) still waits for the expert's 复核, as `packetId:expertId`.
 * For the secretariat's progress matrix: which sheets, never their points.
 */
export async function pendingDeviationSheets(
  db: ReviewDeskDb,
  roundId: string,
): Promise<Set<string>> {
  const result = await compileFor(db, roundId);
  const pending = new Set<string>();
  for (const packet of result.packets) {
    for (const sheet of packet.sheets) {
      if (sheet.deviation.status === 'pending') pending.add(`${packet.packetId}:${sheet.expertId}`);
    }
  }
  return pending;
}
