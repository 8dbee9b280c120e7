import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { listPackets, packetMatches } from '../../data/repositories/queries';
import { packetFlagsForRound } from '../../data/repositories/roundRepository';
import { packetProgress } from '../../data/repositories/sheetRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportControls } from '../import/ImportControls';
import { titleOnly, useConflictedForExpert } from './conflictedForExpert';
import { NO_FILTER, countsBy, sortPackets, type PacketFilter } from './packetFilters';
import { useWindowedRows } from './useWindowedRows';

const ROW_HEIGHT = 40;

export function PacketListPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const stored = useLiveQuery(() => listPackets(db, roundId), [db, roundId]);
  const conflicted = useConflictedForExpert(roundId);
  // A packet under 回避 for the unlocked expert is listed by title only, before any filter runs.
  const packets = useMemo(
    () =>
      stored && conflicted
        ? stored.map((p) => (conflicted.has(p.id) ? titleOnly(p) : p))
        : undefined,
    [stored, conflicted],
  );
  // The rows come first: progress reads every assignment and sheet of the round (tens of
  // thousands of rows), and asked for at the same time it kept the list waiting behind it.
  const listed = packets !== undefined;
  const progress = useLiveQuery(
    () => (listed ? packetProgress(db, roundId) : undefined),
    [db, roundId, listed],
  );
  const flags = useLiveQuery(
    () => (listed ? packetFlagsForRound(db, roundId) : undefined),
    [db, roundId, listed],
  );
  const [filter, setFilter] = useState<PacketFilter>(NO_FILTER);
  const deferred = useDeferredValue(filter);
  const all = useMemo(() => packets ?? [], [packets]);
  const shown = useMemo(
    () =>
      sortPackets(
        all.filter(
          (p) =>
            (!deferred.group || p.group === deferred.group) &&
            (!deferred.city || p.applicant.city === deferred.city) &&
            (!deferred.category || p.category === deferred.category) &&
            packetMatches(p, deferred.query),
        ),
        deferred.sort,
      ),
    [all, deferred],
  );
  const groups = useMemo(() => countsBy(all, (p) => p.group), [all]);
  const cities = useMemo(() => countsBy(all, (p) => p.applicant.city).filter(([c]) => c), [all]);
  const categories = useMemo(() => countsBy(all, (p) => p.category).filter(([c]) => c), [all]);
  const flagged = useMemo(() => new Map((flags ?? []).map((f) => [f.packetId, f])), [flags]);
  const viewport = useRef<HTMLDivElement>(null);
  const rows = useWindowedRows(shown.length, ROW_HEIGHT, viewport);
  const set = (change: Partial<PacketFilter>) => setFilter((f) => ({ ...f, ...change }));

  if (packets === undefined) return <main className="page" aria-busy="true" />;

  return (
    <main className="page">
      <div className="page-title">
        <h1>{t.packets.title}</h1>
        <span className="muted" role="status">
          {t.packets.count(shown.length, packets.length)}
        </span>
        <ImportControls />
      </div>
      <div className="group-counts" aria-label={t.packets.groupCounts}>
        {groups.map(([group, count]) => (
          <button
            type="button"
            key={group}
            className={`chip${filter.group === group ? ' selected' : ''}`}
            aria-pressed={filter.group === group}
            onClick={() => set({ group: filter.group === group ? '' : group })}
          >
            {group || t.packets.ungrouped} <span className="muted">{count}</span>
          </button>
        ))}
      </div>
      <div className="filters" role="group" aria-label={t.packets.filters}>
        <input
          type="search"
          className="search"
          placeholder={t.packets.search}
          aria-label={t.packets.search}
          value={filter.query}
          onChange={(e) => set({ query: e.target.value })}
        />
        <select
          aria-label={t.packets.allGroups}
          value={filter.group}
          onChange={(e) => set({ group: e.target.value })}
        >
          <option value="">{t.packets.allGroups}</option>
          {groups.map(([g, n]) => (
            <option key={g} value={g}>
              {g || t.packets.ungrouped}（{n}）
            </option>
          ))}
        </select>
        <select
          aria-label={t.packets.allCities}
          value={filter.city}
          onChange={(e) => set({ city: e.target.value })}
        >
          <option value="">{t.packets.allCities}</option>
          {cities.map(([c, n]) => (
            <option key={c} value={c}>
              {c}（{n}）
            </option>
          ))}
        </select>
        <select
          aria-label={t.packets.allCategories}
          value={filter.category}
          onChange={(e) => set({ category: e.target.value })}
        >
          <option value="">{t.packets.allCategories}</option>
          {categories.map(([c, n]) => (
            <option key={c} value={c}>
              {c}（{n}）
            </option>
          ))}
        </select>
        <select
          aria-label={t.packets.sortBy}
          value={filter.sort}
          onChange={(e) => set({ sort: e.target.value as PacketFilter['sort'] })}
        >
          {(['id', 'title', 'city', 'group'] as const).map((s) => (
            <option key={s} value={s}>
              {t.packets.sort[s]}
            </option>
          ))}
        </select>
        {filter !== NO_FILTER && (
          <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
            {t.packets.clearFilters}
          </button>
        )}
      </div>
      <div className="table-viewport" ref={viewport} onScroll={rows.onScroll}>
        <table className="data-table virtual" aria-rowcount={shown.length + 1}>
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
            {rows.paddingTop > 0 && (
              <tr className="spacer" aria-hidden="true" style={{ height: rows.paddingTop }} />
            )}
            {shown.slice(rows.first, rows.last).map((packet, i) => {
              const p = progress?.get(packet.id);
              const hidden = conflicted?.has(packet.id) ?? false;
              return (
                <tr
                  key={packet.key}
                  aria-rowindex={rows.first + i + 2}
                  data-testid={`packet-row-${packet.id}`}
                >
                  <td className="mono">
                    {packet.id}
                    {flagged.has(packet.id) && (
                      <span
                        className="flag"
                        title={t.packets.flagChanged(flagged.get(packet.id)!.fields.join('、'))}
                      >
                        {' '}
                        ⚑
                      </span>
                    )}
                  </td>
                  <td title={packet.title}>
                    {hidden ? (
                      <>
                        {packet.title}{' '}
                        <span className="status status-conflict">{t.conflict.hidden}</span>
                      </>
                    ) : (
                      <a href={hrefFor({ name: 'packet', roundId, packetId: packet.id })}>
                        {packet.title}
                      </a>
                    )}
                  </td>
                  <td title={packet.applicant.name}>{packet.applicant.name}</td>
                  <td>{packet.applicant.city}</td>
                  <td>{packet.group || packet.category}</td>
                  <td className="numeric" data-testid={`progress-${packet.id}`}>
                    {p && !hidden ? t.packets.progress(p.submitted, p.assigned) : ''}
                  </td>
                </tr>
              );
            })}
            {rows.paddingBottom > 0 && (
              <tr className="spacer" aria-hidden="true" style={{ height: rows.paddingBottom }} />
            )}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="muted">{t.packets.none}</p>}
    </main>
  );
}
