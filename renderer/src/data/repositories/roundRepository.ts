import { ROUND_FORMAT, type Packet, type Round } from '@shared/model/roundPackage';
import { roundContentDigest } from '@shared/rounds/contentDigest';
import { diffRounds, isEmptyDiff, type RoundDiff } from '@shared/rounds/roundDiff';
import type { ReviewDeskDb } from '../db';
import type { PacketFlagRow, PacketRow, RoundRow } from '../rows';
import { requireSecretariat, SECRETARIAT_ACTOR, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import {
  AHEAD_BATCH_BYTES,
  attachmentRow,
  pendingBytes,
  checkWrittenAhead,
  storeWithAttachments,
  withRoundCreationLock,
  type PendingAttachment,
} from './attachmentsAhead';
import {
  assignmentKey,
  attachmentKey,
  expertKey,
  packetAssignmentsPrefix,
  packetKey,
} from './keys';

export interface RoundContent {
  round: Round;
  packets: Packet[];
  /**
   * Attachment contents by their path inside the package: bytes, or Blobs the import already
   * built while the package was being read (parsePackage).
   */
  attachments: ReadonlyMap<string, Uint8Array | Blob>;
}

export type ImportOutcome =
  | { kind: 'imported'; roundId: string }
  | { kind: 'unchanged'; roundId: string }
  /** A different version of a stored round: nothing was written; confirm with applyRoundUpdate. */
  | { kind: 'changed'; roundId: string; plan: UpdatePlan };

/** What applying a newer version would do, for the confirmation screen. */
export interface UpdatePlan {
  diff: RoundDiff;
  /** Digest of the stored round the diff was computed against (guards a stale confirmation). */
  baseDigest: string;
  baseRevision: number;
  /** Sheets on packets the update changes or removes: kept and flagged, never edited. */
  flaggedSheets: { packetId: string; sheets: number; kind: 'changed' | 'withdrawn' }[];
}

export class StaleUpdateError extends Error {
  constructor() {
    super('评审数据在确认前已被更改，请重新导入评审包后再确认');
    this.name = 'StaleUpdateError';
  }
}

const mimeByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain;charset=utf-8',
};

export function mimeFor(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return mimeByExtension[extension] ?? 'application/octet-stream';
}

/** The attachment rows of `packets`, their Blobs not made yet (see attachmentRow). */
function pendingAttachmentsFor(
  roundId: string,
  packets: readonly Packet[],
  attachments: ReadonlyMap<string, Uint8Array | Blob>,
): PendingAttachment[] {
  return packets.flatMap((packet) =>
    packet.attachments.map((ref) => {
      const content = attachments.get(ref.path);
      if (!content) throw new Error(`附件缺失：${ref.path}`);
      return {
        key: attachmentKey(roundId, ref.path),
        roundId,
        packetId: packet.id,
        name: ref.name,
        path: ref.path,
        sha256: ref.sha256,
        size: ref.size,
        mime: mimeFor(ref.name),
        content,
      };
    }),
  );
}

const toPacketRow = (roundId: string, packet: Packet): PacketRow => ({
  ...packet,
  key: packetKey(roundId, packet.id),
  roundId,
});

/** The stored round as the package that made it (withdrawn packets are not part of it). */
export async function storedRoundContent(
  db: ReviewDeskDb,
  roundId: string,
): Promise<{ row: RoundRow; round: Round; packets: Packet[] } | undefined> {
  const row = await db.rounds.get(roundId);
  if (!row) return undefined;
  const [experts, packetRows] = await Promise.all([
    db.experts.where('roundId').equals(roundId).toArray(),
    db.packets.where('roundId').equals(roundId).toArray(),
  ]);
  const round: Round = {
    format: ROUND_FORMAT,
    id: row.id,
    title: row.title,
    kind: row.kind,
    programme: row.programme,
    rubric: row.rubric,
    aggregation: row.aggregation,
    quotas: row.quotas,
    experts: experts
      .filter((e) => !e.removed)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ id, name, org, city, title }) => ({
        id,
        name,
        org,
        city,
        ...(title ? { title } : {}),
      })),
  };
  const packets = packetRows
    .filter((p) => !p.withdrawn)
    .map(({ id, title, applicant, category, group, fields, attachments }) => ({
      id,
      title,
      applicant,
      category,
      group,
      fields,
      attachments,
    }));
  return { row, round, packets };
}

