import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { resetPin } from '../../data/repositories/pinRepository';
import type { ExpertRow } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * The secretariat replaces a forgotten PIN with a temporary one, told to the expert in person;
 * the expert chooses a new PIN at the next unlock.
 */
export function PinResetForm({
  roundId,
  expert,
  session,
  onDone,
}: {
  roundId: string;
  expert: ExpertRow;
  session: Session;
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const outcome = await guard(() => resetPin(db, session, roundId, expert.id, pin));
    if (!outcome) return;
    if (outcome.ok) onDone(t.panel.resetDone(expert.name));
    else setError(outcome.message);
  }

  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label={t.panel.resetPinFor(expert.name)}>
      <label>
        {t.panel.temporaryPin}
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          autoFocus
          onChange={(e) => setPin(e.target.value)}
        />
      </label>
      <button type="submit" className="button small">
        {t.panel.confirmReset}
      </button>
      <button type="button" className="link-button" onClick={() => onDone('')}>
        {t.conflict.cancel}
      </button>
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
