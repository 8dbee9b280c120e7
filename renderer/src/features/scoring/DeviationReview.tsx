import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import {
  expertDeviations,
  settleDeviation,
  type ExpertDeviation,
} from '../../data/repositories/resultsRepository';
import type { ExpertRow } from '../../data/rows';
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
  const [action, setAction] = useState<'confirmed' | 'revised' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!action) return;
    setError(null);
    try {
      await settleDeviation(
        db,
        roundId,
        flag.packetId,
        expert.id,
        flag.revision,
        action,
        reason,
        expert.name,
      );
      setAction(null);
      setReason('');
    } catch (e) {
      setError(t.results.failed(e instanceof Error ? e.message : String(e)));
    }
  }

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
        <form
          className="conflict-form"
          aria-label={
            action === 'confirmed' ? t.results.review.confirmOriginal : t.results.review.revise
          }
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {t.results.review.reason}
            <textarea
              rows={2}
              autoFocus
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          {error && (
            <p className="error-text small" role="alert">
              {error}
            </p>
          )}
          <div className="row-actions">
            <button type="submit" className="button primary small" disabled={!reason.trim()}>
              {t.results.review.submit}
            </button>
            <button type="button" className="button small" onClick={() => setAction(null)}>
              {t.results.review.cancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
