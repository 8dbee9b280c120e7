import { OPINION_MAX_LENGTH } from '@shared/compile';
import type { ReviewDeskDb } from '../db';
import type { OpinionRow } from '../rows';
import type { Session } from '../session/session';
import { appendAudit } from './auditLog';
import { assertChairIn, requireChairSession } from './chairGuard';
import { assertResultsOpen } from './resultsLock';

/**
 * 专家组意见: the panel's opinion on a packet, written by the chair (组长) in their session. It is
 * required for packets recommended for selection (入选) and for vetoed ones before the results
 * can be confirmed (confirmationBlockers), goes into the signed workbook and the papers, and like
 * the results it is read-only once confirmed.
 */

export class OpinionError extends Error {
  override name = 'OpinionError';
}

const opinionKey = (roundId: string, packetId: string) => `${roundId}:${packetId}`;

/**
 * Write (or, with empty text, remove) the panel's opinion on a packet. Refused outside the
 * chair's session, after confirmation, for a packet the round does not list, and over
 * OPINION_MAX_LENGTH characters. Audited with the full wording.
 */
export async function saveOpinion(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  text: string,
): Promise<OpinionRow | null> {
  const chair = requireChairSession(session, roundId);
  // One line ending for every laptop: the workbook keeps LF only.
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed.length > OPINION_MAX_LENGTH) {
    throw new OpinionError(
      `专家组意见有 ${trimmed.length} 个字，超过 ${OPINION_MAX_LENGTH} 字的上限，请精简后再保存`,
    );
  }
  return db.transaction(
    'rw',
    [db.opinions, db.packets, db.experts, db.confirmations, db.audit],
    async () => {
      const chairName = await assertChairIn(db, chair);
      await assertResultsOpen(db, roundId);
      const packet = await db.packets.get(opinionKey(roundId, packetId));
      if (!packet || packet.withdrawn) throw new OpinionError(`本轮评审没有项目 ${packetId}`);
      const key = opinionKey(roundId, packetId);
      const before = await db.opinions.get(key);
      if (!trimmed) {
        if (!before) return null;
        await db.opinions.delete(key);
        await appendAudit(db, {
          roundId,
          actor: chairName,
          action: 'results.opinion',
          subject: packetId,
          detail: `删除专家组意见（原为：${before.text}）`,
        });
        return null;
      }
      if (before?.text === trimmed) return before;
      const row: OpinionRow = {
        key,
        roundId,
        packetId,
        text: trimmed,
        chair: chair.actor.name,
        chairId: chair.actor.expertId,
        at: new Date().toISOString(),
      };
      await db.opinions.put(row);
      await appendAudit(db, {
        roundId,
        actor: chairName,
        action: 'results.opinion',
        subject: packetId,
        detail: `${before ? '修改' : '填写'}专家组意见：${trimmed}`,
      });
      return row;
    },
  );
}

/** The round's opinions by packet id (a flat read, usable in live queries). */
export async function opinionsOf(
  db: ReviewDeskDb,
  roundId: string,
): Promise<Map<string, OpinionRow>> {
  const rows = await db.opinions.where('roundId').equals(roundId).toArray();
  return new Map(rows.map((row) => [row.packetId, row]));
}
