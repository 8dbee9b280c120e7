import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { localIsoTime } from '../../../../shared/time/localIsoTime';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import {
  findLostDatabase,
  writeRoundsNote,
  type NoteStore,
  type RoundsNote,
} from '../../data/lostDatabase';
import { useI18n } from '../../i18n/I18nProvider';

/** localStorage, or nothing where the runtime refuses it (the notice is then never shown). */
function noteStore(): NoteStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Above every page: says so when the database Chromium deleted as corrupt held rounds
 * (data/lostDatabase.ts), until a backup is restored or the user dismisses it.
 */
export function LostDatabaseNotice() {
  const { t } = useI18n();
  const { db } = useServices();
  const [store] = useState(noteStore);
  // undefined while looking; null when nothing was lost (or the notice was dismissed).
  const [lost, setLost] = useState<RoundsNote | null | undefined>(store ? undefined : null);
  const rounds = useLiveQuery(() => db.rounds.count(), [db]);
  const showing = lost !== null && lost !== undefined && rounds === 0;

  useEffect(() => {
    if (!store) return;
    let current = true;
    findLostDatabase(db, store).then(
      (note) => current && setLost(note),
      () => current && setLost(null),
    );
    return () => {
      current = false;
    };
  }, [db, store]);

  // The note follows the database once the loss is shown and over (restored or dismissed).
  useEffect(() => {
    if (!store || lost === undefined || showing || rounds === undefined) return;
    writeRoundsNote(store, rounds, localIsoTime(new Date()));
  }, [store, lost, showing, rounds]);

  if (!showing) return null;
  return (
    <div className="banner error lost-database" role="alert" data-testid="lost-database">
      <strong>{t.lostDatabase.title}</strong>
      <p>{t.lostDatabase.body(lost.count, lost.at)}</p>
      <p>{t.lostDatabase.action}</p>
      <div className="actions">
        <a className="button primary" href={hrefFor({ name: 'backup' })}>
          {t.lostDatabase.goToBackup}
        </a>
        <button type="button" className="button" onClick={() => setLost(null)}>
          {t.lostDatabase.dismiss}
        </button>
      </div>
    </div>
  );
}
