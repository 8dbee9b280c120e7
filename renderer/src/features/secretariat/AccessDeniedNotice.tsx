import { useSessions } from '../../app/Sessions';
import { useI18n } from '../../i18n/I18nProvider';
import { UnlockSecretariatForm } from './UnlockSecretariatForm';

/**
 * A write refused for want of a session says so, and for the secretariat offers the passphrase
 * prompt right there, instead of a control that silently does nothing.
 */
export function AccessDeniedNotice() {
  const { t } = useI18n();
  const { denied, dismissDenied } = useSessions();
  if (!denied) return null;
  return (
    <div className="banner error access-denied" role="alert">
      <p>{t.secretariat.denied[denied]}</p>
      {denied === 'secretariat' && <UnlockSecretariatForm onUnlocked={dismissDenied} />}
      <button type="button" className="button" onClick={dismissDenied}>
        {t.secretariat.dismiss}
      </button>
    </div>
  );
}
