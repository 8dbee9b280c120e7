import type { ReviewDeskDb } from '../db';
import type {
  AssignmentRow,
  ConflictRow,
  ExpertRow,
  PanelRole,
  SheetRow,
  SheetStatus,
} from '../rows';
import {
  AccessDeniedError,
  actorLabel,
  isLive,
  requireExpert,
  requireSecretariat,
  type Session,
} from '../session/session';
import { appendAudit } from './auditLog';
import { assertChairIn, requireChairSession } from './chairGuard';
import { assignmentKey, expertKey, sheetKey } from './keys';
import { assertResultsOpen } from './resultsLock';
import { emptySheet } from './sheetRepository';
import { compareChinese } from '@shared/collation/chineseOrder';

/** Panel settings the round package does not carry; kept per round in the settings table. */
export interface PanelSettings {
  /** 同市(州)回避: experts do not score applicants from their own 市(州). */
  sameCityConflict: boolean;
  /**
   * Sheets a packet should get; fewer after 回避 offers a standby expert. Set on 评审设置
   * (the round row's settings); a value saved here before that is read until then.
   */
  minSheets: number;
}

const settingsKey = (roundId: string) => `panel:${roundId}`;

export async function panelSettings(db: ReviewDeskDb, roundId: string): Promise<PanelSettings> {
  const round = await db.rounds.get(roundId);
  const defaults: PanelSettings = {
    sameCityConflict: false,
    minSheets: round?.aggregation.trimWhenAtLeast ?? 5,
  };
  const stored = (await db.settings.get(settingsKey(roundId)))?.value as
    Partial<PanelSettings> | undefined;
  // 评审设置 owns the minimum once saved; before that, the value kept here still counts.
  const minSheets = round?.settings?.minValidSheets;
  return { ...defaults, ...stored, ...(minSheets === undefined ? {} : { minSheets }) };
}

export async function savePanelSettings(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  settings: PanelSettings,
): Promise<void> {
  const actor = actorLabel(requireSecretariat(session).actor);
  await db.transaction('rw', [db.settings, db.audit], async () => {
    await db.settings.put({ key: settingsKey(roundId), value: settings });
    await appendAudit(db, {
      roundId,
      actor,
      action: 'panel.settings',
      subject: roundId,
      detail: `同市(州)回避：${settings.sameCityConflict ? '是' : '否'}；每个项目至少 ${settings.minSheets} 份评分`,
    });
  });
}

export class PanelError extends Error {
  override name = 'PanelError';
}

const roleLabel: Record<PanelRole, string> = {
  expert: '评审专家',
  chair: '专家组组长',
  standby: '备选专家',
};

/**
 * One chair per round: naming a new chair makes the previous one an ordinary expert. Only the
 * secretariat appoints: nobody makes themselves 组长 to see the points.
 */
export async function setRole(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  expertId: string,
  role: PanelRole,
): Promise<void> {
  const actor = actorLabel(requireSecretariat(session).actor);
  await db.transaction('rw', [db.experts, db.assignments, db.sheets, db.audit], async () => {
    const expert = await db.experts.get(expertKey(roundId, expertId));
    if (!expert) throw new PanelError(`找不到专家 ${expertId}`);
    if (role === 'chair') {
      const experts = await db.experts.where('roundId').equals(roundId).toArray();
      for (const other of experts) {
        if (other.role === 'chair' && other.id !== expertId)
          await db.experts.update(other.key, { role: 'expert' });
      }
    }
    if (role === 'standby') {
      // A standby scores only what they are later assigned; keep assignments they already work on.
      const started = new Set(
        (await db.sheets.where('[roundId+expertId]').equals([roundId, expertId]).toArray()).map(
          (s) => s.packetId,
        ),
      );
      const assignments = await db.assignments
        .where('[roundId+expertId]')
        .equals([roundId, expertId])
        .toArray();
      await db.assignments.bulkDelete(
        assignments.filter((a) => !started.has(a.packetId)).map((a) => a.key),
      );
    }
    await db.experts.update(expert.key, { role });
    await appendAudit(db, {
      roundId,
      actor,
      action: 'panel.role',
      subject: expertId,
      detail: `${expert.name}：${roleLabel[role]}`,
    });
  });
}

