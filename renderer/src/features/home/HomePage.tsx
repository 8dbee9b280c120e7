import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { hrefFor, navigate } from '../../app/router';
import { DEMO_SECRETARIAT_PASSPHRASE, loadDemoRound } from '../../data/repositories/demo';
import { roundSummaries } from '../../data/repositories/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportControls } from '../import/ImportControls';
import { FirstRoundPassphrase } from '../secretariat/FirstRoundPassphrase';
import { StoragePanel } from '../storage/StoragePanel';

export function HomePage() {
  const { t } = useI18n();
  const { db } = useServices();
  const rounds = useLiveQuery(() => roundSummaries(db), [db]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After 载入示例评审 on a laptop without a passphrase: the demo's passphrase, shown before going on.
  const [demoLoaded, setDemoLoaded] = useState<string | null>(null);

  async function onLoadDemo() {
    setLoading(true);
    setError(null);
    try {
      const outcome = await loadDemoRound(db);
      if (outcome.demoPassphrase) setDemoLoaded(outcome.roundId);
      else navigate({ name: 'packets', roundId: outcome.roundId });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }

  if (rounds === undefined) return <main className="page" aria-busy="true" />;

  if (demoLoaded) {
    return (
      <main className="page narrow">
        <section className="card demo-loaded" role="status" aria-label={t.home.demoLoaded}>
          <h1>{t.home.demoLoaded}</h1>
          <p className="demo-passphrase">
            {t.secretariat.demoPassphrase(DEMO_SECRETARIAT_PASSPHRASE)}
          </p>
          <p>{t.home.demoRoles}</p>
          <a className="button primary" href={hrefFor({ name: 'packets', roundId: demoLoaded })}>
            {t.home.openDemo}
          </a>
        </section>
      </main>
    );
  }

  const demoButton = (
    <button type="button" className="button primary" onClick={onLoadDemo} disabled={loading}>
      {loading ? t.home.loadingDemo : t.home.loadDemo}
    </button>
  );

  if (rounds.length === 0) {
    return (
      <main className="page narrow empty-state">
        <h1>{t.home.emptyTitle}</h1>
        <p>{t.home.emptyBody}</p>
        <div className="actions">{demoButton}</div>
        <ImportControls withRoster />
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <StoragePanel />
      </main>
    );
  }

  return (
    <main className="page narrow">
      <FirstRoundPassphrase />
      <h1>{t.home.rounds}</h1>
      <ul className="round-list">
        {rounds.map((round) => (
          <li key={round.id} className="card">
            <div>
              <span className="tag">{t.home.kind[round.kind] ?? round.kind}</span>
              <strong>{round.title}</strong>
            </div>
            <div className="muted">
              {round.id} · {t.home.packetsAndExperts(round.packetCount, round.expertCount)} ·{' '}
              {t.home.source(round.source)}
            </div>
            <a className="button" href={hrefFor({ name: 'packets', roundId: round.id })}>
              {t.home.open}
            </a>
          </li>
        ))}
      </ul>
      <div className="actions">{rounds.some((r) => r.source === 'demo') ? null : demoButton}</div>
      <ImportControls withRoster />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <StoragePanel />
    </main>
  );
}
