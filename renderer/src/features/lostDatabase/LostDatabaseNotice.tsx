import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { localIsoTime } from '@shared/time/localIsoTime';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import {
  lostRounds,
  readRoundsNote,
  writeRoundsNote,
  type NoteStore,
} from '../../data/lostDatabase';
import { countRounds } from '../../data/repositories/queries';
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
  // What the note said at start; the notice shows it until rounds are back or it is dismissed.
  const [note] = useState(() => (store ? readRoundsNote(store) : null));
  const [dismissed, setDismissed] = useState(false);
  const rounds = useLiveQuery(() => countRounds(db), [db]);
  const lost = dismissed || rounds === undefined ? null : lostRounds(note, rounds);

  // The note follows the database except while the loss is shown (after a loss the count is 0).
  useEffect(() => {
    if (store && rounds !== undefined && !lost) {
      writeRoundsNote(store, rounds, localIsoTime(new Date()));
    }
  }, [store, rounds, lost]);

  if (!lost) return null;
  return (
    <div className="banner error lost-database" role="alert" data-testid="lost-database">
      <strong>{t.lostDatabase.title}</strong>
      <p>{t.lostDatabase.body(lost.count, lost.at)}</p>
      <p>{t.lostDatabase.action}</p>
      <div className="actions">
        <a className="button primary" href={hrefFor({ name: 'backup' })}>
          {t.lostDatabase.goToBackup}
        </a>
        <button type="button" className="button" onClick={() => setDismissed(true)}>
          {t.lostDatabase.dismiss}
        </button>
      </div>
    </div>
  );
}
