import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { useSecretariatSession } from '../../app/Sessions';
import { secretariatState } from '../../data/repositories/secretariatRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { SetPassphraseForm } from './SetPassphraseForm';
import { IdleLockSetting } from './IdleLockSetting';
import { UnlockSecretariatForm } from './UnlockSecretariatForm';

/**
 * 秘书处 on 备份与恢复: sets the passphrase on a laptop that has none, or changes it after the
 * current one is entered. The passphrase belongs to the laptop, not to a round's backup.
 */
export function SecretariatSection() {
  const { t } = useI18n();
  const { db } = useServices();
  const session = useSecretariatSession();
  const state = useLiveQuery(() => secretariatState(db), [db]);
  if (!state) return null;
  return (
    <section className="panel-section" aria-labelledby="secretariat-section">
      <h2 id="secretariat-section">{t.secretariat.section}</h2>
      <p className="muted">{t.secretariat.sectionHint}</p>
      {state.kind === 'unset' ? (
        <SetPassphraseForm mode="first" />
      ) : session ? (
        <>
          <SetPassphraseForm mode="change" />
          <IdleLockSetting session={session} />
        </>
      ) : (
        <UnlockSecretariatForm
          reason={t.secretariat.changeNeedsCurrent}
          lockedUntil={state.lockedUntil}
        />
      )}
    </section>
  );
}
