import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { getExpert, packetsAssignedTo } from '../../data/repositories/queries';
import { expertSheetStatuses } from '../../data/repositories/sheetRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { ExpertProgressBar } from './ExpertProgressBar';

export function ExpertSheetsPage({ roundId, expertId }: { roundId: string; expertId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const expert = useLiveQuery(() => getExpert(db, roundId, expertId), [db, roundId, expertId]);
  const packets = useLiveQuery(
    () => packetsAssignedTo(db, roundId, expertId),
    [db, roundId, expertId],
  );
  const statuses = useLiveQuery(
    () => expertSheetStatuses(db, roundId, expertId),
    [db, roundId, expertId],
  );

  if (!expert || !packets || !statuses) return <main className="page" aria-busy="true" />;

  return (
    <main className="page">
      <div className="page-title">
        <h1>{t.scoring.mySheets(expert.name)}</h1>
        <a href={hrefFor({ name: 'experts', roundId })}>{t.scoring.switchExpert}</a>
      </div>
      <ExpertProgressBar roundId={roundId} expertId={expertId} />
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
            return (
              <tr key={packet.key} data-testid={`sheet-row-${packet.id}`}>
                <td className="mono">{packet.id}</td>
                <td>{packet.title}</td>
                <td>{packet.applicant.name}</td>
                <td>{packet.group || packet.category}</td>
                <td>
                  <span className={`status status-${status ?? 'todo'}`}>{label}</span>
                </td>
                <td>
                  <a
                    className="button small"
                    href={hrefFor({ name: 'sheet', roundId, expertId, packetId: packet.id })}
                  >
                    {status === 'submitted' ? t.scoring.view : t.scoring.score}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