export async function chairOf(db: ReviewDeskDb, roundId: string): Promise<ExpertRow | undefined> {
  return db.experts
    .where('roundId')
    .equals(roundId)
    .filter((e) => e.role === 'chair')
    .first();
}

/**
 * Replace the round's assignments: each expert gets the packets of the groups listed for them
 * (an empty list means all packets; standby experts get none). Refused if it would take away a
 * packet an expert has already started: their work is never dropped silently.
 */
export async function assignByGroup(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  groupsByExpert: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  const actor = actorLabel(requireSecretariat(session).actor);
  await db.transaction(
    'rw',
    [db.experts, db.packets, db.assignments, db.sheets, db.audit],
    async () => {
      const experts = await db.experts.where('roundId').equals(roundId).toArray();
      const packets = await db.packets.where('roundId').equals(roundId).toArray();
      const sheets = await db.sheets.where('roundId').equals(roundId).toArray();
      const next: AssignmentRow[] = [];
      for (const expert of experts) {
        if (expert.role === 'standby') continue;
        const groups = groupsByExpert[expert.id] ?? [];
        for (const packet of packets) {
          if (groups.length === 0 || groups.includes(packet.group)) {
            next.push({
              key: assignmentKey(roundId, packet.id, expert.id),
              roundId,
              packetId: packet.id,
              expertId: expert.id,
            });
          }
        }
      }
      const nextKeys = new Set(next.map((a) => a.key));
      const current = await db.assignments.where('roundId').equals(roundId).toArray();
      const started = sheets.filter(
        (s) => s.status !== 'draft' || Object.keys(s.inputs).length > 0,
      );
      const lost = started.filter(
        (s) =>
          current.some((a) => a.key === assignmentKey(roundId, s.packetId, s.expertId)) &&
          !nextKeys.has(assignmentKey(roundId, s.packetId, s.expertId)),
      );
      if (lost.length > 0) {
        const names = new Map(experts.map((e) => [e.id, e.name]));
        throw new PanelError(
          `不能取消已开始评分的分配：${lost
            .slice(0, 5)
            .map((s) => `${names.get(s.expertId) ?? s.expertId} · ${s.packetId}`)
            .join(
              '，',
            )}${lost.length > 5 ? ` 等 ${lost.length} 项` : ''}。请保留这些分组，或先与专家确认。`,
        );
      }
      // Standby experts keep what they were assigned by hand.
      const standbyIds = new Set(experts.filter((e) => e.role === 'standby').map((e) => e.id));
      await db.assignments.bulkDelete(
        current.filter((a) => !standbyIds.has(a.expertId)).map((a) => a.key),
      );
      await db.assignments.bulkPut(next);
      const summary = experts
        .filter((e) => e.role !== 'standby')
        .map(
          (e) =>
            `${e.name}：${(groupsByExpert[e.id] ?? []).length === 0 ? '全部' : groupsByExpert[e.id]!.join('、')}`,
        )
        .join('；');
      await appendAudit(db, {
        roundId,
        actor,
        action: 'panel.assign',
        subject: roundId,
        detail: `按分组分配：${summary}`,
      });
    },
  );
}

/** Give one packet to one (usually standby) expert. */
export async function assignOne(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  expertId: string,
): Promise<void> {
  const actor = actorLabel(requireSecretariat(session).actor);
  await db.transaction('rw', [db.assignments, db.experts, db.audit], async () => {
    const expert = await db.experts.get(expertKey(roundId, expertId));
    if (!expert) throw new PanelError(`找不到专家 ${expertId}`);
    await db.assignments.put({
      key: assignmentKey(roundId, packetId, expertId),
      roundId,
      packetId,
      expertId,
    });
    await appendAudit(db, {
      roundId,
      actor,
      action: 'panel.assign-one',
      subject: `${packetId}/${expertId}`,
      detail: `将项目 ${packetId} 分配给${expert.name}`,
    });
  });
}

