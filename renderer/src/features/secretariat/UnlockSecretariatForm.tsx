import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { unlockSecretariat } from '../../data/repositories/secretariatRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../app/format/dateTime';

/** The secretariat's passphrase prompt; after too many wrong entries it says how long to wait. */
export function UnlockSecretariatForm({
  reason,
  lockedUntil,
  onUnlocked,
}: {
  /** Why the passphrase is asked for here, e.g. 指定组长、重置 PIN 需要秘书处口令. */
  reason?: string;
  lockedUntil?: Date | null;
  onUnlocked?(): void;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const { openSecretariat } = useSessions();
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<string | null>(
    lockedUntil ? t.secretariat.locked(formatTime(lockedUntil)) : null,
  );
  const [busy, setBusy] = useState(false);
  const s = t.secretariat;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await unlockSecretariat(db, passphrase);
      if (outcome.ok) {
        openSecretariat(outcome.session);
        onUnlocked?.();
        return;
      }
      setPassphrase('');
      if (outcome.reason === 'unset') setMessage(s.notSetYet);
      else if (outcome.reason === 'locked' || outcome.lockedUntil)
        setMessage(s.locked(formatTime(outcome.lockedUntil ?? new Date())));
      else setMessage(s.wrong(outcome.attemptsBeforeLock));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card secretariat-form" onSubmit={onSubmit} aria-label={s.unlockTitle}>
      <h2>{s.unlockTitle}</h2>
      <p>{reason ?? s.unlockHint}</p>
      <label>
        {s.passphrase}
        <input
          type="password"
          autoComplete="current-password"
          value={passphrase}
          autoFocus
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </label>
      {message && (
        <p className="error-text" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy || passphrase === ''}>
        {busy ? s.checking : s.unlockButton}
      </button>
    </form>
  );
}
