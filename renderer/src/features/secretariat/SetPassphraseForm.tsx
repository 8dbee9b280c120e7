import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { setSecretariatPassphrase } from '../../data/repositories/secretariatRepository';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Chooses the secretariat's passphrase: the first time on this laptop (no session needed), or a
 * change (the current session needed). Says what it protects and that nobody can recover it.
 */
export function SetPassphraseForm({ mode }: { mode: 'first' | 'change' }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { secretariat, openSecretariat } = useSessions();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const s = t.secretariat;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await setSecretariatPassphrase(
        db,
        passphrase,
        confirmation,
        mode === 'change' ? secretariat : null,
      );
      if (outcome.ok) {
        openSecretariat(outcome.session);
        setPassphrase('');
        setConfirmation('');
        setMessage({ ok: true, text: mode === 'first' ? s.setDone : s.changed });
      } else {
        setMessage({ ok: false, text: outcome.message });
      }
    } finally {
      setBusy(false);
    }
  }

  const title = mode === 'first' ? s.setTitle : s.changeTitle;
  return (
    <form className="card secretariat-form" onSubmit={onSubmit} aria-label={title}>
      <h2>{title}</h2>
      {mode === 'first' && <p>{s.protects}</p>}
      <p className="warning-text">{s.cannotRecover}</p>
      <label>
        {mode === 'first' ? s.passphrase : s.newPassphrase}
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </label>
      <label>
        {s.confirm}
        <input
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
      </label>
      <p className="muted">{s.rule}</p>
      {message && (
        <p
          className={message.ok ? 'success-text' : 'error-text'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {mode === 'first' ? s.setButton : s.changeButton}
      </button>
    </form>
  );
}
