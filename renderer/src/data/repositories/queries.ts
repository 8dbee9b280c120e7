import type { ReviewDeskDb } from '../db';
import type {
  AssignmentRow,
  AttachmentRow,
  ExpertRow,
  PacketRow,
  RoundRow,
  SheetRow,
} from '../rows';
import { expertKey, packetKey } from './keys';
import { compareChinese } from '@shared/collation/chineseOrder';

/**
 * Read-side queries the screens use; screens never touch tables directly (eslint.config.js
 * refuses `db.<table>` outside renderer/src/data).
 *
 * The live-query rule. A function a screen may call inside `useLiveQuery` reads one Dexie request
 * at a time and awaits each Dexie promise directly:
 *
 *   const experts = await db.experts.where('roundId').equals(roundId).toArray();
 *   const sheets = await db.sheets.where('roundId').equals(roundId).toArray();
 *
 * No `Promise.all` over reads, no nested async helpers run side by side, no other async API
 * (WebCrypto, timers) between reads. Dexie carries the live query's context (which tables and
 * keys it observes) and a transaction's context across awaits of its own promises; in Chromium
 * that context is lost across awaits of other promises, and a read made after that is not
 * observed (the screen stays stale) or runs outside the transaction (PrematureCommitError).
 * Per-row lookups become one read of the round's rows and a Map, which is also fewer requests.
 * Repository functions that back live queries follow it and point here rather than restate it.
 */

export interface RoundSummary extends RoundRow {
  packetCount: number;
  expertCount: number;
}

export async function roundSummaries(db: ReviewDeskDb): Promise<RoundSummary[]> {
  // The home page's live query: one read at a time (see the live-query rule above).
  const rounds = await db.rounds.toArray();
  const summaries: RoundSummary[] = [];
  for (const round of rounds) {
    const packetCount = await db.packets
      .where('roundId')
      .equals(round.id)
      .filter((p) => !p.withdrawn)
      .count();
    const expertCount = await db.experts.where('roundId').equals(round.id).count();
    summaries.push({ ...round, packetCount, expertCount });
  }
  return summaries.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

export const getRound = (db: ReviewDeskDb, roundId: string): Promise<RoundRow | undefined> =>
  db.rounds.get(roundId);

/** How many rounds the database holds (withdrawn or not). */
export const countRounds = (db: ReviewDeskDb): Promise<number> => db.rounds.count();

export async function listPackets(db: ReviewDeskDb, roundId: string): Promise<PacketRow[]> {
  const packets = (await db.packets.where('roundId').equals(roundId).toArray()).filter(
    (p) => !p.withdrawn,
  );
  return packets.sort((a, b) => compareChinese(a.id, b.id));
}

export const getPacket = (
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
): Promise<PacketRow | undefined> => db.packets.get(packetKey(roundId, packetId));

export async function listAttachments(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
): Promise<AttachmentRow[]> {
  const rows = await db.attachments
    .where('packetId')
    .equals(packetId)
    .filter((a) => a.roundId === roundId)
    .toArray();
  return rows.sort((a, b) => a.path.localeCompare(b.path));
}

export async function listExperts(db: ReviewDeskDb, roundId: string): Promise<ExpertRow[]> {
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  return experts.sort((a, b) => compareChinese(a.id, b.id));
}

/** Every assignment of a round (expert × packet), in storage order. */
export const listAssignments = (db: ReviewDeskDb, roundId: string): Promise<AssignmentRow[]> =>
  db.assignments.where('roundId').equals(roundId).toArray();

/** Every stored score sheet of a round, whatever its status. */
export const listSheets = (db: ReviewDeskDb, roundId: string): Promise<SheetRow[]> =>
  db.sheets.where('roundId').equals(roundId).toArray();

export const getExpert = (
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<ExpertRow | undefined> => db.experts.get(expertKey(roundId, expertId));

/** The packets assigned to one expert, in list order. */
export async function packetsAssignedTo(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<PacketRow[]> {
  const assignments = await db.assignments
    .where('[roundId+expertId]')
    .equals([roundId, expertId])
    .toArray();
  const packets = await db.packets.bulkGet(assignments.map((a) => packetKey(roundId, a.packetId)));
  return packets
    .filter((p): p is PacketRow => p !== undefined)
    .sort((a, b) => compareChinese(a.id, b.id));
}

/** Case- and width-insensitive match over what a secretary searches by. */
export function packetMatches(packet: PacketRow, query: string): boolean {
  const needle = query.trim().normalize('NFKC').toLowerCase();
  if (!needle) return true;
  return [
    packet.id,
    packet.title,
    packet.applicant.name,
    packet.applicant.city,
    packet.applicant.county,
    packet.group,
    packet.category,
  ].some((field) => field.normalize('NFKC').toLowerCase().includes(needle));
}
