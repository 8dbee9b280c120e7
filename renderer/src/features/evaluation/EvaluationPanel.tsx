import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { DECISION } from '@shared/compile';
import { useServices } from '../../app/AppServices';
import { useExpertSession, useSessions } from '../../app/Sessions';
import {
  adjustmentProblems,
  adjustmentsForRound,
  EVALUATION_FAIL_BASIS,
  localDate,
  markCancellation,
  recordAdjustment,
} from '../../data/repositories/adjustmentRepository';
import { listPackets } from '../../data/repositories/queries';
import type { ResultsView } from '../../data/repositories/resultsRepository';
import type { AdjustmentRow, ExpertRow, PacketRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { CityRankingView } from './CityRankingView';

/**
 * 评估验收 on the chair's results screen: 取消资格 of failed bodies with a reason,
 * the 动态调整 records and a form for more, and the city ranking of a 综合评估.
 */
export function EvaluationPanel({
  roundId,
  chair,
  view,
}: {
  roundId: string;
  chair: ExpertRow;
  view: ResultsView;
}) {
  const { db } = useServices();
  const packets = useLiveQuery(() => listPackets(db, roundId), [db, roundId]);
  const adjustments = useLiveQuery(() => adjustmentsForRound(db, roundId), [db, roundId]);
  if (!packets || !adjustments) return null;
  return (
    <>
      <Cancellations roundId={roundId} chair={chair} view={view} adjustments={adjustments} />
      <Adjustments roundId={roundId} chair={chair} packets={packets} adjustments={adjustments} />
      <CityRankingView view={view} packets={packets} />
    </>
  );
}

function Cancellations({
  roundId,
  chair,
  view,
  adjustments,
}: {
  roundId: string;
  chair: ExpertRow;
  view: ResultsView;
  adjustments: AdjustmentRow[];
}) {
  const { t } = useI18n();
  const failed = view.result.packets.filter((p) => p.decision === DECISION.fail);
  return (
    <section className="panel-section" aria-labelledby="evaluation-cancel">
      <h2 id="evaluation-cancel">{t.evaluation.cancelTitle}</h2>
      <p className="muted small">{t.evaluation.cancelHint}</p>
      {failed.length === 0 && <p className="muted">{t.evaluation.noFailures}</p>}
      <ul className="cancel-list">
        {failed.map((p) => {
          const marked = adjustments.find(
            (a) =>
              a.packetId === p.packetId &&
              a.action === 'cancel' &&
              a.basis === EVALUATION_FAIL_BASIS,
          );
          return (
            <li key={p.packetId} data-testid={`cancel-${p.packetId}`}>
              <strong>
                <span className="mono">{p.packetId}</span> {p.title}
              </strong>{' '}
              <span className="muted">
                {p.scoreText ?? '—'} · {p.decision}
              </span>
              {marked ? (
                <p className="banner" role="status">
                  {t.evaluation.cancelled(marked.reason, marked.decidedOn, marked.decidedBy)}
                </p>
              ) : (
                <CancelForm roundId={roundId} packetId={p.packetId} chair={chair} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function CancelForm({
  roundId,
  packetId,
  chair,
}: {
  roundId: string;
  packetId: string;
  chair: ExpertRow;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const session = useExpertSession(roundId, chair.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await guard(() => markCancellation(db, session, roundId, packetId, reason));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  const label = t.evaluation.cancelReason(packetId);
  return (
    <form
      className="cancel-form"
      aria-label={`${packetId} ${t.evaluation.markCancel}`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <textarea
        aria-label={label}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button" disabled={reason.trim() === ''}>
        {t.evaluation.markCancel}
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Adjustments({
  roundId,
  chair,
  packets,
  adjustments,
}: {
  roundId: string;
  chair: ExpertRow;
  packets: PacketRow[];
  adjustments: AdjustmentRow[];
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard, secretariat } = useSessions();
  const titles = new Map(packets.map((p) => [p.id, p.applicant.name]));
  const [packetId, setPacketId] = useState(packets[0]?.id ?? '');
  const [action, setAction] = useState<AdjustmentRow['action']>('cancel');
  const [reason, setReason] = useState('');
  const [decidedOn, setDecidedOn] = useState(localDate());
  const [decidedBy, setDecidedBy] = useState(chair.name);
  const [problems, setProblems] = useState<string[]>([]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const entry = { action, basis: '', reason, decidedOn, decidedBy };
    const found = adjustmentProblems(entry);
    setProblems(found);
    if (found.length > 0) return;
    try {
      await guard(() => recordAdjustment(db, secretariat, { roundId, packetId, ...entry }));
      setReason('');
    } catch (e) {
      setProblems([e instanceof Error ? e.message : String(e)]);
    }
  }

  const c = t.evaluation.columns;
  return (
    <section className="panel-section" aria-labelledby="evaluation-adjustments">
      <h2 id="evaluation-adjustments">{t.evaluation.adjustmentsTitle}</h2>
      {adjustments.length === 0 ? (
        <p className="muted">{t.evaluation.noAdjustments}</p>
      ) : (
        <table className="data-table" data-testid="adjustments">
          <thead>
            <tr>
              <th>{c.packet}</th>
              <th>{c.title}</th>
              <th>{c.action}</th>
              <th>{c.basis}</th>
              <th>{c.reason}</th>
              <th>{c.date}</th>
              <th>{c.by}</th>
            </tr>
          </thead>
          <tbody>
            {adjustments.map((a) => (
              <tr key={a.id}>
                <td className="mono">{a.packetId}</td>
                <td>{titles.get(a.packetId) ?? ''}</td>
                <td>{t.evaluation.actions[a.action]}</td>
                <td>{a.basis}</td>
                <td>{a.reason}</td>
                <td>{a.decidedOn}</td>
                <td>{a.decidedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="finding-form"
        aria-label={t.evaluation.addTitle}
        onSubmit={(e) => void onSubmit(e)}
      >
        <label htmlFor="adj-packet">{t.evaluation.packet}</label>
        <select id="adj-packet" value={packetId} onChange={(e) => setPacketId(e.target.value)}>
          {packets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} {p.applicant.name}
            </option>
          ))}
        </select>
        <label htmlFor="adj-action">{t.evaluation.action}</label>
        <select
          id="adj-action"
          value={action}
          onChange={(e) => setAction(e.target.value as AdjustmentRow['action'])}
        >
          <option value="cancel">{t.evaluation.actions.cancel}</option>
          <option value="add">{t.evaluation.actions.add}</option>
        </select>
        <label htmlFor="adj-reason">{t.evaluation.reason}</label>
        <textarea
          id="adj-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <label htmlFor="adj-date">{t.evaluation.decidedOn}</label>
        <input
          id="adj-date"
          type="date"
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
        />
        <label htmlFor="adj-by">{t.evaluation.decidedBy}</label>
        <input id="adj-by" value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} />
        <button type="submit" className="button">
          {t.evaluation.add}
        </button>
        {problems.length > 0 && (
          <p className="error-text" role="alert">
            {problems.join('；')}
          </p>
        )}
      </form>
    </section>
  );
}
