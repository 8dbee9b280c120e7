import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDemoRound } from '@shared/demo/demoRound';
import { openDatabase } from './db';
import type { ReviewDeskDb } from './db';
import {
  lostRounds,
  readRoundsNote,
  ROUNDS_NOTE_KEY,
  writeRoundsNote,
  type NoteStore,
} from './lostDatabase';
import { importRound } from './repositories/roundRepository';

let counter = 0;
const freshDb = () => openDatabase(`lost-test-${Date.now()}-${counter++}`);

function memoryStore(
  initial: Record<string, string> = {},
): NoteStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** As the notice decides: the note read at start against the rounds stored. */
const findLostDatabase = async (db: ReviewDeskDb, store: NoteStore) =>
  lostRounds(readRoundsNote(store), await db.rounds.count());

const note = (count: number) => ({
  [ROUNDS_NOTE_KEY]: JSON.stringify({ count, at: '2026-12-04T10:00:00+08:00' }),
});

describe('noticing a database Chromium deleted', () => {
  it('reports the loss when the note names rounds and the database holds none', async () => {
    const db = await freshDb();
    expect(await findLostDatabase(db, memoryStore(note(3)))).toEqual({
      count: 3,
      at: '2026-12-04T10:00:00+08:00',
    });
  });

  it('reports nothing on a new computer, after deleting every round, or with rounds stored', async () => {
    const db = await freshDb();
    expect(await findLostDatabase(db, memoryStore())).toBeNull();
    expect(await findLostDatabase(db, memoryStore(note(0)))).toBeNull();
    await importRound(db, buildDemoRound(), 'demo.zip');
    expect(await findLostDatabase(db, memoryStore(note(1)))).toBeNull();
  });

  it('ignores a note it cannot read instead of failing the start', () => {
    for (const value of ['{', '"3"', '{"count":-1}', '{"count":1.5}', 'null', '[]']) {
      expect(readRoundsNote(memoryStore({ [ROUNDS_NOTE_KEY]: value }))).toBeNull();
    }
    expect(readRoundsNote(memoryStore({ [ROUNDS_NOTE_KEY]: '{"count":2}' }))).toEqual({
      count: 2,
      at: '',
    });
  });

  it('notes the count and time, and survives a store that refuses writes', () => {
    const store = memoryStore();
    writeRoundsNote(store, 2, '2026-12-04T20:00:00+08:00');
    expect(readRoundsNote(store)).toEqual({ count: 2, at: '2026-12-04T20:00:00+08:00' });
    const refusing: NoteStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => writeRoundsNote(refusing, 1, 'now')).not.toThrow();
  });
});
