import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Rubric } from '@shared/model/rubric';
import { scoresFromInputs } from '@shared/rubric/points';
import type { ReviewDeskDb } from '../../data/db';
import type { SheetRow } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { sheetKey } from '../../data/repositories/keys';
import { storageFailureMessage } from '../../data/storageErrors';
import { useI18n } from '../../i18n/I18nProvider';
import {
  emptySheet,
  findSheet,
  saveDraft,
  submitSheet,
  type SheetDraftChange,
  type SubmitOutcome,
} from '../../data/repositories/sheetRepository';

export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error'; message: string };

/**
 * The save indicator's state, outside React's state: a keystroke's save and its 已保存 then
 * re-render only the indicator that subscribes to it (useSaveState), not the whole sheet.
 */
export interface SaveStore {
  get(): SaveState;
  subscribe(listener: () => void): () => void;
}

function createSaveStore(): SaveStore & { set(next: SaveState): void } {
  let current: SaveState = { state: 'idle' };
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      // Saving while already saving changes nothing on screen.
      if (next.state === 'saving' && current.state === 'saving') return;
      current = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The current save state, re-rendering the caller (and only it) when it changes. */
export function useSaveState(store: SaveStore): SaveState {
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * The sheet being edited. The screen updates at once from local state; every change is also
 * queued to the database in order, and the save indicator says “saved” only when the last queued
 * write has committed, so what it acknowledges survives a reload or a crash.
 */
export function useSheetDraft(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
  expertId: string,
  /** The expert's own session: every save and the submission pass it to the repository. */
  session: Session | null,
) {
  // Kept with its key so that moving to another sheet never shows the previous one's entries.
  const { t } = useI18n();
  const quotaMessage = t.storage.quotaExceeded;
  const [loaded, setLoaded] = useState<SheetRow | null>(null);
  const [save] = useState(createSaveStore);
  const latest = useRef<SheetRow | null>(null);
  // The row as last committed (null: none stored yet; undefined: not known, e.g. after a failed
  // save). Each queued save is based on it, which spares the save a read (see saveDraft).
  const stored = useRef<SheetRow | null | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);

  useEffect(() => {
    let cancelled = false;
    latest.current = null;
    stored.current = undefined;
    void findSheet(db, roundId, packetId, expertId).then((row) => {
      if (cancelled) return;
      stored.current = row ?? null;
      const shown = row ?? emptySheet(roundId, packetId, expertId);
      latest.current = shown;
      setLoaded(shown);
    });
    return () => {
      cancelled = true;
    };
  }, [db, roundId, packetId, expertId]);

  const update = useCallback(
    (makeChange: (current: SheetRow) => SheetDraftChange) => {
      const current = latest.current;
      if (!current) return;
      const change = makeChange(current);
      const next: SheetRow = {
        ...current,
        ...change,
        scores: change.inputs ? scoresFromInputs(change.inputs) : current.scores,
      };
      latest.current = next;
      // The write starts before React re-renders the sheet, so that the render runs while the
      // database commits instead of before it. With nothing queued it starts right away (the
      // row it is based on is then up to date); otherwise it waits for the saves before it.
      const write = () =>
        saveDraft(db, session, roundId, packetId, expertId, change, stored.current);
      const written = pending.current === 0 ? write() : queue.current.then(write);
      pending.current += 1;
      queue.current = written.then(
        (row) => {
          stored.current = row;
          pending.current -= 1;
          if (pending.current === 0) save.set({ state: 'saved', at: new Date() });
        },
        (error: unknown) => {
          stored.current = undefined;
          pending.current -= 1;
          save.set({
            state: 'error',
            // A full disk aborts the transaction: say so plainly (nothing stored changed).
            message: storageFailureMessage(error, quotaMessage),
          });
        },
      );
      save.set({ state: 'saving' });
      setLoaded(next);
    },
    [db, session, roundId, packetId, expertId, quotaMessage, save],
  );

  const submit = useCallback(
    async (rubric: Rubric): Promise<SubmitOutcome> => {
      // Submit exactly what was typed: wait for queued keystrokes to land first.
      await queue.current;
      const outcome = await submitSheet(db, session, rubric, roundId, packetId, expertId);
      stored.current = undefined;
      if (outcome.ok) {
        stored.current = outcome.sheet;
        latest.current = outcome.sheet;
        setLoaded(outcome.sheet);
      }
      return outcome;
    },
    [db, session, roundId, packetId, expertId],
  );

  const sheet = loaded && loaded.key === sheetKey(roundId, packetId, expertId) ? loaded : null;
  return { sheet, save, update, submit };
}
