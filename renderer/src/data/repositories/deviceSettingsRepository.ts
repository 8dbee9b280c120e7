import type { ReviewDeskDb } from '../db';
import { requireSecretariat, type Session } from '../session/session';

const IDLE_LOCK_KEY = 'device:idleLockMinutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
/** Bounds of the idle time: a tenth of a minute (for a quick check on site) to two hours. */
export const IDLE_LOCK_MIN = 0.1;
export const IDLE_LOCK_MAX = 120;

/** Minutes without a key, pointer or scroll after which an unlocked session locks itself. */
export async function idleLockMinutes(db: ReviewDeskDb): Promise<number> {
  const stored = (await db.settings.get(IDLE_LOCK_KEY))?.value;
  return typeof stored === 'number' && stored >= IDLE_LOCK_MIN && stored <= IDLE_LOCK_MAX
    ? stored
    : DEFAULT_IDLE_LOCK_MINUTES;
}

export class DeviceSettingError extends Error {
  override name = 'DeviceSettingError';
}

/** The secretariat sets the idle time for this laptop (every round, every session on it). */
export async function saveIdleLockMinutes(
  db: ReviewDeskDb,
  session: Session | null,
  minutes: number,
): Promise<void> {
  requireSecretariat(session);
  if (!Number.isFinite(minutes) || minutes < IDLE_LOCK_MIN || minutes > IDLE_LOCK_MAX)
    throw new DeviceSettingError(
      `自动锁定时间须在 ${IDLE_LOCK_MIN} 到 ${IDLE_LOCK_MAX} 分钟之间，请重新填写`,
    );
  await db.settings.put({ key: IDLE_LOCK_KEY, value: minutes });
}