async function sheetsByPacket(db: ReviewDeskDb, roundId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.sheets
    .where('roundId')
    .equals(roundId)
    .each((sheet) => counts.set(sheet.packetId, (counts.get(sheet.packetId) ?? 0) + 1));
  return counts;
}

/** Compare `content` with what is stored: new, unchanged, or a plan for the update. */
export async function planRoundImport(
  db: ReviewDeskDb,
  content: RoundContent,
): Promise<ImportOutcome | { kind: 'new'; roundId: string }> {
  const roundId = content.round.id;
  const stored = await storedRoundContent(db, roundId);
  if (!stored) return { kind: 'new', roundId };
  const digest = roundContentDigest(content.round, content.packets);
  if (stored.row.digest === digest) return { kind: 'unchanged', roundId };
  const diff = diffRounds(stored, content);
  if (isEmptyDiff(diff)) return { kind: 'unchanged', roundId };
  const sheets = await sheetsByPacket(db, roundId);
  const flaggedSheets: UpdatePlan['flaggedSheets'] = [];
  for (const c of diff.changed) {
    const n = sheets.get(c.id) ?? 0;
    if (n > 0) flaggedSheets.push({ packetId: c.id, sheets: n, kind: 'changed' });
  }
  for (const r of diff.removed) {
    const n = sheets.get(r.id) ?? 0;
    if (n > 0) flaggedSheets.push({ packetId: r.id, sheets: n, kind: 'withdrawn' });
  }
  return {
    kind: 'changed',
    roundId,
    plan: {
      diff,
      baseDigest: stored.row.digest,
      baseRevision: stored.row.revision,
      flaggedSheets,
    },
  };
}

/**
 * Store a new round so that either all of it is there afterwards or none of it: one transaction,
 * except that a large round's attachments are written ahead in batches (attachmentsAhead.ts),
 * out of sight until that transaction adds the round. The same content again is a no-op; a
 * different version of a stored round is only compared (kind 'changed') and applied by
 * applyRoundUpdate once the secretariat confirms it.
 */
export async function importRound(
  db: ReviewDeskDb,
  content: RoundContent,
  source: string,
  /** Bytes per transaction of attachments written ahead; larger totals are written ahead. */
  options: { batchBytes?: number } = {},
): Promise<ImportOutcome> {
  const { round, packets, attachments } = content;
  const pending = pendingAttachmentsFor(round.id, packets, attachments);
  const digest = roundContentDigest(round, packets);
  const batchBytes = options.batchBytes ?? AHEAD_BATCH_BYTES;
  const ahead = pendingBytes(pending) > batchBytes;
  return withRoundCreationLock(async () => {
    const plan = await planRoundImport(db, content);
    if (plan.kind !== 'new') return plan;
    return storeWithAttachments(
      db,
      round.id,
      pending,
      { ahead, batchBytes },
      (attachmentRows, writtenAhead) =>
        db.transaction('rw', [...ROUND_TABLES(db)], async () => {
          const again = await planRoundImport(db, content);
          if (again.kind !== 'new') return again;
          await checkWrittenAhead(db, round.id, writtenAhead);
          const row: RoundRow = {
            id: round.id,
            title: round.title,
            kind: round.kind,
            programme: round.programme,
            rubric: round.rubric,
            aggregation: round.aggregation,
            quotas: round.quotas,
            source,
            importedAt: new Date().toISOString(),
            digest,
            revision: 1,
          };
          await db.rounds.add(row);
          await db.packets.bulkAdd(packets.map((packet) => toPacketRow(round.id, packet)));
          if (attachmentRows.length > 0) await db.attachments.bulkAdd(attachmentRows);
          await db.experts.bulkAdd(
            round.experts.map((expert) => ({
              ...expert,
              key: expertKey(round.id, expert.id),
              roundId: round.id,
              role: 'expert' as const,
            })),
          );
          // Until the secretariat assigns the panel by group, every expert scores every packet.
          await db.assignments.bulkAdd(
            packets.flatMap((packet) =>
              round.experts.map((expert) => assignmentRow(round.id, packet.id, expert.id)),
            ),
          );
          await appendAudit(db, {
            roundId: round.id,
            actor: SECRETARIAT_ACTOR,
            action: 'round.import',
            subject: round.id,
            detail: `导入评审“${round.title}”：${packets.length} 个项目，${round.experts.length} 位专家，${pending.length} 个附件（来源：${source}）`,
          });
          return { kind: 'imported', roundId: round.id } as const;
        }),
    );
  });
}

