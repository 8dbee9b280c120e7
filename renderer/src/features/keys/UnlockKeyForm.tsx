import { useId, useState, type FormEvent } from 'react';
import { useServices } from '../../app/AppServices';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from './keyErrors';

/** Asks for the passphrase of a passphrase-protected device key, then unlocks it in main. */
export function UnlockKeyForm({
  onUnlocked,
  onCancel,
}: {
  onUnlocked: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { platform } = useServices();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await platform.keys.unlock(passphrase);
      setPassphrase('');
      onUnlocked();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="key-unlock" aria-labelledby={`${id}-title`} onSubmit={onSubmit}>
      <h3 id={`${id}-title`}>{t.keys.unlockTitle}</h3>
      <p className="muted">{t.keys.unlockHint}</p>
      <label htmlFor={`${id}-passphrase`}>{t.keys.passphrase}</label>{' '}
      <input
        id={`${id}-passphrase`}
        type="password"
        autoComplete="current-password"
        autoFocus
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
      />{' '}
      <button type="submit" className="button" disabled={busy || passphrase === ''}>
        {t.keys.unlock}
      </button>{' '}
      <button type="button" className="link-button" onClick={onCancel}>
        {t.keys.cancel}
      </button>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
