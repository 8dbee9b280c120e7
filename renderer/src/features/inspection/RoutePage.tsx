import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { useFieldSession, useSessions, useUnlockedExpertId } from '../../app/Sessions';
import { getRound, listExperts } from '../../data/repositories/queries';
import { moveSite, routeView } from '../../data/repositories/inspectionRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { SiteCard } from './SiteCard';
import './inspection.css';

/**
 * 拉练路线: the sites of an inspection round in visiting order, with the day's
 * progress. Each inspector's checklist is their ordinary scoring sheet behind their PIN; on a
 * shared laptop the next inspector takes over with 锁定并切换检查人 and their own PIN.
 */
export function RoutePage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const round = useLiveQuery(() => getRound(db, roundId), [db, roundId]);
  const view = useLiveQuery(() => routeView(db, roundId), [db, roundId]);
  const experts = useLiveQuery(() => listExperts(db, roundId), [db, roundId]);
  const { lockExpert, guard } = useSessions();
  const session = useFieldSession(roundId);
  const unlockedId = useUnlockedExpertId(roundId);
  if (!round || !view || !experts) return <main className="page" aria-busy="true" />;
  if (round.kind !== 'inspection') {
    return (
      <main className="page narrow">
        <h1>{t.inspection.title}</h1>
        <p className="banner">{t.inspection.notInspection}</p>
      </main>
    );
  }
  const inspector = experts.find((e) => e.id === unlockedId) ?? null;
  const { progress } = view;
  return (
    <main className="page route-page">
      <div className="page-title">
        <h1>{t.inspection.title}</h1>
      </div>
      <p className="route-progress" data-testid="route-progress" role="status">
        {t.inspection.progress(progress.done, progress.toDo, progress.sites, progress.findingsOpen)}
      </p>
      <progress
        className="route-progress-bar"
        max={Math.max(progress.sites, 1)}
        value={progress.done}
        aria-label={t.inspection.title}
      />
      <p className="route-inspector">
        <span data-testid="route-inspector">{t.inspection.inspector(inspector?.name ?? null)}</span>{' '}
        {inspector && (
          <button type="button" className="button" onClick={lockExpert}>
            {t.inspection.lock}
          </button>
        )}
      </p>
      <ol className="route-stops">
        {view.stops.map((stop, i) => (
          <SiteCard
            key={stop.packet.id}
            roundId={roundId}
            stop={stop}
            first={i === 0}
            last={i === view.stops.length - 1}
            onMove={(delta) =>
              void guard(() => moveSite(db, session, roundId, stop.packet.id, delta))
            }
          />
        ))}
      </ol>
    </main>
  );
}
