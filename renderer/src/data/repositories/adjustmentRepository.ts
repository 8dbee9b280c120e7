import { compileRound, DECISION } from '@shared/compile';
import type { AdjustmentInput, FindingInput } from '@shared/workbook';
import type { ReviewDeskDb } from '../db';
import type { AdjustmentRow } from '../rows';
import { actorLabel, requireSecretariat, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import { assertChairIn, requireChairSession } from './chairGuard';
import { findingsForRound } from './inspectionRepository';
import { compileInputFor } from './resultsRepository';

/**
 * 评估验收 and 动态调整: a body that fails its evaluation (不合格) is marked for 取消资格
 * by the chair with a reason; any body's status can be cancelled or added (增列) by a recorded
 * decision. Each record names its reason, decision date and who decided, and goes into the signed
 * workbook's 动态调整 sheet.
 */

export class AdjustmentError extends Error {
  override name = 'AdjustmentError';
}

export const EVALUATION_FAIL_BASIS = '评估不合格';

/** Today in local time, YYYY-MM-DD: a decision date as people write it. */
export function localDate(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface NewAdjustment {
  roundId: string;
  packetId: string;
  action: AdjustmentRow['action'];
  basis: string;
  reason: string;
  decidedOn: string;
  decidedBy: string;
}

export function adjustmentProblems(a: Omit<NewAdjustment, 'roundId' | 'packetId'>): string[] {
  const problems: string[] = [];
  if (a.action !== 'cancel' && a.action !== 'add') problems.push('请选择调整类型');
  if (a.reason.trim() === '') problems.push('请填写理由');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.decidedOn)) problems.push('决定日期须为 YYYY-MM-DD');
  if (a.decidedBy.trim() === '') problems.push('请填写决定人');
  return problems;
}

/**
 * The secretariat records a 动态调整 decision; `decidedBy` names who decided it (an authority
 * outside the laptop, as the decision document says), the audit log who recorded it.
 */
export async function recordAdjustment(
  db: ReviewDeskDb,
  session: Session | null,
  adjustment: NewAdjustment,
): Promise<AdjustmentRow> {
  const actor = actorLabel(requireSecretariat(session).actor);
  return writeAdjustment(db, adjustment, async () => actor);
}

async function writeAdjustment(
  db: ReviewDeskDb,
  adjustment: NewAdjustment,
  /** Checks the writer inside the transaction and returns the audit label. */
  writer: () => Promise<string>,
): Promise<AdjustmentRow> {
  const problems = adjustmentProblems(adjustment);
  if (problems.length > 0) throw new AdjustmentError(problems.join('；'));
  const row: AdjustmentRow = {
    id: crypto.randomUUID(),
    roundId: adjustment.roundId,
    packetId: adjustment.packetId,
    action: adjustment.action,
    basis: adjustment.basis.trim(),
    reason: adjustment.reason.trim(),
    decidedOn: adjustment.decidedOn,
    decidedBy: adjustment.decidedBy.trim(),
    recordedAt: new Date().toISOString(),
  };
  await db.transaction('rw', [db.experts, db.packets, db.adjustments, db.audit], async () => {
    const actor = await writer();
    const packet = await db.packets.get(`${adjustment.roundId}:${adjustment.packetId}`);
    if (!packet) throw new AdjustmentError(`找不到 ${adjustment.packetId}`);
    await db.adjustments.add(row);
    await appendAudit(db, {
      roundId: row.roundId,
      actor,
      action: row.action === 'cancel' ? 'adjustment.cancel' : 'adjustment.add',
      subject: row.packetId,
      detail: `${row.action === 'cancel' ? '取消资格' : '增列'}（${row.decidedOn}${row.basis ? `，依据：${row.basis}` : ''}）：${row.reason}`,
    });
  });
  return row;
}

/**
 * The chair marks a body that compiled 不合格 for 取消资格. Refused for a body that did not fail,
 * or one already marked.
 */
export async function markCancellation(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  reason: string,
  now = new Date(),
): Promise<AdjustmentRow> {
  const chair = requireChairSession(session, roundId);
  // Refuse a non-chair before anything else; the write checks the role again in its transaction.
  await db.transaction('r', db.experts, () => assertChairIn(db, chair));
  const input = await compileInputFor(db, roundId);
  const packet = compileRound(input).packets.find((p) => p.packetId === packetId);
  if (packet?.decision !== DECISION.fail) {
    throw new AdjustmentError(`${packetId} 的评估结论不是“不合格”，不能据此取消资格`);
  }
  const existing = await adjustmentsForPacket(db, roundId, packetId);
  if (existing.some((a) => a.action === 'cancel' && a.basis === EVALUATION_FAIL_BASIS)) {
    throw new AdjustmentError(`${packetId} 已标记取消资格`);
  }
  return writeAdjustment(
    db,
    {
      roundId,
      packetId,
      action: 'cancel',
      basis: EVALUATION_FAIL_BASIS,
      reason,
      decidedOn: localDate(now),
      decidedBy: chair.actor.name,
    },
    () => assertChairIn(db, chair),
  );
}

const byRecord = (a: AdjustmentRow, b: AdjustmentRow) =>
  (a.packetId < b.packetId ? -1 : a.packetId > b.packetId ? 1 : 0) ||
  (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0) ||
  (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0);

/** A round's 动态调整 records by body (packet id), then decision date, then time recorded. */
export async function adjustmentsForRound(
  db: ReviewDeskDb,
  roundId: string,
): Promise<AdjustmentRow[]> {
  return (await db.adjustments.where('roundId').equals(roundId).toArray()).sort(byRecord);
}

export async function adjustmentsForPacket(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
): Promise<AdjustmentRow[]> {
  return (
    await db.adjustments.where('[roundId+packetId]').equals([roundId, packetId]).toArray()
  ).sort(byRecord);
}

/** The tables fieldWorkbookInput reads: add them to the scope of a transaction that calls it. */
export const fieldTables = (db: ReviewDeskDb) => [
  db.rounds,
  db.packets,
  db.routeSites,
  db.findings,
  db.adjustments,
];

/**
 * What the field side adds to the result workbook input (buildResultPayload): 问题清单 for an
 * inspection round, 动态调整 for an evaluation round (each sheet written even when empty, so the
 * workbook says "none"), and either one whenever records exist. The city ranking needs nothing
 * from here: buildResultPayload computes it from the compiled results.
 */
export async function fieldWorkbookInput(
  db: ReviewDeskDb,
  roundId: string,
): Promise<{ findings?: FindingInput[]; adjustments?: AdjustmentInput[] }> {
  const kind = (await db.rounds.get(roundId))?.kind;
  const findings = await findingsForRound(db, roundId);
  const adjustments = await adjustmentsForRound(db, roundId);
  const out: { findings?: FindingInput[]; adjustments?: AdjustmentInput[] } = {};
  if (kind === 'inspection' || findings.length > 0) {
    out.findings = findings.map((f) => ({
      packetId: f.packetId,
      severity: f.severity,
      description: f.description,
      owner: f.owner,
      dueDate: f.dueDate,
      status: f.status,
      recordedBy: f.recordedBy,
      recordedAt: f.recordedAt,
      closedAt: f.closedAt,
    }));
  }
  if (kind === 'evaluation' || adjustments.length > 0) {
    out.adjustments = adjustments.map((a) => ({
      packetId: a.packetId,
      action: a.action,
      basis: a.basis,
      reason: a.reason,
      decidedOn: a.decidedOn,
      decidedBy: a.decidedBy,
    }));
  }
  return out;
}