/**
 * 回避: the expert, with their own session, or the secretariat, reviewing the rosters, declares
 * a tie to the applicant. The sheet becomes a conflict sheet whatever was typed on it; the
 * reason is kept and exported.
 */
export async function declareConflict(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  expertId: string,
  reason: string,
): Promise<void> {
  const actor = declarant(session, roundId, expertId);
  const trimmed = reason.trim();
  if (!trimmed) throw new PanelError('请填写回避理由');
  await db.transaction('rw', [db.sheets, db.conflicts, db.audit, db.confirmations], async () => {
    await assertResultsOpen(db, roundId);
    const key = sheetKey(roundId, packetId, expertId);
    const current = (await db.sheets.get(key)) ?? emptySheet(roundId, packetId, expertId);
    if (current.status === 'submitted')
      throw new PanelError('该评分表已提交，不能再申报回避；如确有回避情形，请组长先退回评分表。');
    if (current.status === 'conflict') return;
    const now = new Date().toISOString();
    // Points typed before the declaration must not survive into anything exported.
    const conflicted: SheetRow = {
      ...current,
      status: 'conflict',
      inputs: {},
      scores: {},
      vetoes: {},
      vetoReasons: {},
      comment: '',
      conflictReason: trimmed,
      // The declaration is a new version of the sheet: it supersedes a returned revision
      // wherever score files are merged.
      revision: current.revision + 1,
      updatedAt: now,
      submittedAt: now,
    };
    await db.sheets.put(conflicted);
    // The secretariat's own declaration (roster review) needs no second look: it is confirmed.
    const row: ConflictRow = {
      key,
      roundId,
      packetId,
      expertId,
      reason: trimmed,
      declaredAt: now,
      ...(session?.actor.kind === 'secretariat' ? { confirmedAt: now } : {}),
    };
    await db.conflicts.put(row);
    await appendAudit(db, {
      roundId,
      actor,
      action: 'sheet.conflict',
      subject: `${packetId}/${expertId}`,
      detail: `申报回避：${trimmed}`,
    });
  });
}

/** The audit label of who may declare this expert's 回避: the expert or the secretariat. */
function declarant(session: Session | null, roundId: string, expertId: string): string {
  if (
    isLive(session) &&
    (session.actor.kind === 'secretariat' ||
      (session.actor.roundId === roundId && session.actor.expertId === expertId))
  )
    return actorLabel(session.actor);
  throw new AccessDeniedError('expert', '回避须由该专家本人解锁后申报，或由秘书处登记');
}

/** The secretariat confirms an expert's 回避: from then on only the secretariat can undo it. */
export async function confirmConflict(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  expertId: string,
): Promise<void> {
  const actor = actorLabel(requireSecretariat(session).actor);
  await db.transaction('rw', [db.conflicts, db.audit, db.confirmations], async () => {
    await assertResultsOpen(db, roundId);
    const row = await db.conflicts.get(sheetKey(roundId, packetId, expertId));
    if (!row) throw new PanelError(`找不到 ${packetId} 的回避申报，可能已被撤回`);
    if (row.confirmedAt) return;
    await db.conflicts.put({ ...row, confirmedAt: new Date().toISOString() });
    await appendAudit(db, {
      roundId,
      actor,
      action: 'sheet.conflict.confirm',
      subject: `${packetId}/${expertId}`,
      detail: `确认回避：${row.reason}`,
    });
  });
}

/**
 * The expert, with their own session, withdraws a 回避 the secretariat has not confirmed yet.
 * The packet is theirs to score again (see `reopenConflictSheet`).
 */
