import { pledgeCode, type PledgeFacts } from '@shared/pledge/pledgeCode';
import type { ReviewDeskDb } from '../db';
import { actorLabel, requireSecretariat, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import { registeredKeyOf } from './expertKeyRepository';
import { expertKey } from './keys';

/**
 * The 承诺书 an expert signs at 签到: what the paper states and its check code. Null until the
 * expert is checked in: the pledge is signed at the desk, in front of the secretariat.
 */
export interface PledgeView extends PledgeFacts {
  code: string;
}

export async function pledgeView(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<PledgeView | null> {
  const key = expertKey(roundId, expertId);
  const [round, expert, checkIn, registered] = await Promise.all([
    db.rounds.get(roundId),
    db.experts.get(key),
    db.checkIns.get(key),
    registeredKeyOf(db, roundId, expertId),
  ]);
  if (!round || !expert || !checkIn) return null;
  const facts: PledgeFacts = {
    roundId,
    roundTitle: round.title,
    expertId,
    name: expert.name,
    org: expert.org,
    title: expert.title ?? '',
    fingerprint: registered?.fingerprint ?? null,
    checkedInAt: checkIn.at,
  };
  return { ...facts, code: pledgeCode(facts) };
}

/**
 * 承诺书 printed: the audit log keeps its check code, so the signed paper in the file is matched
 * to this check-in and to the key it names.
 */
export async function recordPledgePrinted(
  db: ReviewDeskDb,
  session: Session | null,
  pledge: PledgeView,
): Promise<void> {
  const secretariat = requireSecretariat(session);
  await db.transaction('rw', [db.audit], async () => {
    await appendAudit(db, {
      roundId: pledge.roundId,
      actor: actorLabel(secretariat.actor),
      action: 'expert.pledge',
      subject: pledge.expertId,
      detail: `打印${pledge.name}（${pledge.expertId}）的承诺书，核对码 ${pledge.code}，公钥指纹 ${pledge.fingerprint ?? '未登记'}`,
    });
  });
}
