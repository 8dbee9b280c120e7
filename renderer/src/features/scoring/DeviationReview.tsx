import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useExpertSession } from '../../app/Sessions';
import {
  expertDeviations,
  settleDeviation,
  type ExpertDeviation,
} from '../../data/repositories/resultsRepository';
import type { ExpertRow } from '../../data/rows';
import { ReasonForm } from '../../app/components/ReasonForm';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * 偏离复核 on the expert's own sheet list. The expert learns only that their points differ from
 * the panel's by more than the threshold: never the others' points or the panel's mean.
 */
export function DeviationReview({ roundId, expert }: { roundId: string; expert: ExpertRow }) {
  const { t } = useI18n();
  const { db } = useServices();
  const flags = useLiveQuery(
    () => expertDeviations(db, roundId, expert.id),
    [db, roundId, expert.id],
  );
  if (!flags || flags.length === 0) return null;
  return (
    <section className="deviation-review" aria-labelledby="deviation-review">
      <h2 id="deviation-review">{t.results.review.title}</h2>
      <p className="muted small">{t.results.review.hint(flags[0]!.threshold)}</p>
      <ul>
        {flags.map((flag) => (
          <DeviationItem key={flag.packetId} roundId={roundId} expert={expert} flag={flag} />
        ))}
      </ul>
    </section>
  );
}

function DeviationItem({
  roundId,
  expert,
  flag,
}: {
  roundId: string;
  expert: ExpertRow;
  flag: ExpertDeviation;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const session = useExpertSession(roundId, expert.id);
  const [action, setAction] = useState<'confirmed' | 'revised' | null>(null);

  return (
    <li data-testid={`deviation-${flag.packetId}`}>
      <span className="mono">{flag.packetId}</span>{' '}
      {flag.status === 'pending' && <span className="tag">{t.results.review.pending}</span>}
      {flag.status === 'confirmed' && t.results.review.confirmed(flag.reason ?? '')}
      {flag.status === 'revised' && t.results.review.revised(flag.reason ?? '')}
      {flag.status === 'pending' && action === null && (
        <span className="row-actions">
          <button type="button" className="button small" onClick={() => setAction('confirmed')}>
            {t.results.review.confirmOriginal}
          </button>
          <button type="button" className="button small" onClick={() => setAction('revised')}>
            {t.results.review.revise}
          </button>
        </span>
      )}
      {flag.status === 'pending' && action !== null && (
        <ReasonForm
          ariaLabel={
            action === 'confirmed' ? t.results.review.confirmOriginal : t.results.review.revise
          }
          label={t.results.review.reason}
          submitLabel={t.results.review.submit}
          cancelLabel={t.results.review.cancel}
          onSubmit={async (reason) => {
            try {
              await settleDeviation(
                db,
                session,
                roundId,
                flag.packetId,
                expert.id,
                flag.revision,
                action,
                reason,
              );
            } catch (e) {
              throw new Error(t.results.failed(e instanceof Error ? e.message : String(e)), {
                cause: e,
              });
            }
            setAction(null);
          }}
          onCancel={() => setAction(null)}
        />
      )}
    </li>
  );
}
