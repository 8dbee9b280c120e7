import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { BACKUP_PASSPHRASE_MIN_LENGTH } from '@shared/backup/passphrasePolicy';
import { useI18n } from '../../../i18n/I18nProvider';

/**
 * The backup passphrase, typed twice (a typo would make every archive of this run unreadable),
 * with the on-demand backup's minimum length. Enter submits.
 */
export function PassphrasePairForm({
  label,
  submitLabel,
  onSubmit,
  autoFocus = false,
  children,
}: {
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  onSubmit(passphrase: string): void;
  /** In a dialog, start typing at once; on a page, leave focus where the user put it. */
  autoFocus?: boolean;
  /** More buttons after the submit button. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase.length < BACKUP_PASSPHRASE_MIN_LENGTH) {
      setError(t.backup.tooShort(BACKUP_PASSPHRASE_MIN_LENGTH));
      return;
    }
    if (passphrase !== confirmation) {
      setError(t.backup.mismatch);
      return;
    }
    setError(null);
    onSubmit(passphrase);
  }

  return (
    <form className="stack" aria-label={label} onSubmit={submit}>
      <label htmlFor={`${id}-passphrase`}>{t.backup.passphrase}</label>
      <input
        id={`${id}-passphrase`}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <label htmlFor={`${id}-confirmation`}>{t.backup.confirmation}</label>
      <input
        id={`${id}-confirmation`}
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={(e) => setConfirmation(e.target.value)}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary">
          {submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
