import { useState } from 'react';
import { SELECTION_DECISIONS, type SelectionDecision } from '@shared/compile';
import { useServices } from '../../app/AppServices';
import { useExpertSession } from '../../app/Sessions';
import { recordChairDecision, type ResultsView } from '../../data/repositories/resultsRepository';
import type { ExpertRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';

/** 并列跨线: packets sharing a rank across a quota line, each decided by the chair with a reason. */
export function TieDecisions({
  roundId,
  chair,
  view,
  locked,
}: {
  roundId: string;
  chair: ExpertRow;
  view: ResultsView;
  locked: boolean;
}) {
  const { t } = useI18n();
  const tied = view.result.packets.filter((p) => p.tieAtQuota !== null);
  return (
    <section className="panel-section" aria-labelledby="results-ties">
      <h2 id="results-ties">{t.results.ties.title}</h2>
      {tied.length === 0 ? (
        <p className="muted">{t.results.ties.none}</p>
      ) : (
        <>
          <p className="muted small">{t.results.ties.hint}</p>
          {tied.map((packet) => (
            <TieDecisionForm
              key={packet.packetId}
              roundId={roundId}
              chair={chair}
              packetId={packet.packetId}
              title={packet.title}
              current={packet.chairDecision}
              locked={locked}
            />
          ))}
        </>
      )}
    </section>
  );
}

function TieDecisionForm({
  roundId,
  chair,
  packetId,
  title,
  current,
  locked,
}: {
  roundId: string;
  chair: ExpertRow;
  packetId: string;
  title: string;
  current: { decision: SelectionDecision; reason: string } | null;
  locked: boolean;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const session = useExpertSession(roundId, chair.id);
  const [decision, setDecision] = useState<SelectionDecision | ''>(current?.decision ?? '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (!decision) return;
    setError(null);
    setBusy(true);
    try {
      await recordChairDecision(db, session, roundId, packetId, decision, reason);
    } catch (e) {
      setError(t.results.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid={`tie-${packetId}`}>
      <form
        className="tie-form"
        aria-label={t.results.ties.decision(packetId)}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <span>
          <span className="mono muted">{packetId}</span> {title}
        </span>
        <select
          aria-label={t.results.ties.decision(packetId)}
          value={decision}
          disabled={locked}
          onChange={(e) => setDecision(e.target.value as SelectionDecision | '')}
        >
          <option value="">{t.results.ties.choose}</option>
          {SELECTION_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <input
          type="text"
          aria-label={t.results.ties.reason(packetId)}
          placeholder={t.results.ties.reason(packetId)}
          value={reason}
          disabled={locked}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="submit"
          className="button small primary"
          disabled={locked || busy || !decision || !reason.trim()}
        >
          {t.results.ties.save}
        </button>
      </form>
      {current && (
        <p className="muted small" data-testid={`tie-current-${packetId}`}>
          {t.results.ties.current(current.decision, current.reason)}
        </p>
      )}
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
