import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { verifyAuditChain } from '@shared/audit/chain';
import { useServices } from '../../app/AppServices';
import { auditForRound } from '../../data/repositories/auditLog';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../app/format/dateTime';

const SHOWN = 30;

/** Who changed what and when, newest first, with the hash chain checked on every change. */
export function AuditLogPanel({ roundId }: { roundId: string }) {
  const { t, language } = useI18n();
  const { db } = useServices();
  const entries = useLiveQuery(() => auditForRound(db, roundId), [db, roundId]);
  const [all, setAll] = useState(false);
  if (!entries) return null;
  const check = verifyAuditChain(entries);
  const newestFirst = [...entries].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, SHOWN);
  return (
    <section className="panel-section" aria-labelledby="panel-audit">
      <h2 id="panel-audit">{t.audit.title}</h2>
      <p
        className={check.intact ? 'banner success' : 'banner error'}
        role="status"
        data-testid="audit-check"
      >
        {check.intact
          ? t.audit.intact(check.entries)
          : t.audit.broken(check.brokenAt, check.reason)}
      </p>
      <table className="data-table" data-testid="audit-log">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.audit.at}</th>
            <th scope="col">{t.audit.actor}</th>
            <th scope="col">{t.audit.detail}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((entry) => (
            <tr key={entry.index}>
              <td className="numeric">{entry.index}</td>
              <td>{formatDateTime(entry.at, language)}</td>
              <td>{entry.actor}</td>
              <td>
                {entry.detail} <span className="muted small mono">{entry.subject}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!all && entries.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          {t.audit.showAll(entries.length)}
        </button>
      )}
    </section>
  );
}
