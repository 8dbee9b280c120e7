import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useExpertSession, useSessions } from '../../app/Sessions';
import { hrefFor, navigate } from '../../app/router';
import { conflictsForRound, withdrawConflict } from '../../data/repositories/panelRepository';
import { getExpert, packetsAssignedTo } from '../../data/repositories/queries';
import { expertSheetStatuses } from '../../data/repositories/sheetRepository';
import type { ExpertRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { ExportScoreFileButton } from '../exchange/ExportScoreFileButton';
import { ConflictDeclaration } from './ConflictDeclaration';
import { DeviationReview } from './DeviationReview';
import { ExpertProgressBar } from './ExpertProgressBar';
import { PinGate } from './PinGate';

export function ExpertSheetsPage({ roundId, expertId }: { roundId: string; expertId: string }) {
  const { db } = useServices();
  const expert = useLiveQuery(() => getExpert(db, roundId, expertId), [db, roundId, expertId]);
  if (!expert) return <main className="page" aria-busy="true" />;
  return (
    <PinGate roundId={roundId} expert={expert}>
      <ExpertSheets roundId={roundId} expert={expert} />
    </PinGate>
  );
}

function ExpertSheets({ roundId, expert }: { roundId: string; expert: ExpertRow }) {
  const { t } = useI18n();
  const { db } = useServices();
  const expertId = expert.id;
  const packets = useLiveQuery(
    () => packetsAssignedTo(db, roundId, expertId),
    [db, roundId, expertId],
  );
  const statuses = useLiveQuery(
    () => expertSheetStatuses(db, roundId, expertId),
    [db, roundId, expertId],
  );
  const confirmed = useLiveQuery(
    async () =>
      new Set(
        (await conflictsForRound(db, roundId))
          .filter((c) => c.expertId === expertId && c.confirmedAt)
          .map((c) => c.packetId),
      ),
    [db, roundId, expertId],
  );
  const [declaring, setDeclaring] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const { lockExpert, guard } = useSessions();
  const session = useExpertSession(roundId, expertId);

  async function withdraw(packetId: string) {
    setNotice(null);
    try {
      const done = await guard(async () => {
        await withdrawConflict(db, session, roundId, packetId, expertId);
        return true;
      });
      if (done) setNotice({ text: t.conflict.withdrawn, error: false });
    } catch (e) {
      setNotice({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  }

  if (!packets || !statuses || !confirmed) return <main className="page" aria-busy="true" />;

  return (
    <main className="page">
      <div className="page-title">
        <h1>{t.scoring.mySheets(expert.name)}</h1>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            lockExpert();
            navigate({ name: 'experts', roundId });
          }}
        >
          {t.pin.lockAndSwitch}
        </button>
      </div>
      <ExpertProgressBar roundId={roundId} expertId={expertId} />
      <ExportScoreFileButton roundId={roundId} expertId={expertId} />
      <DeviationReview roundId={roundId} expert={expert} />
      {notice && (
        <p
          className={notice.error ? 'error-text' : 'muted'}
          role={notice.error ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.packets.columns.id}</th>
            <th scope="col">{t.packets.columns.title}</th>
            <th scope="col">{t.packets.columns.applicant}</th>
            <th scope="col">{t.packets.columns.group}</th>
            <th scope="col">{t.scoring.statusColumn}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {packets.map((packet) => {
            const status = statuses.get(packet.id);
            const label =
              status === undefined
                ? t.scoring.status.draft
                : status === 'draft'
                  ? t.scoring.status.inProgress
                  : t.scoring.status[status];
            const conflicted = status === 'conflict';
            const canDeclare = status === undefined || status === 'draft' || status === 'returned';
            return (
              <Fragment key={packet.key}>
                <tr data-testid={`sheet-row-${packet.id}`}>
                  <td className="mono">{packet.id}</td>
                  <td>{packet.title}</td>
                  {/* A conflicted packet shows nothing beyond its title. */}
                  <td>{conflicted ? '' : packet.applicant.name}</td>
                  <td>{conflicted ? '' : packet.group || packet.category}</td>
                  <td>
                    <span className={`status status-${status ?? 'todo'}`}>{label}</span>
                  </td>
                  <td className="row-actions">
                    {!conflicted && (
                      <a
                        className="button small"
                        href={hrefFor({ name: 'sheet', roundId, expertId, packetId: packet.id })}
                      >
                        {status === 'submitted' ? t.scoring.view : t.scoring.score}
                      </a>
                    )}
                    {conflicted &&
                      (confirmed.has(packet.id) ? (
                        <span className="muted small">{t.conflict.confirmedNote}</span>
                      ) : (
                        <button
                          type="button"
                          className="link-button small"
                          onClick={() => void withdraw(packet.id)}
                        >
                          {t.conflict.withdraw}
                        </button>
                      ))}
                    {canDeclare && declaring !== packet.id && (
                      <button
                        type="button"
                        className="link-button small"
                        onClick={() => setDeclaring(packet.id)}
                      >
                        {t.conflict.declare}
                      </button>
                    )}
                  </td>
                </tr>
                {declaring === packet.id && (
                  <tr>
                    <td colSpan={6}>
                      <ConflictDeclaration
                        roundId={roundId}
                        packetId={packet.id}
                        expertId={expertId}
                        onDone={() => setDeclaring(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
