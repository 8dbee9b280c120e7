import type { ReviewDeskDb } from '../db';
import {
  AccessDeniedError,
  actorLabel,
  isLive,
  requireExpertOf,
  type ExpertSession,
  type Session,
} from '../session/session';
import { expertKey } from './keys';

/**
 * The chair's session, checked before the transaction (a live expert session of the round) and
 * again inside it: `assertChairIn` reads the expert's role in the write's own transaction (which
 * must include db.experts), so a chair the secretariat has just replaced can no longer act.
 */
export const requireChairSession = (session: Session | null, roundId: string): ExpertSession =>
  requireExpertOf(session, roundId);

/** Inside the write's transaction: the session's expert is the round's 组长 now. Returns the audit label. */
export async function assertChairIn(db: ReviewDeskDb, session: ExpertSession): Promise<string> {
  const { roundId, expertId } = session.actor;
  const expert = await db.experts.get(expertKey(roundId, expertId));
  if (!isLive(session) || expert?.role !== 'chair' || expert.removed) {
    throw new AccessDeniedError(
      'chair',
      '只有专家组组长才能进行此操作；组长由秘书处在“评审组”中指定',
    );
  }
  return actorLabel(session.actor, 'chair');
}

/** The secretariat, or the round's chair (checked in the transaction), e.g. for the result export. */
export async function assertSecretariatOrChairIn(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
): Promise<string> {
  if (isLive(session) && session.actor.kind === 'secretariat') return actorLabel(session.actor);
  return assertChairIn(db, requireChairSession(session, roundId));
}
