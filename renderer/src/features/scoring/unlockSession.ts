import { useSyncExternalStore } from 'react';

/**
 * Which expert has unlocked this window with their PIN. Kept in sessionStorage: it survives a
 * reload (an expert reloading mid-sheet is not asked again) but not closing the window, and
 * 切换专家 on a shared laptop clears it.
 */
const KEY = 'review-desk.unlocked';
const EVENT = 'review-desk:unlock-changed';

interface Unlocked {
  roundId: string;
  expertId: string;
}

function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
}

export function useIsUnlocked(roundId: string, expertId: string): boolean {
  const raw = useSyncExternalStore(subscribe, read);
  if (!raw) return false;
  try {
    const unlocked = JSON.parse(raw) as Unlocked;
    return unlocked.roundId === roundId && unlocked.expertId === expertId;
  } catch {
    return false;
  }
}

/** The expert unlocked in this window for `roundId`, or null (拉练: the current inspector). */
export function useUnlockedExpertId(roundId: string): string | null {
  const raw = useSyncExternalStore(subscribe, read);
  if (!raw) return null;
  try {
    const unlocked = JSON.parse(raw) as Unlocked;
    return unlocked.roundId === roundId ? unlocked.expertId : null;
  } catch {
    return null;
  }
}

export function markUnlocked(roundId: string, expertId: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ roundId, expertId } satisfies Unlocked));
  } catch {
    // Without sessionStorage the expert simply unlocks again after a reload.
  }
  window.dispatchEvent(new Event(EVENT));
}

export function lock(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
  window.dispatchEvent(new Event(EVENT));
}
