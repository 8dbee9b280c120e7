import type { Rubric } from '@shared/model/rubric';
import { scoresFromInputs, sheetProblems, type SheetProblem } from '@shared/rubric/points';
import type { ReviewDeskDb } from '../db';
import type { SheetRow } from '../rows';
import { actorLabel, requireExpert, type Session } from '../session/session';
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

/** A stored sheet, or undefined when the expert has not typed anything into it yet. */
export async function findSheet(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
  expertId: string,
): Promise<SheetRow | undefined> {
  return db.sheets.get(sheetKey(roundId, packetId, expertId));
}

function withChange(current: SheetRow, change: SheetDraftChange): SheetRow {
  const inputs = change.inputs ?? current.inputs;
  return {
    ...current,
    inputs,
    scores: scoresFromInputs(inputs),
    vetoes: change.vetoes ?? current.vetoes,
    vetoReasons: change.vetoReasons ?? current.vetoReasons,
    comment: change.comment ?? current.comment,
    updatedAt: new Date().toISOString(),
  };
}

/** The stored sheet is no longer the one the caller based its change on. */
class StaleSheetError extends Error {
  override name = 'StaleSheetError';
}

// Rows read back from IndexedDB are structured clones of what was put: same members, same order.
const sameRow = (a: SheetRow | undefined, b: SheetRow | null) =>
  a === undefined ? b === null : b !== null && JSON.stringify(a) === JSON.stringify(b);

/**
 * Save what the expert just typed. Called on every keystroke; resolves once the change is
 * durably committed (the database is opened with strict durability) with the row now stored.
 *
 * `expected` is the stored row the caller's change is based on (null: none stored yet), as the
 * previous save returned it. Then the write goes out right behind the read that checks it, one
 * round trip to the database instead of two; if the sheet changed meanwhile (returned by the
 * chair, submitted elsewhere), that transaction is rolled back and the change is applied to what
 * is stored, as without `expected`.
 *
 * Only the expert's own unlocked session writes their sheet; the check is an in-memory lookup,
 * so it adds nothing to the keystroke's round trip.
 */
export async function saveDraft(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  expertId: string,
  change: SheetDraftChange,
  expected?: SheetRow | null,
): Promise<SheetRow> {
  requireExpert(session, roundId, expertId);
  const key = sheetKey(roundId, packetId, expertId);
  const base =
    expected === undefined ? undefined : (expected ?? emptySheet(roundId, packetId, expertId));
  if (base && editable(base)) {
    const next = withChange(base, change);
    try {
      return await db.transaction('rw', db.sheets, async () => {
        const stored = db.sheets.get(key);
        const written = db.sheets.put(next);
        // When the check fails this write is rolled back; its rejection is expected then.
        written.catch(() => undefined);
        if (!sameRow(await stored, expected ?? null)) throw new StaleSheetError();
        await written;
        return next;
      });
    } catch (error) {
      if (!(error instanceof StaleSheetError)) throw error;
    }
  }
  return db.transaction('rw', db.sheets, async () => {
    const current = (await db.sheets.get(key)) ?? emptySheet(roundId, packetId, expertId);
    if (!editable(current)) throw new SheetLockedError();
    const next = withChange(current, change);
    await db.sheets.put(next);
    return next;
  });
}

export type SubmitOutcome = { ok: true; sheet: SheetRow } | { ok: false; problems: SheetProblem[] };

/** Validate against the rubric and lock. Problems come back in sheet order for the UI to show. */
export async function submitSheet(
  db: ReviewDeskDb,
  session: Session | null,
  rubric: Rubric,
  roundId: string,
  packetId: string,
  expertId: string,
): Promise<SubmitOutcome> {
  const actorName = actorLabel(requireExpert(session, roundId, expertId).actor);
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
  const total = await expertAssignmentCount(db, roundId, expertId);
  return progressFrom(total, await expertSheetCounts(db, roundId, expertId));
}

/**
 * How many packets the expert is to score. A live query of its own: it reads only
 * assignments, so saving a sheet never re-runs it. Counting 2,000 index entries takes the
 * database ~8 ms, and while it runs the next keystroke's save waits behind it.
 */
export function expertAssignmentCount(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<number> {
  return db.assignments.where('[roundId+expertId]').equals([roundId, expertId]).count();
}

export interface ExpertSheetCounts {
  submitted: number;
  conflicts: number;
}

/**
 * Submitted and 回避 sheets, on the status index (drafts are not in these ranges). The progress
 * bar runs this as a live query beside the sheet being typed into, so it lists the matching keys
 * rather than counting them: Dexie re-runs a live `count()` on an index after every write to the
 * table (it cannot tell which index entries a put replaced), which would be two reads behind
 * every keystroke's save; a live key listing re-runs only when a write touches one of the keys it
 * returned or puts a row into its range (a submission, a 回避, a sheet returned by the chair).
 * One read at a time (the live-query rule, queries.ts).
 */
export async function expertSheetCounts(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<ExpertSheetCounts> {
  const byStatus = (status: SheetRow['status']) =>
    db.sheets.where('[roundId+expertId+status]').equals([roundId, expertId, status]).primaryKeys();
  const submitted = await byStatus('submitted');
  const conflicts = await byStatus('conflict');
  return { submitted: submitted.length, conflicts: conflicts.length };
}

export function progressFrom(total: number, counts: ExpertSheetCounts): ExpertProgress {
  const { submitted, conflicts } = counts;
  return { total, submitted, conflicts, toDo: total - submitted - conflicts };
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
