import { useSessions } from '../../app/Sessions';
import { useI18n } from '../../i18n/I18nProvider';

/** In the header while the secretariat is unlocked: says so, and 锁定 ends the session. */
export function SecretariatStatus() {
  const { t } = useI18n();
  const { secretariat, lockSecretariat } = useSessions();
  if (!secretariat) return null;
  return (
    <span className="secretariat-status">
      {t.secretariat.unlocked}
      <button type="button" className="link-button" onClick={lockSecretariat}>
        {t.secretariat.lock}
      </button>
    </span>
  );
}