export async function withdrawConflict(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  expertId: string,
): Promise<void> {
  const actor = actorLabel(requireExpert(session, roundId, expertId).actor);
  await db.transaction('rw', [db.sheets, db.conflicts, db.audit, db.confirmations], async () => {
    await assertResultsOpen(db, roundId);
    const row = await db.conflicts.get(sheetKey(roundId, packetId, expertId));
    if (!row) throw new PanelError(`${packetId} 没有回避申报，无需撤回`);
    if (row.confirmedAt)
      throw new PanelError('秘书处已确认该回避，专家不能自行撤回；如需撤销，请联系秘书处。');
    const revision = await reopenConflictSheet(db, roundId, packetId, expertId);
    await appendAudit(db, {
      roundId,
      actor,
      action: 'sheet.conflict.withdraw',
      subject: `${packetId}/${expertId}`,
      detail: `撤回回避申报（评分表第 ${revision} 版）：${row.reason}`,
    });
  });
}

/** The secretariat undoes a 回避 (confirmed or not), with the reason the audit log keeps. */
export async function undoConflict(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  expertId: string,
  reason: string,
): Promise<void> {
  const actor = actorLabel(requireSecretariat(session).actor);
  const trimmed = reason.trim();
  if (!trimmed) throw new PanelError('请填写撤销回避的理由，它将记入审计日志');
  await db.transaction('rw', [db.sheets, db.conflicts, db.audit, db.confirmations], async () => {
    await assertResultsOpen(db, roundId);
    const row = await db.conflicts.get(sheetKey(roundId, packetId, expertId));
    if (!row) throw new PanelError(`${packetId} 没有回避申报，无需撤销`);
    const revision = await reopenConflictSheet(db, roundId, packetId, expertId);
    await appendAudit(db, {
      roundId,
      actor,
      action: 'sheet.conflict.undo',
      subject: `${packetId}/${expertId}`,
      detail: `撤销回避（原理由：${row.reason}；评分表第 ${revision} 版）：${trimmed}`,
    });
  });
}

/**
 * Ends a 回避 inside the caller's transaction: the conflict row goes, the sheet becomes an empty
 * draft again (the packet stays assigned, so the expert scores it). The draft is a new revision
 * above the 回避: a copy of the 回避 imported again is then `stale` here, and the expert's next
 * submission outranks the 回避 any other laptop holds. Returns the draft's revision.
 */
async function reopenConflictSheet(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
  expertId: string,
): Promise<number> {
  const key = sheetKey(roundId, packetId, expertId);
  const sheet = await db.sheets.get(key);
  await db.conflicts.delete(key);
  if (!sheet || sheet.status !== 'conflict') return sheet?.revision ?? 0;
  const reopened: SheetRow = {
    ...emptySheet(roundId, packetId, expertId),
    revision: sheet.revision + 1,
    updatedAt: new Date().toISOString(),
  };
  await db.sheets.put(reopened);
  return reopened.revision;
}

export async function conflictsForRound(db: ReviewDeskDb, roundId: string): Promise<ConflictRow[]> {
  return (await db.conflicts.where('roundId').equals(roundId).toArray()).sort((a, b) =>
    a.declaredAt.localeCompare(b.declaredAt),
  );
}

/** The chair sends a submitted sheet back to its expert, with the reason they will read. */
export async function returnSheet(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  expertId: string,
  reason: string,
): Promise<void> {
  const chair = requireChairSession(session, roundId);
  const trimmed = reason.trim();
  if (!trimmed) throw new PanelError('请填写退回理由，专家将看到它');
  await db.transaction('rw', [db.experts, db.sheets, db.audit, db.confirmations], async () => {
    const chairName = await assertChairIn(db, chair);
    await assertResultsOpen(db, roundId);
    const sheet = await db.sheets.get(sheetKey(roundId, packetId, expertId));
    if (!sheet || sheet.status !== 'submitted') throw new PanelError('只能退回已提交的评分表');
    await db.sheets.put({
      ...sheet,
      status: 'returned',
      returnReason: trimmed,
      updatedAt: new Date().toISOString(),
    });
    await appendAudit(db, {
      roundId,
      actor: chairName,
      action: 'sheet.return',
      subject: `${packetId}/${expertId}`,
      detail: `组长退回第 ${sheet.revision} 版：${trimmed}`,
    });
  });
}

export type MatrixCell = SheetStatus | 'todo' | 'unassigned';

