import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { getExpert } from '../../data/repositories/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { PinGate } from '../scoring/PinGate';
import { ExpertSheetPaper } from './ExpertSheetPaper';

/** An expert prints their own 评分表 after submitting, behind their own PIN. */
export function ExpertPaperPage({ roundId, expertId }: { roundId: string; expertId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const expert = useLiveQuery(
    async () => (await getExpert(db, roundId, expertId)) ?? null,
    [db, roundId, expertId],
  );
  if (expert === undefined) return <main className="page" aria-busy="true" />;
  if (expert === null) {
    return (
      <main className="page narrow">
        <h1>{t.errors.notFound}</h1>
      </main>
    );
  }
  return (
    <PinGate roundId={roundId} expert={expert}>
      <ExpertSheetPaper
        roundId={roundId}
        expertId={expertId}
        backHref={hrefFor({ name: 'expertSheets', roundId, expertId })}
        backLabel={t.papers.backToSheets}
      />
    </PinGate>
  );
}
