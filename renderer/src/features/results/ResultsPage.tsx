import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { resultsView } from '../../data/repositories/resultsRepository';
import type { ExpertRow } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { ExportWorkbookButton } from '../export/ExportWorkbookButton';
import { ChairGate } from '../chair/ChairGate';
import { EvaluationPanel } from '../evaluation/EvaluationPanel';
import { SettingsChangesList } from '../settings/SettingsChangesList';
import { ConfirmationPanel } from './ConfirmationPanel';
import { DissentList } from './DissentList';
import { flagText } from './flagText';
import { GroupResultsTable } from './GroupResultsTable';
import { LeniencyTable } from './LeniencyTable';
import { ResultsCharts } from './ResultsCharts';
import { TieDecisions } from './TieDecisions';
import './results.css';

/** 结果汇总: every expert's points are on this screen, so only the chair opens it, with their PIN. */
export function ResultsPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  return (
    <ChairGate roundId={roundId} title={t.results.title} noChairMessage={t.results.noChair}>
      {(chair, session) => <ResultsScreen roundId={roundId} chair={chair} session={session} />}
    </ChairGate>
  );
}

function ResultsScreen({
  roundId,
  chair,
  session,
}: {
  roundId: string;
  chair: ExpertRow;
  session: Session;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const view = useLiveQuery(() => resultsView(db, roundId), [db, roundId]);
  if (!view) return <main className="page" aria-busy="true" />;
  const names = new Map(view.experts.map((e) => [e.id, e.name]));
  const { progress } = view;
  const locked = view.state.kind === 'confirmed';

  return (
    <main className="page results-page">
      <div className="page-title">
        <h1>{t.results.title}</h1>
      </div>
      <p className="muted" data-testid="results-progress">
        {t.results.progress(
          progress.submitted,
          progress.assigned,
          progress.conflicts,
          progress.outstanding,
        )}{' '}
        {progress.outstanding === 0 ? t.results.allIn : t.results.someOutstanding}
      </p>

      <SettingsChangesList roundId={roundId} />
      <ConfirmationPanel roundId={roundId} chair={chair} view={view} />
      <ExportWorkbookButton roundId={roundId} session={session} />

      {view.result.flags.length > 0 && (
        <section className="panel-section" aria-labelledby="results-flags">
          <h2 id="results-flags">{t.results.roundFlags}</h2>
          <ul className="problem-list" data-testid="results-flags">
            {view.result.flags.map((flag) => (
              <li key={`${flag.code}:${flag.group ?? ''}:${flag.packetIds.join(',')}`}>
                <span className="tag">{t.results.flagLabels[flag.code] ?? flag.code}</span>
                {flagText(t, flag, view.result.packets, names)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel-section" aria-labelledby="results-groups">
        <h2 id="results-groups">{t.results.title}</h2>
        {view.result.groups.map((group) => (
          <GroupResultsTable
            key={group.group}
            group={group}
            packets={view.result.packets.filter((p) => p.group === group.group)}
            rubric={view.rubric}
            names={names}
          />
        ))}
      </section>

      {view.kind === 'selection' && (
        <TieDecisions roundId={roundId} chair={chair} view={view} locked={locked} />
      )}

      {view.kind === 'evaluation' && (
        <EvaluationPanel roundId={roundId} chair={chair} view={view} />
      )}

      <ResultsCharts view={view} names={names} />
      <LeniencyTable leniency={view.leniency} names={names} />
      <DissentList roundId={roundId} experts={view.experts} dissents={view.dissents} />
    </main>
  );
}
