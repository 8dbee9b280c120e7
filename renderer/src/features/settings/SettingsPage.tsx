import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { readRoundSettings } from '../../data/repositories/roundSettingsRepository';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { SecretariatGate } from '../secretariat/SecretariatGate';
import { SettingsForm } from './SettingsForm';
import './settings.css';

/** 评审设置: the secretariat's page; every save passes its session to the repository. */
export function SettingsPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  return (
    <SecretariatGate title={t.settings.title} reason={t.settings.gateReason}>
      {(session) => <SettingsScreen roundId={roundId} session={session} />}
    </SecretariatGate>
  );
}

function SettingsScreen({ roundId, session }: { roundId: string; session: Session }) {
  const { t } = useI18n();
  const { db } = useServices();
  const view = useLiveQuery(() => readRoundSettings(db, roundId), [db, roundId]);
  if (view === undefined) return <main className="page settings-page" aria-busy="true" />;
  return (
    <main className="page settings-page">
      <h1>{t.settings.title}</h1>
      <p className="settings-intro">{t.settings.intro}</p>
      {view.scoringStarted && (
        <p className="banner warning" data-testid="settings-started">
          {t.settings.startedBanner}
        </p>
      )}
      <SettingsForm key={view.roundId} view={view} session={session} />
    </main>
  );
}
