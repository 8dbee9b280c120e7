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
export function lostRounds(note: RoundsNote | null, storedRounds: number): RoundsNote | null {
  return note && note.count > 0 && storedRounds === 0 ? note : null;
}

/**
 * Note how many rounds are stored now (deleting rounds on purpose is noted too). Only once a
 * loss has been shown or ruled out: after a loss the count is 0.
 */
export function writeRoundsNote(store: NoteStore, count: number, at: string): void {
  try {
    store.setItem(ROUNDS_NOTE_KEY, JSON.stringify({ count, at }));
  } catch {
    // A full or refused localStorage costs only this notice, never the work.
  }
}
