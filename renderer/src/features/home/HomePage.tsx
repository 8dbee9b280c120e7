import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { hrefFor, navigate } from '../../app/router';
import { loadDemoRound } from '../../data/repositories/demo';
import { roundSummaries } from '../../data/repositories/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportControls } from '../import/ImportControls';
import { StoragePanel } from '../storage/StoragePanel';

export function HomePage() {
  const { t } = useI18n();
  const { db } = useServices();
  const rounds = useLiveQuery(() => roundSummaries(db), [db]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onLoadDemo() {
    setLoading(true);
    setError(null);
    try {
      const outcome = await loadDemoRound(db);
      navigate({ name: 'packets', roundId: outcome.roundId });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }

  if (rounds === undefined) return <main className="page" aria-busy="true" />;

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
