import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useServices } from '../../app/AppServices';
import { useExpertSession, useSessions } from '../../app/Sessions';
import { isCheckedIn } from '../../data/repositories/checkInRepository';
import { changePin, pinState, setPin, unlockWithPin } from '../../data/repositories/pinRepository';
import type { ExpertRow } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../app/format/dateTime';

type Step = 'enter' | 'set' | 'change';

/**
 * Shows its children only to the expert who has unlocked with their PIN, and hands them the
 * expert's session. The first PIN is chosen only after the secretariat has checked the expert in
 * on this laptop; after a secretariat reset the temporary PIN opens a form to choose a new one.
 */
export function PinGate({
  roundId,
  expert,
  asChair = false,
  children,
}: {
  roundId: string;
  expert: ExpertRow;
  /** The chair unlocks to review a page, not to open their own sheets: the prompt says so. */
  asChair?: boolean;
  children: ReactNode | ((session: Session) => ReactNode);
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const { openExpert } = useSessions();
  const session = useExpertSession(roundId, expert.id);
  const state = useLiveQuery(
    async () => ({
      pin: await pinState(db, roundId, expert.id),
      checkedIn: await isCheckedIn(db, roundId, expert.id),
    }),
    [db, roundId, expert.id],
  );
  const [pin, setPinText] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After a reset: the session the temporary PIN opened, held until a new PIN is chosen.
  const [pending, setPending] = useState<Session | null>(null);

  if (session) return <>{typeof children === 'function' ? children(session) : children}</>;
  if (!state) return <main className="page" aria-busy="true" />;

  if (state.pin.kind === 'unset' && !state.checkedIn) {
    return (
      <main className="page narrow">
        <section className="card pin-form" aria-label={t.pin.setTitle}>
          <h1>{t.pin.setTitle}</h1>
          <p className="banner warning" role="alert">
            {t.pin.checkInFirst(expert.name)}
          </p>
        </section>
      </main>
    );
  }

  const step: Step = pending ? 'change' : state.pin.kind === 'unset' ? 'set' : 'enter';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!state || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      if (step === 'change' && pending) {
        const outcome = await changePin(db, pending, pin, confirmation);
        if (outcome.ok) {
          setPending(null);
          openExpert(outcome.session);
        } else setMessage(outcome.message);
        return;
      }
      if (step === 'set') {
        const outcome = await setPin(db, roundId, expert.id, pin, confirmation);
        if (outcome.ok) openExpert(outcome.session);
        else setMessage(outcome.message);
        return;
      }
      const outcome = await unlockWithPin(db, roundId, expert.id, pin);
      if (outcome.ok) {
        setPinText('');
        if (outcome.mustChange) setPending(outcome.session);
        else openExpert(outcome.session);
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

  const title =
    step === 'set' ? t.pin.setTitle : step === 'change' ? t.pin.changeTitle : t.pin.enterTitle;
  const hint =
    step === 'set'
      ? t.pin.setHint(expert.name)
      : step === 'change'
        ? t.pin.changeHint(expert.name)
        : asChair
          ? t.pin.enterHintChair(expert.name)
          : t.pin.enterHint(expert.name);
  const choosing = step !== 'enter';
  const locked = state.pin.kind === 'set' && state.pin.lockedUntil !== null;
  return (
    <main className="page narrow">
      <form className="card pin-form" onSubmit={onSubmit} aria-label={title}>
        <h1>{title}</h1>
        <p className="muted">{hint}</p>
        <label>
          {choosing ? t.pin.newPin : t.pin.pin}
          <input
            type="password"
            inputMode="numeric"
            autoComplete={choosing ? 'new-password' : 'current-password'}
            maxLength={8}
            value={pin}
            autoFocus
            onChange={(e) => setPinText(e.target.value)}
          />
        </label>
        {choosing && (
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
          disabled={busy || (step === 'enter' && locked && !message)}
        >
          {busy
            ? t.pin.checking
            : step === 'set'
              ? t.pin.setAndEnter
              : step === 'change'
                ? t.pin.changeAndEnter
                : t.pin.unlock}
        </button>
      </form>
    </main>
  );
}
