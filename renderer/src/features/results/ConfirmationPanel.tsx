import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useExpertSession, useSessions } from '../../app/Sessions';
import {
  confirmResults,
  reopenResults,
  type ResultsView,
} from '../../data/repositories/resultsRepository';
import type { ExpertRow } from '../../data/rows';
import { hrefFor } from '../../app/router';
import { blockerText } from '../../data/repositories/confirmationBlockers';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../app/format/dateTime';
import { SecretariatGate } from '../secretariat/SecretariatGate';

/**
 * Whether the results shown are the confirmed ones. The chair confirms them with their session;
 * reopening confirmed results is the secretariat's, behind its passphrase, with a reason.
 */
export function ConfirmationPanel({
  roundId,
  chair,
  view,
}: {
  roundId: string;
  chair: ExpertRow;
  view: ResultsView;
}) {
  const { t, language } = useI18n();
  const { db } = useServices();
  const session = useExpertSession(roundId, chair.id);
  const { guard } = useSessions();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { state } = view;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      await guard(action);
      setReopening(false);
      setReason('');
    } catch (e) {
      setError(t.results.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  }

  let status: { text: string; tone: 'success' | 'warning' | 'plain' };
  if (state.kind === 'confirmed') {
    const c = state.confirmation;
    status = state.matches
      ? {
          text: t.results.state.confirmed(c.version, c.chair, formatDateTime(c.at, language)),
          tone: 'success',
        }
      : { text: t.results.state.changed, tone: 'warning' };
  } else if (state.kind === 'reopened') {
    const c = state.confirmation;
    status = {
      text: t.results.state.reopened(c.version, c.reopenReason ?? ''),
      tone: 'warning',
    };
  } else {
    status = { text: t.results.state.unconfirmed, tone: 'plain' };
  }
  const canConfirm = !(state.kind === 'confirmed' && state.matches) && view.blockers.length === 0;

  return (
    <section className="panel-section" aria-labelledby="results-confirm">
      <h2 id="results-confirm">{t.results.confirm.title}</h2>
      <div className="results-state">
        <p
          className={status.tone === 'plain' ? 'banner' : `banner ${status.tone}`}
          role="status"
          data-testid="results-state"
        >
          {status.text}
          {state.kind === 'reopened' && state.matches && (
            <> · {t.results.state.sameAsConfirmed(state.confirmation.version)}</>
          )}
        </p>
      </div>
      <div className="results-actions">
        {state.kind !== 'confirmed' || !state.matches ? (
          <>
            <p className="muted small">{t.results.confirm.hint}</p>
            {view.progress.outstanding > 0 && (
              <p className="notice">
                {t.results.confirm.outstandingWarning(view.progress.outstanding)}
              </p>
            )}
            {view.blockers.length > 0 && (
              <div className="banner warning" data-testid="results-blockers">
                <p>{t.results.confirm.blocked}</p>
                <ul>
                  {view.blockers.map((b) => (
                    <li key={b.kind}>
                      {blockerText(b)}
                      {b.kind === 'opinion-missing' && (
                        <>
                          {' '}
                          <a href={hrefFor({ name: 'papers', roundId, paper: 'opinions' })}>
                            {t.papers.opinions.write}
                          </a>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <button
              type="button"
              className="button primary"
              disabled={!canConfirm || busy}
              onClick={() => void run(() => confirmResults(db, session, roundId))}
            >
              {t.results.confirm.confirm}
            </button>
          </>
        ) : null}
        {state.kind === 'confirmed' &&
          (reopening ? (
            <SecretariatGate page={false} reason={t.results.confirm.reopenNeedsSecretariat}>
              {(secretariat) => (
                <div className="conflict-form">
                  <label>
                    {t.results.confirm.reopenReason}
                    <textarea
                      rows={2}
                      autoFocus
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                    />
                  </label>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button primary small"
                      disabled={busy}
                      onClick={() =>
                        void run(() => reopenResults(db, secretariat, roundId, reason))
                      }
                    >
                      {t.results.confirm.confirmReopen}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setReopening(false)}
                    >
                      {t.results.confirm.cancel}
                    </button>
                  </div>
                </div>
              )}
            </SecretariatGate>
          ) : (
            <button type="button" className="button" onClick={() => setReopening(true)}>
              {t.results.confirm.reopen}
            </button>
          ))}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
      {view.confirmations.length > 0 && (
        <details>
          <summary>{t.results.confirm.history}</summary>
          <ul data-testid="results-confirmations">
            {view.confirmations.map((c) => (
              <li key={c.key}>
                {t.results.confirm.version(c.version)} · {c.chair} ·{' '}
                {formatDateTime(c.at, language)} · {t.results.confirm.digest}{' '}
                <span className="mono small">{c.digest}</span>
                {c.reopenedAt && (
                  <>
                    {' '}
                    ·{' '}
                    {t.results.confirm.reopenedNote(
                      c.reopenedBy ?? '',
                      formatDateTime(c.reopenedAt, language),
                      c.reopenReason ?? '',
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
