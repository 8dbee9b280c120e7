import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useExpertSession } from '../../app/Sessions';
import { returnSheet, submittedSheets } from '../../data/repositories/panelRepository';
import type { ExpertRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../app/format/dateTime';
import { ExchangeConflictList } from '../exchange/ExchangeConflictList';
import { ExpertKeyList } from '../exchange/ExpertKeyList';
import { ReasonForm } from '../../app/components/ReasonForm';
import { ChairGate } from './ChairGate';

export function ChairPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  return (
    <ChairGate roundId={roundId} title={t.chair.title}>
      {(chair) => <ChairReview roundId={roundId} chair={chair} />}
    </ChairGate>
  );
}

function ChairReview({ roundId, chair }: { roundId: string; chair: ExpertRow }) {
  const { t, language } = useI18n();
  const { db } = useServices();
  const session = useExpertSession(roundId, chair.id);
  const sheets = useLiveQuery(() => submittedSheets(db, roundId), [db, roundId]);
  const [returning, setReturning] = useState<string | null>(null);
  if (!sheets) return <main className="page" aria-busy="true" />;

  return (
    <main className="page">
      <h1>{t.chair.title}</h1>
      <p className="muted">{t.chair.hint}</p>
      <h2>{t.chair.submitted}</h2>
      {sheets.length === 0 ? (
        <p className="muted">{t.chair.none}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.chair.columns.packet}</th>
              <th scope="col">{t.chair.columns.expert}</th>
              <th scope="col">{t.chair.columns.revision}</th>
              <th scope="col">{t.chair.columns.submittedAt}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {sheets.map((s) => {
              const id = `${s.packetId}:${s.expertId}`;
              return (
                <tr key={id} data-testid={`chair-row-${s.packetId}-${s.expertId}`}>
                  <td>
                    <span className="mono muted">{s.packetId}</span> {s.packetTitle}
                  </td>
                  <td>{s.expertName}</td>
                  <td className="numeric">{s.revision}</td>
                  <td>{formatDateTime(s.submittedAt, language)}</td>
                  <td>
                    {returning === id ? (
                      <ReasonForm
                        label={t.chair.returnReason}
                        submitLabel={t.chair.confirmReturn}
                        cancelLabel={t.conflict.cancel}
                        onSubmit={async (reason) => {
                          await returnSheet(db, session, roundId, s.packetId, s.expertId, reason);
                          setReturning(null);
                        }}
                        onCancel={() => setReturning(null)}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button small"
                        onClick={() => setReturning(id)}
                      >
                        {t.chair.return}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {session && <ExchangeConflictList roundId={roundId} session={session} />}
      <ExpertKeyList roundId={roundId} />
    </main>
  );
}
