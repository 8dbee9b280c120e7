import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { FINDING_SEVERITIES, type FindingSeverity } from '@shared/workbook/format';
import { useServices } from '../../app/AppServices';
import { useFieldSession, useSessions } from '../../app/Sessions';
import {
  findingProblems,
  findingsForSite,
  recordFinding,
  setFindingStatus,
} from '../../data/repositories/inspectionRepository';
import { useI18n } from '../../i18n/I18nProvider';

/** 问题清单 of one site: the findings, closed as they are fixed, and a form for a new one. */
export function FindingsPanel({ roundId, packetId }: { roundId: string; packetId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const session = useFieldSession(roundId);
  const findings = useLiveQuery(
    () => findingsForSite(db, roundId, packetId),
    [db, roundId, packetId],
  );
  const [severity, setSeverity] = useState<FindingSeverity>('一般');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = findingProblems({ severity, description, owner, dueDate });
    setProblems(found);
    if (found.length > 0) return;
    try {
      await guard(() =>
        recordFinding(db, session, {
          roundId,
          packetId,
          severity,
          description,
          owner,
          dueDate,
        }),
      );
      setDescription('');
      setOwner('');
      setDueDate('');
      setSeverity('一般');
    } catch (e) {
      setProblems([e instanceof Error ? e.message : String(e)]);
    }
  }

  const id = (name: string) => `finding-${packetId}-${name}`;
  return (
    <section className="route-findings" aria-label={`${packetId} ${t.inspection.findings}`}>
      <h3>{t.inspection.findings}</h3>
      {findings && findings.length === 0 && (
        <p className="muted small">{t.inspection.noFindings}</p>
      )}
      <ul className="finding-list" data-testid={`findings-${packetId}`}>
        {findings?.map((f) => (
          <li key={f.id} className={`finding ${f.status}`}>
            <span className={`tag severity-${FINDING_SEVERITIES.indexOf(f.severity)}`}>
              {f.severity}
            </span>{' '}
            {f.description}
            <span className="muted small">
              {' '}
              · {t.inspection.owner}：{f.owner} · {t.inspection.due(f.dueDate)} ·{' '}
              {t.inspection.recordedBy(f.recordedBy)} ·{' '}
              <strong>
                {f.status === 'open' ? t.inspection.statusOpen : t.inspection.statusClosed}
              </strong>
            </span>{' '}
            <button
              type="button"
              className="link-button small"
              onClick={() =>
                void guard(() =>
                  setFindingStatus(
                    db,
                    session,
                    roundId,
                    f.id,
                    f.status === 'open' ? 'closed' : 'open',
                  ),
                )
              }
            >
              {f.status === 'open' ? t.inspection.close : t.inspection.reopen}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="finding-form"
        aria-label={t.inspection.recordFor(packetId)}
        onSubmit={(e) => void onSubmit(e)}
      >
        <label htmlFor={id('severity')}>{t.inspection.severity}</label>
        <select
          id={id('severity')}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as FindingSeverity)}
        >
          {FINDING_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor={id('description')}>{t.inspection.description}</label>
        <textarea
          id={id('description')}
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label htmlFor={id('owner')}>{t.inspection.owner}</label>
        <input id={id('owner')} value={owner} onChange={(e) => setOwner(e.target.value)} />
        <label htmlFor={id('due')}>{t.inspection.dueDate}</label>
        <input
          id={id('due')}
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
        />
        <button type="submit" className="button">
          {t.inspection.record}
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