export interface ProgressMatrix {
  experts: ExpertRow[];
  packets: { id: string; title: string; group: string }[];
  /** cells[expertIndex][packetIndex] */
  cells: MatrixCell[][];
  counts: Record<MatrixCell, number>;
  /** Packets whose possible sheets (assigned minus 回避) are fewer than the minimum. */
  shortfalls: { packetId: string; possible: number }[];
  /**
   * Set when the minimum exceeds the panel: no assignment or standby expert can reach it, so
   * the shortfalls are not listed one by one; the minimum is changed on 评审设置.
   */
  minExceedsPanel: { min: number; panelSize: number } | null;
}

/** Experts × packets: who has submitted, is working, declared 回避, or has not started. Statuses only, never points. */
export async function progressMatrix(db: ReviewDeskDb, roundId: string): Promise<ProgressMatrix> {
  // A live query's reader: one read at a time (the live-query rule, queries.ts).
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  const packets = await db.packets.where('roundId').equals(roundId).toArray();
  const assignments = await db.assignments.where('roundId').equals(roundId).toArray();
  const sheets = await db.sheets.where('roundId').equals(roundId).toArray();
  const settings = await panelSettings(db, roundId);
  experts.sort((a, b) => compareChinese(a.id, b.id));
  packets.sort((a, b) => compareChinese(a.id, b.id));
  const assigned = new Set(assignments.map((a) => `${a.packetId}:${a.expertId}`));
  const statusOf = new Map(sheets.map((s) => [`${s.packetId}:${s.expertId}`, s.status]));
  const counts: Record<MatrixCell, number> = {
    draft: 0,
    submitted: 0,
    returned: 0,
    conflict: 0,
    todo: 0,
    unassigned: 0,
  };
  const cells = experts.map((expert) =>
    packets.map((packet) => {
      const id = `${packet.id}:${expert.id}`;
      const status = statusOf.get(id);
      const cell: MatrixCell =
        status === 'conflict' ? 'conflict' : !assigned.has(id) ? 'unassigned' : (status ?? 'todo');
      counts[cell] += 1;
      return cell;
    }),
  );
  const shortfalls = packets
    .map((packet, p) => ({
      packetId: packet.id,
      possible: cells.filter((row) => row[p] !== 'unassigned' && row[p] !== 'conflict').length,
    }))
    .filter((s) => s.possible < settings.minSheets);
  const panelSize = experts.filter((e) => !e.removed).length;
  const minExceedsPanel =
    settings.minSheets > panelSize ? { min: settings.minSheets, panelSize } : null;
  return {
    experts,
    packets: packets.map((p) => ({ id: p.id, title: p.title, group: p.group })),
    cells,
    counts,
    shortfalls: minExceedsPanel ? [] : shortfalls,
    minExceedsPanel,
  };
}

export interface SubmittedSheetSummary {
  packetId: string;
  packetTitle: string;
  expertId: string;
  expertName: string;
  revision: number;
  submittedAt: string;
}

/** What the chair sees before results are compiled: who submitted what, never the points. */
export async function submittedSheets(
  db: ReviewDeskDb,
  roundId: string,
): Promise<SubmittedSheetSummary[]> {
  // A live query's reader: one read at a time (the live-query rule, queries.ts).
  const sheets = await db.sheets
    .where('roundId')
    .equals(roundId)
    .filter((s) => s.status === 'submitted')
    .toArray();
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  const packets = await db.packets.where('roundId').equals(roundId).toArray();
  const names = new Map(experts.map((e) => [e.id, e.name]));
  const titles = new Map(packets.map((p) => [p.id, p.title]));
  return sheets
    .map((s) => ({
      packetId: s.packetId,
      packetTitle: titles.get(s.packetId) ?? s.packetId,
      expertId: s.expertId,
      expertName: names.get(s.expertId) ?? s.expertId,
      revision: s.revision,
      submittedAt: s.submittedAt ?? s.updatedAt,
    }))
    .sort((a, b) => compareChinese(a.packetId, b.packetId) || a.expertId.localeCompare(b.expertId));
}
