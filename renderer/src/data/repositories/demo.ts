import { buildDemoRound } from '@shared/demo/demoRound';
import type { ReviewDeskDb } from '../db';
import { endSession } from '../session/session';
import { checkInExpert } from './checkInRepository';
import { importRound, type ImportOutcome } from './roundRepository';
import { secretariatState, setSecretariatPassphrase } from './secretariatRepository';

/** The secretariat passphrase the demo sets on a laptop that has none; the screen shows it. */
export const DEMO_SECRETARIAT_PASSPHRASE = '示例口令2026';

export type DemoOutcome = ImportOutcome & {
  /** The demo set DEMO_SECRETARIAT_PASSPHRASE (the laptop had no passphrase yet). */
  demoPassphrase: boolean;
};

/**
 * The empty state's 载入示例评审: the demo round generated in shared/, stored like any package.
 * So that a newcomer can try every role at once, on a laptop without a secretariat passphrase
 * it sets the demo's known one and checks every demo expert in (签到); it registers no key and
 * sets no PIN. Where a passphrase is already set, nobody but its holder checks experts in.
 */
export async function loadDemoRound(db: ReviewDeskDb): Promise<DemoOutcome> {
  const round = buildDemoRound();
  const outcome = await importRound(db, round, 'demo');
  if ((await secretariatState(db)).kind !== 'unset') return { ...outcome, demoPassphrase: false };
  const set = await setSecretariatPassphrase(
    db,
    DEMO_SECRETARIAT_PASSPHRASE,
    DEMO_SECRETARIAT_PASSPHRASE,
    null,
  );
  if (!set.ok) return { ...outcome, demoPassphrase: false };
  try {
    for (const expert of round.round.experts)
      await checkInExpert(db, set.session, round.round.id, expert.id);
  } finally {
    endSession(set.session);
  }
  return { ...outcome, demoPassphrase: true };
}
