/**
 * Noticing that the database has gone.
 *
 * Chromium deletes an IndexedDB database it finds corrupt when opening it (a LevelDB “checksum
 * mismatch”, which a crash at the wrong moment can leave: google/leveldb#1287), and says nothing
 * to the page: the app would start empty, as on a new laptop, and an expert could take days of
 * scoring for lost without being told to restore a backup. A note outside IndexedDB
 * (localStorage, kept in other files) remembers how many rounds were stored; finding none when
 * the note says there were is a loss to tell the user about.
 */
import { liveQuery } from 'dexie';
import type { ReviewDeskDb } from './db';

export const ROUNDS_NOTE_KEY = 'review-desk.storedRounds';

/** How many rounds were stored, and when that was last seen (local ISO time). */
export interface RoundsNote {
  count: number;
  at: string;
}

export type NoteStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readRoundsNote(store: NoteStore): RoundsNote | null {
  try {
    const value: unknown = JSON.parse(store.getItem(ROUNDS_NOTE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { count, at } = value as Record<string, unknown>;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
    return { count, at: typeof at === 'string' ? at : '' };
  } catch {
    return null;
  }
}

/** The note of what was lost, when the note names rounds and the database holds none. */
export async function findLostDatabase(
  db: ReviewDeskDb,
  store: NoteStore,
): Promise<RoundsNote | null> {
  const note = readRoundsNote(store);
  if (!note || note.count === 0) return null;
  return (await db.rounds.count()) === 0 ? note : null;
}

/**
 * Keep the note up to date with the number of stored rounds (deleting rounds on purpose updates
 * it too). Start only once a loss has been shown or ruled out: the first count after a loss is 0.
 * Returns the function that stops watching.
 */
export function watchRoundCount(db: ReviewDeskDb, store: NoteStore, now: () => string): () => void {
  const subscription = liveQuery(() => db.rounds.count()).subscribe({
    next: (count) => {
      try {
        store.setItem(ROUNDS_NOTE_KEY, JSON.stringify({ count, at: now() }));
      } catch {
        // A full or refused localStorage costs only this notice, never the work.
      }
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
