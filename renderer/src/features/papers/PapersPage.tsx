import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { hrefFor, type Route } from '../../app/router';
import { expertPaperStatuses } from '../../data/repositories/papersRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { ChairGate } from '../chair/ChairGate';
import { ExpertSheetPaper } from './ExpertSheetPaper';
import { OpinionsPaper } from './OpinionsPaper';
import { PublicListPaper } from './PublicListPaper';

type PapersRoute = Extract<Route, { name: 'papers' }>;

/**
 * 评审文书: the papers a review leaves on file. Like the results and the report, they show every
 * expert's points, so the chair opens them with their PIN; the chair writes 专家组意见 here.
 */
export function PapersPage({ route }: { route: PapersRoute }) {
  const { t } = useI18n();
  const { roundId } = route;
  return (
    <ChairGate roundId={roundId} title={t.papers.title} noChairMessage={t.results.noChair}>
      {(_chair, session) => {
        switch (route.paper) {
          case 'opinions':
            return <OpinionsPaper roundId={roundId} session={session} />;
          case 'public':
            return <PublicListPaper roundId={roundId} />;
          case 'expert':
            return (
              <ExpertSheetPaper
                roundId={roundId}
                expertId={route.expertId ?? ''}
                backHref={hrefFor({ name: 'papers', roundId, paper: 'index' })}
                backLabel={t.papers.back}
              />
            );
          case 'index':
            return <PapersIndex roundId={roundId} />;
        }
      }}
    </ChairGate>
  );
}

function PapersIndex({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const i = t.papers.index;
  const { db } = useServices();
  const experts = useLiveQuery(() => expertPaperStatuses(db, roundId), [db, roundId]);
  if (!experts) return <main className="page" aria-busy="true" />;
  return (
    <main className="page papers-page">
      <p>
        <a href={hrefFor({ name: 'results', roundId })}>{t.papers.backToResults}</a>
      </p>
      <h1>{t.papers.title}</h1>
      <p className="muted">{t.papers.intro}</p>

      <section className="card" aria-labelledby="papers-sheets">
        <h2 id="papers-sheets">{i.sheets}</h2>
        <p className="muted small">{i.sheetsIntro}</p>
        <table className="papers-index-table">
          <thead>
            <tr>
              <th scope="col">{i.expert}</th>
              <th scope="col">{i.state}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {experts.map((e) => (
              <tr key={e.id} data-testid={`papers-expert-${e.id}`}>
                <td>
                  {e.name}（{e.id}）
                </td>
                <td>
                  {e.outstanding.length === 0
                    ? i.ready(e.submitted, e.conflicts)
                    : i.waiting(e.outstanding.length)}
                </td>
                <td>
                  {e.outstanding.length === 0 && (
                    <a
                      href={hrefFor({ name: 'papers', roundId, paper: 'expert', expertId: e.id })}
                      aria-label={`${i.open}：${e.name}`}
                    >
                      {i.open}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="papers-opinions">
        <h2 id="papers-opinions">{i.opinions}</h2>
        <p className="muted small">{i.opinionsIntro}</p>
        <a className="button" href={hrefFor({ name: 'papers', roundId, paper: 'opinions' })}>
          {i.opinions}
        </a>
      </section>

      <section className="card" aria-labelledby="papers-public">
        <h2 id="papers-public">{i.publicList}</h2>
        <p className="muted small">{i.publicListIntro}</p>
        <a className="button" href={hrefFor({ name: 'papers', roundId, paper: 'public' })}>
          {i.publicList}
        </a>
      </section>
    </main>
  );
}
