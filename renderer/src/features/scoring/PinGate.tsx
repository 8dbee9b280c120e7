import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useServices } from '../../app/AppServices';
import { pinState, setPin, unlockWithPin } from '../../data/repositories/pinRepository';
import type { ExpertRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from './formatPoints';
import { markUnlocked, useIsUnlocked } from './unlockSession';

/** Shows its children only to the expert who has unlocked with their PIN (set on first use). */
export function PinGate({
  roundId,
  expert,
  children,
}: {
  roundId: string;
  expert: ExpertRow;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const unlocked = useIsUnlocked(roundId, expert.id);
  const state = useLiveQuery(() => pinState(db, roundId, expert.id), [db, roundId, expert.id]);
  const [pin, setPinText] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (unlocked) return <>{children}</>;
  if (!state) return <main className="page" aria-busy="true" />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!state || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      if (state.kind === 'unset') {
        const outcome = await setPin(db, roundId, expert.id, expert.name, pin, confirmation);
        if (outcome.ok) markUnlocked(roundId, expert.id);
        else setMessage(outcome.message);
        return;
      }
      const outcome = await unlockWithPin(db, roundId, expert.id, pin);
      if (outcome.ok) {
        markUnlocked(roundId, expert.id);
      } else if (outcome.reason === 'locked') {
        setMessage(t.pin.locked(formatTime(outcome.lockedUntil)));
      } else if (outcome.reason === 'wrong') {
        setMessage(
          outcome.lockedUntil
            ? t.pin.locked(formatTime(outcome.lockedUntil))
            : t.pin.wrong(outcome.attemptsBeforeLock),
        );
        setPinText('');
      }
    } finally {
      setBusy(false);
    }
  }

  const first = state.kind === 'unset';
  return (
    <main className="page narrow">
      <form
        className="card pin-form"
        onSubmit={onSubmit}
        aria-label={first ? t.pin.setTitle : t.pin.enterTitle}
      >
        <h1>{first ? t.pin.setTitle : t.pin.enterTitle}</h1>
        <p className="muted">{first ? t.pin.setHint(expert.name) : t.pin.enterHint(expert.name)}</p>
        <label>
          {first ? t.pin.newPin : t.pin.pin}
          <input
            type="password"
            inputMode="numeric"
            autoComplete={first ? 'new-password' : 'current-password'}
            maxLength={8}
            value={pin}
            autoFocus
            onChange={(e) => setPinText(e.target.value)}
          />
        </label>
        {first && (
          <label>
            {t.pin.confirm}
            <input
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={8}
              value={confirmation}
              onChange={(e) => setConfirmation(e.target.value)}
            />
          </label>
        )}
        {message && (
          <p className="error-text" role="alert">
            {message}
          </p>
        )}
        <button
          type="submit"
          className="button primary"
          disabled={busy || (state.kind === 'set' && state.lockedUntil !== null && !message)}
        >
          {busy ? t.pin.checking : first ? t.pin.setAndEnter : t.pin.unlock}
        </button>
      </form>
    </main>
  );
}
