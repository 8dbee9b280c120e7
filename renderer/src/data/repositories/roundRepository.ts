import type { Packet, Round } from '../../../../shared/model/roundPackage';
import type { ReviewDeskDb } from '../db';
import type { AttachmentRow, RoundRow } from '../rows';
import { appendAudit } from './auditLog';
import { attachmentKey, expertKey, packetKey } from './keys';

export interface RoundContent {
  round: Round;
  packets: Packet[];
  /** Attachment bytes by their path inside the package. */
  attachments: ReadonlyMap<string, Uint8Array>;
}

export type ImportOutcome =
  { kind: 'imported'; roundId: string } | { kind: 'unchanged'; roundId: string };

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

/**
 * Store a whole round in one transaction: either all of it is there afterwards or none of it.
 * A round already stored is left untouched (the package diff and update flow is issue #3).
 */
export async function importRound(
  db: ReviewDeskDb,
  content: RoundContent,
  source: string,
): Promise<ImportOutcome> {
  const { round, packets, attachments } = content;
  // Blobs are built before the transaction: an IndexedDB transaction commits as soon as it
  // waits on anything that is not a request of its own.
  const attachmentRows: AttachmentRow[] = packets.flatMap((packet) =>
    packet.attachments.map((ref) => {
      const bytes = attachments.get(ref.path);
      if (!bytes) throw new Error(`附件缺失：${ref.path}`);
      return {
        key: attachmentKey(round.id, ref.path),
        roundId: round.id,
        packetId: packet.id,
        name: ref.name,
        path: ref.path,
        sha256: ref.sha256,
        size: ref.size,
        mime: mimeFor(ref.name),
        blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeFor(ref.name) }),
      };
    }),
  );
  return db.transaction(
    'rw',
    [db.rounds, db.packets, db.attachments, db.experts, db.assignments, db.audit],
    async () => {
      if (await db.rounds.get(round.id)) return { kind: 'unchanged', roundId: round.id } as const;
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
      };
      await db.rounds.add(row);
      await db.packets.bulkAdd(
        packets.map((packet) => ({
          ...packet,
          key: packetKey(round.id, packet.id),
          roundId: round.id,
        })),
      );
      await db.attachments.bulkAdd(attachmentRows);
      await db.experts.bulkAdd(
        round.experts.map((expert) => ({
          ...expert,
          key: expertKey(round.id, expert.id),
          roundId: round.id,
          role: 'expert' as const,
        })),
      );
      // Until the panel is prepared (issue #4) every expert scores every packet.
      await db.assignments.bulkAdd(
        packets.flatMap((packet) =>
          round.experts.map((expert) => ({
            key: `${round.id}:${packet.id}:${expert.id}`,
            roundId: round.id,
            packetId: packet.id,
            expertId: expert.id,
          })),
        ),
      );
      await appendAudit(db, {
        roundId: round.id,
        actor: '秘书',
        action: 'round.import',
        subject: round.id,
        detail: `导入评审“${round.title}”：${packets.length} 个项目，${round.experts.length} 位专家，${attachmentRows.length} 个附件（来源：${source}）`,
      });
      return { kind: 'imported', roundId: round.id } as const;
    },
  );
}

export async function listRounds(db: ReviewDeskDb): Promise<RoundRow[]> {
  return (await db.rounds.toArray()).sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}
