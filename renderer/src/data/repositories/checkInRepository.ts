import type { ReviewDeskDb } from '../db';
import type { CheckInRow } from '../rows';
import { actorLabel, requireSecretariat, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import { expertKey } from './keys';

/**
 * 签到: the secretariat confirms, in person, that an expert of the round is at this laptop. Only
 * a checked-in expert may choose a PIN here, so nobody can set the first PIN of an expert who
 * has not come to the desk.
 */
export class CheckInError extends Error {
  override name = 'CheckInError';
}

export async function checkInExpert(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  expertId: string,
): Promise<void> {
  const secretariat = requireSecretariat(session);
  await db.transaction('rw', [db.experts, db.checkIns, db.audit], async () => {
    const expert = await db.experts.get(expertKey(roundId, expertId));
    if (!expert) throw new CheckInError(`本评审没有专家 ${expertId}，请核对专家名单`);
    const key = expertKey(roundId, expertId);
    if (await db.checkIns.get(key)) return;
    const row: CheckInRow = { key, roundId, expertId, at: new Date().toISOString() };
    await db.checkIns.add(row);
    await appendAudit(db, {
      roundId,
      actor: actorLabel(secretariat.actor),
      action: 'expert.checkin',
      subject: expertId,
      detail: `${expert.name}（${expertId}）在本机签到`,
    });
  });
}

export async function checkInsForRound(db: ReviewDeskDb, roundId: string): Promise<CheckInRow[]> {
  return (await db.checkIns.where('roundId').equals(roundId).toArray()).sort((a, b) =>
    a.at.localeCompare(b.at),
  );
}

export async function isCheckedIn(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<boolean> {
  return (await db.checkIns.get(expertKey(roundId, expertId))) !== undefined;
}
