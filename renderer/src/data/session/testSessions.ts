/**
 * Sessions for repository tests. Tests about credentials open sessions through the real
 * passphrase and PIN functions; the others take these, issued as the credential checks would.
 */
import type { ReviewDeskDb } from '../db';
import { expertKey } from '../repositories/keys';
import { issueSession, type Session } from './session';

export const secretariat = (): Session => issueSession({ kind: 'secretariat' });

/** The session of a rostered expert, named as the roster names them. */
export async function expertSession(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<Session> {
  const expert = await db.experts.get(expertKey(roundId, expertId));
  if (!expert) throw new Error(`test: no expert ${expertId} in ${roundId}`);
  return issueSession({ kind: 'expert', roundId, expertId, name: expert.name });
}

/** Makes `expertId` the round's chair (as the secretariat would) and returns their session. */
export async function chairSession(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<Session> {
  await db.transaction('rw', db.experts, async () => {
    for (const e of await db.experts.where('roundId').equals(roundId).toArray()) {
      if (e.role === 'chair' && e.id !== expertId)
        await db.experts.update(e.key, { role: 'expert' });
    }
    await db.experts.update(expertKey(roundId, expertId), { role: 'chair' });
  });
  return expertSession(db, roundId, expertId);
}
