import type { Rubric } from '../../../../shared/model/rubric';
import {
  scoresFromInputs,
  sheetProblems,
  type SheetProblem,
} from '../../../../shared/rubric/points';
import type { ReviewDeskDb } from '../db';
import type { SheetRow } from '../rows';
import { appendAudit } from './auditLog';
import { sheetKey } from './keys';
import { assertResultsOpen } from './resultsLock';

export interface SheetDraftChange {
  inputs?: Record<string, string>;
  vetoes?: Record<string, boolean>;
  vetoReasons?: Record<string, string>;
  comment?: string;
}

export class SheetLockedError extends Error {
  constructor() {
    super('该评分表已提交并锁定，不能再修改。如需修改，请联系专家组组长退回。');
    this.name = 'SheetLockedError';
  }
}

export function emptySheet(
  roundId: string,
  packetId: string,
  expertId: string,
  now = new Date(),
): SheetRow {
  return {
    key: sheetKey(roundId, packetId, expertId),
    roundId,
    packetId,
    expertId,
    status: 'draft',
    inputs: {},
    scores: {},
    vetoes: {},
    vetoReasons: {},
    comment: '',
    conflictReason: '',
    revision: 0,
    updatedAt: now.toISOString(),
    submittedAt: null,
  };
}

export async function loadSheet(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
  expertId: string,
): Promise<SheetRow> {
  return (
    (await db.sheets.get(sheetKey(roundId, packetId, expertId))) ??
    emptySheet(roundId, packetId, expertId)
  );
}

const editable = (sheet: SheetRow) => sheet.status === 'draft' || sheet.status === 'returned';

/**
 * Save what the expert just typed. Called on every keystroke; resolves once the change is
 * durably committed (the database is opened with strict durability).
 */
export async function saveDraft(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
  expertId: string,
  change: SheetDraftChange,
): Promise<SheetRow> {
  return db.transaction('rw', db.sheets, async () => {
    const current =
      (await db.sheets.get(sheetKey(roundId, packetId, expertId))) ??
      emptySheet(roundId, packetId, expertId);
    if (!editable(current)) throw new SheetLockedError();
    const inputs = change.inputs ?? current.inputs;
    const next: SheetRow = {
      ...current,
      inputs,
      scores: scoresFromInputs(inputs),
      vetoes: change.vetoes ?? current.vetoes,
      vetoReasons: change.vetoReasons ?? current.vetoReasons,
      comment: change.comment ?? current.comment,
      updatedAt: new Date().toISOString(),
    };
    await db.sheets.put(next);
    return next;
  });
}

export type SubmitOutcome = { ok: true; sheet: SheetRow } | { ok: false; problems: SheetProblem[] };

/** Validate against the rubric and lock. Problems come back in sheet order for the UI to show. */
export async function submitSheet(
  db: ReviewDeskDb,
  rubric: Rubric,
  roundId: string,
  packetId: string,
  expertId: string,
  actorName: string,
): Promise<SubmitOutcome> {
  return db.transaction('rw', [db.sheets, db.audit, db.confirmations], async () => {
    await assertResultsOpen(db, roundId);
    const current = await db.sheets.get(sheetKey(roundId, packetId, expertId));
    if (!current)
      return {
        ok: false,
        problems: sheetProblems(rubric, emptySheet(roundId, packetId, expertId)),
      };
    if (!editable(current)) throw new SheetLockedError();
    const problems = sheetProblems(rubric, current);
    if (problems.length > 0) return { ok: false, problems };
    const now = new Date().toISOString();
    // The chair's reason for returning it is answered by this submission; the audit log keeps it.
    const { returnReason: _answered, ...rest } = current;
    const submitted: SheetRow = {
      ...rest,
      status: 'submitted',
      revision: current.revision + 1,
      submittedAt: now,
      updatedAt: now,
    };
    await db.sheets.put(submitted);
    await appendAudit(db, {
      roundId,
      actor: actorName,
      action: 'sheet.submit',
      subject: `${packetId}/${expertId}`,
      detail: `提交评分表（第 ${submitted.revision} 版）`,
    });
    return { ok: true, sheet: submitted };
  });
}

export interface ExpertProgress {
  total: number;
  submitted: number;
  conflicts: number;
  toDo: number;
}

/** An expert's own progress: counts of their own sheets only, nothing about anyone else's. */
export async function expertProgress(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<ExpertProgress> {
  // Index counts only: a live query over these ranges is not woken by draft saves.
  const byStatus = (status: SheetRow['status']) =>
    db.sheets.where('[roundId+expertId+status]').equals([roundId, expertId, status]).count();
  const [assignments, submitted, conflicts] = await Promise.all([
    db.assignments.where('[roundId+expertId]').equals([roundId, expertId]).count(),
    byStatus('submitted'),
    byStatus('conflict'),
  ]);
  return { total: assignments, submitted, conflicts, toDo: assignments - submitted - conflicts };
}

export interface PacketProgress {
  assigned: number;
  submitted: number;
}

/** For the secretariat's list: how many of each packet's sheets are in. */
export async function packetProgress(
  db: ReviewDeskDb,
  roundId: string,
): Promise<Map<string, PacketProgress>> {
  const [assignments, sheets] = await Promise.all([
    db.assignments.where('roundId').equals(roundId).toArray(),
    db.sheets.where('roundId').equals(roundId).toArray(),
  ]);
  const progress = new Map<string, PacketProgress>();
  for (const a of assignments) {
    const entry = progress.get(a.packetId) ?? { assigned: 0, submitted: 0 };
    entry.assigned += 1;
    progress.set(a.packetId, entry);
  }
  for (const s of sheets) {
    if (s.status !== 'submitted') continue;
    const entry = progress.get(s.packetId);
    if (entry) entry.submitted += 1;
  }
  return progress;
}

/** Status of each of an expert's sheets in a round, by packet id. */
export async function expertSheetStatuses(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<Map<string, SheetRow['status']>> {
  const sheets = await db.sheets.where('[roundId+expertId]').equals([roundId, expertId]).toArray();
  return new Map(sheets.map((s) => [s.packetId, s.status]));
}
