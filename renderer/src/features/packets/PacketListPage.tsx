import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { listPackets, packetMatches } from '../../data/repositories/queries';
import { packetProgress } from '../../data/repositories/sheetRepository';
import { useI18n } from '../../i18n/I18nProvider';

export function PacketListPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const packets = useLiveQuery(() => listPackets(db, roundId), [db, roundId]);
  const progress = useLiveQuery(() => packetProgress(db, roundId), [db, roundId]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(
    () => (packets ?? []).filter((p) => packetMatches(p, deferredQuery)),
    [packets, deferredQuery],
  );

  if (packets === undefined) return <main className="page" aria-busy="true" />;

  return (
    <main className="page">
      <div className="page-title">
        <h1>{t.packets.title}</h1>
        <span className="muted" role="status">
          {t.packets.count(shown.length, packets.length)}
        </span>
      </div>
      <input
        type="search"
        className="search"
        placeholder={t.packets.search}
        aria-label={t.packets.search}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.packets.columns.id}</th>
            <th scope="col">{t.packets.columns.title}</th>
            <th scope="col">{t.packets.columns.applicant}</th>
            <th scope="col">{t.packets.columns.city}</th>
            <th scope="col">{t.packets.columns.group}</th>
            <th scope="col" className="numeric">
              {t.packets.columns.progress}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((packet) => {
            const p = progress?.get(packet.id);
            return (
              <tr key={packet.key}>
                <td className="mono">{packet.id}</td>
                <td>
                  <a href={hrefFor({ name: 'packet', roundId, packetId: packet.id })}>
                    {packet.title}
                  </a>
                </td>
                <td>{packet.applicant.name}</td>
                <td>{packet.applicant.city}</td>
                <td>{packet.group || packet.category}</td>
                <td className="numeric" data-testid={`progress-${packet.id}`}>
                  {p ? t.packets.progress(p.submitted, p.assigned) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">{t.packets.none}</p>}
    </main>
  );
}
