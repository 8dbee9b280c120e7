import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { secretariatState } from '../../data/repositories/secretariatRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { SetPassphraseForm } from './SetPassphraseForm';
import { UnlockSecretariatForm } from './UnlockSecretariatForm';

/**
 * A write refused for want of a session says so, and for the secretariat offers the passphrase
 * prompt right there (or, on a laptop without one yet, the form to set it), instead of a control
 * that silently does nothing. The user then repeats the action.
 */
export function AccessDeniedNotice() {
  const { t } = useI18n();
  const { db } = useServices();
  const { denied, dismissDenied } = useSessions();
  const state = useLiveQuery(() => secretariatState(db), [db]);
  if (!denied) return null;
  return (
    <div className="banner error access-denied" role="alert">
      <p>{t.secretariat.denied[denied]}</p>
      {denied === 'secretariat' &&
        state &&
        (state.kind === 'unset' ? (
          <SetPassphraseForm mode="first" />
        ) : (
          <UnlockSecretariatForm onUnlocked={dismissDenied} lockedUntil={state.lockedUntil} />
        ))}
      <button type="button" className="button" onClick={dismissDenied}>
        {t.secretariat.dismiss}
      </button>
    </div>
  );
}
