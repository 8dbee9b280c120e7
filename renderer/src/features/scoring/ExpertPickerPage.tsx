import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { listExperts } from '../../data/repositories/queries';
import { useI18n } from '../../i18n/I18nProvider';

export function ExpertPickerPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const experts = useLiveQuery(() => listExperts(db, roundId), [db, roundId]);
  if (experts === undefined) return <main className="page" aria-busy="true" />;
  return (
    <main className="page narrow">
      <h1>{t.scoring.pickExpert}</h1>
      <p className="muted">{t.scoring.pickExpertHint}</p>
      <ul className="expert-grid">
        {/* Experts a newer package version dropped keep their records but cannot pick a sheet. */}
        {experts
          .filter((expert) => !expert.removed)
          .map((expert) => (
            <li key={expert.key}>
              <a
                className="card expert-card"
                href={hrefFor({ name: 'expertSheets', roundId, expertId: expert.id })}
              >
                <strong>{expert.name}</strong>
                <span className="muted">
                  {[expert.org, expert.city].filter(Boolean).join(' · ')}
                </span>
              </a>
            </li>
          ))}
      </ul>
    </main>
  );
}
