import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  idleLockMinutes,
} from '../data/repositories/deviceSettingsRepository';
import { useServices } from './AppServices';
import { useSessions } from './Sessions';

/** The time source of the idle lock; tests pass their own. */
export interface IdleClock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const id = window.setInterval(tick, ms);
    return () => window.clearInterval(id);
  },
};

/** Any of these in the window counts as someone at the laptop. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll', 'touchstart'];

/**
 * Locks the unlocked sessions (expert and secretariat) after the laptop's idle time without a
 * key, pointer or scroll. Locking ends the sessions in the data layer; what was typed is already
 * saved per keystroke, and the PIN or passphrase gate shows again.
 */
export function IdleLock({ clock = realClock }: { clock?: IdleClock }) {
  const { db } = useServices();
  const { expert, secretariat, lockExpert, lockSecretariat } = useSessions();
  const minutes = useLiveQuery(() => idleLockMinutes(db), [db]) ?? DEFAULT_IDLE_LOCK_MINUTES;
  const last = useRef(clock.now());
  const unlocked = expert !== null || secretariat !== null;

  useEffect(() => {
    if (!unlocked) return;
    last.current = clock.now();
    const touch = () => {
      last.current = clock.now();
    };
    for (const type of ACTIVITY)
      window.addEventListener(type, touch, { capture: true, passive: true });
    const limit = minutes * 60_000;
    const stop = clock.every(Math.min(1000, limit / 4), () => {
      if (clock.now() - last.current < limit) return;
      lockExpert();
      lockSecretariat();
    });
    return () => {
      stop();
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [unlocked, minutes, clock, lockExpert, lockSecretariat]);

  return null;
}