const assignmentRow = (roundId: string, packetId: string, expertId: string) => ({
  key: assignmentKey(roundId, packetId, expertId),
  roundId,
  packetId,
  expertId,
});

const ROUND_TABLES = (db: ReviewDeskDb) => [
  db.rounds,
  db.packets,
  db.attachments,
  db.experts,
  db.assignments,
  db.sheets,
  db.packetFlags,
  db.audit,
];

/**
 * Apply a newer version of a stored round after the secretariat confirmed `plan`. Sheets are
 * never edited or deleted: sheets on unchanged packets are not touched at all; a changed packet
 * is updated and its sheets flagged for re-checking; a removed packet that has sheets is kept
 * as withdrawn (its sheets keep their context) and unassigned, one without sheets is deleted.
 * Refused with StaleUpdateError if the stored round changed since the plan was made.
 */
export async function applyRoundUpdate(
  db: ReviewDeskDb,
  session: Session | null,
  content: RoundContent,
  source: string,
  plan: UpdatePlan,
): Promise<ImportOutcome> {
  // A newer version changes the roster, the rubric and the packets: the secretariat's to apply.
  requireSecretariat(session);
  const { round, packets } = content;
  const touched = new Set([...plan.diff.added, ...plan.diff.changed].map((p) => p.id));
  // One transaction with every new Blob: an update adds or changes a few packets. (Writing ahead
  // as importRound does would overwrite the stored round's rows of changed paths before the
  // confirmation commits.)
  const attachmentRows = pendingAttachmentsFor(
    round.id,
    packets.filter((p) => touched.has(p.id)),
    content.attachments,
  ).map(attachmentRow);
  const digest = roundContentDigest(round, packets);
  const byId = new Map(packets.map((p) => [p.id, p]));
  return db.transaction('rw', [...ROUND_TABLES(db)], async () => {
    const row = await db.rounds.get(round.id);
    if (!row || row.digest !== plan.baseDigest || row.revision !== plan.baseRevision) {
      throw new StaleUpdateError();
    }
    const current = await planRoundImport(db, content);
    if (current.kind !== 'changed') return { kind: 'unchanged', roundId: round.id };
    const revision = row.revision + 1;
    const at = new Date().toISOString();
    const sheets = await sheetsByPacket(db, round.id);
    await db.rounds.put({
      ...row,
      title: round.title,
      kind: round.kind,
      programme: round.programme,
      rubric: round.rubric,
      aggregation: round.aggregation,
      quotas: round.quotas,
      source,
      digest,
      revision,
    });
    const { diff } = current.plan;
    for (const id of [...diff.changed.map((c) => c.id), ...diff.removed.map((r) => r.id)]) {
      const old = await db.attachments
        .where('packetId')
        .equals(id)
        .filter((a) => a.roundId === round.id)
        .primaryKeys();
      await db.attachments.bulkDelete(old);
    }
    await db.attachments.bulkPut(attachmentRows);
    for (const c of diff.changed) {
      await db.packets.put(toPacketRow(round.id, byId.get(c.id)!));
      const n = sheets.get(c.id) ?? 0;
      if (n > 0) {
        await db.packetFlags.put({
          key: packetKey(round.id, c.id),
          roundId: round.id,
          packetId: c.id,
          kind: 'changed',
          fields: c.fields,
          sheets: n,
          revision,
          at,
        });
      }
    }
    for (const r of diff.removed) {
      const key = packetKey(round.id, r.id);
      const n = sheets.get(r.id) ?? 0;
      const assignments = await db.assignments
        .where('key')
        .startsWith(packetAssignmentsPrefix(round.id, r.id))
        .primaryKeys();
      await db.assignments.bulkDelete(assignments);
      if (n > 0) {
        await db.packets.update(key, { withdrawn: true });
        await db.packetFlags.put({
          key,
          roundId: round.id,
          packetId: r.id,
          kind: 'withdrawn',
          fields: [],
          sheets: n,
          revision,
          at,
        });
      } else {
        await db.packets.delete(key);
      }
    }
    const experts = await db.experts.where('roundId').equals(round.id).toArray();
    const active = experts.filter((e) => !e.removed && e.role === 'expert').map((e) => e.id);
    for (const e of diff.expertsAdded) active.push(e.id);
    for (const a of diff.added) {
      await db.packets.put(toPacketRow(round.id, byId.get(a.id)!));
      // A packet that comes back after being withdrawn is simply active again.
      await db.packetFlags.delete(packetKey(round.id, a.id));
      const removedIds = new Set(diff.expertsRemoved.map((e) => e.id));
      await db.assignments.bulkPut(
        active.filter((id) => !removedIds.has(id)).map((id) => assignmentRow(round.id, a.id, id)),
      );
    }
    for (const e of [...diff.expertsAdded, ...diff.expertsChanged]) {
      const key = expertKey(round.id, e.id);
      const existing = await db.experts.get(key);
      await db.experts.put({
        ...(existing ?? { role: 'expert' as const }),
        ...e,
        key,
        roundId: round.id,
        removed: false,
      });
    }
    for (const e of diff.expertsAdded) {
      await db.assignments.bulkPut(packets.map((p) => assignmentRow(round.id, p.id, e.id)));
    }
    for (const e of diff.expertsRemoved) {
      // Their sheets stay (the record of what they did); they get no further packets.
      const key = expertKey(round.id, e.id);
      await db.experts.update(key, { removed: true });
      const assignments = await db.assignments
        .where('[roundId+expertId]')
        .equals([round.id, e.id])
        .primaryKeys();
      await db.assignments.bulkDelete(assignments);
    }
    await appendAudit(db, {
      roundId: round.id,
      actor: SECRETARIAT_ACTOR,
      action: 'round.update',
      subject: round.id,
      detail:
        `更新评审为第 ${revision} 版（来源：${source}）：新增 ${diff.added.length} 个项目，` +
        `移除 ${diff.removed.length} 个，变更 ${diff.changed.length} 个` +
        (diff.rubricChanged ? '，评分表已变更' : '') +
        (current.plan.flaggedSheets.length
          ? `；${current.plan.flaggedSheets.length} 个项目上已有评分表，已保留并标记待复核`
          : ''),
    });
    return { kind: 'imported', roundId: round.id } as const;
  });
}

export const packetFlag = (
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
): Promise<PacketFlagRow | undefined> => db.packetFlags.get(packetKey(roundId, packetId));

export async function packetFlagsForRound(
  db: ReviewDeskDb,
  roundId: string,
): Promise<PacketFlagRow[]> {
  return db.packetFlags.where('roundId').equals(roundId).toArray();
}

export async function listRounds(db: ReviewDeskDb): Promise<RoundRow[]> {
  return (await db.rounds.toArray()).sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}
