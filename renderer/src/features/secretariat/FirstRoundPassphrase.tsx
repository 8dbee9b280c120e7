import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { secretariatState } from '../../data/repositories/secretariatRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { SetPassphraseForm } from './SetPassphraseForm';

/**
 * Once a round is on this laptop and no secretariat passphrase is set yet, the home page asks
 * for one first: until then nobody could appoint the chair or check experts in.
 */
export function FirstRoundPassphrase() {
  const { t } = useI18n();
  const { db } = useServices();
  const state = useLiveQuery(() => secretariatState(db), [db]);
  if (state?.kind !== 'unset') return null;
  return (
    <section className="first-round-passphrase">
      <p className="banner warning">{t.secretariat.firstRoundHint}</p>
      <SetPassphraseForm mode="first" />
    </section>
  );
}
