import { Fragment, useState } from 'react';
import { recommendationText, type GroupResult, type PacketResult } from '@shared/compile';
import type { Rubric } from '@shared/model/rubric';
import { useI18n } from '../../i18n/I18nProvider';
import { PacketDrillDown } from './PacketDrillDown';
import { rankNote } from './rankNote';

/** One group's results: rank, score, sheets, method, decision, flags; a row opens its drill-down. */
export function GroupResultsTable({
  group,
  packets,
  rubric,
  names,
}: {
  group: GroupResult;
  packets: PacketResult[];
  rubric: Rubric;
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const byId = new Map(packets.map((p) => [p.packetId, p]));
  const ordered = group.packetIds.map((id) => byId.get(id)).filter((p) => p !== undefined);

  return (
    <div className="results-group" data-testid={`results-group-${group.group}`}>
      <h3>
        {t.results.group(group.group)}
        <span className="muted">
          {group.quota
            ? t.results.quota(group.quota.count, group.quota.reserve)
            : t.results.noQuota}
        </span>
      </h3>
      <table className="data-table results-table">
        <thead>
          <tr>
            <th scope="col">{t.results.columns.rank}</th>
            <th scope="col">{t.results.columns.packet}</th>
            <th scope="col" className="numeric">
              {t.results.columns.score}
            </th>
            <th scope="col" className="numeric">
              {t.results.columns.n}
            </th>
            <th scope="col">{t.results.columns.method}</th>
            <th scope="col">{t.results.columns.decision}</th>
            <th scope="col">{t.results.columns.flags}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {ordered.map((packet) => {
            const expanded = open === packet.packetId;
            const drillId = `drill-${packet.packetId}`;
            return (
              <Fragment key={packet.packetId}>
                <tr data-testid={`result-row-${packet.packetId}`}>
                  <td className="numeric">
                    {packet.rank ?? '—'}
                    {rankNote(packet) && (
                      <span className="muted small">
                        {' '}
                        {rankNote(packet) === 'decided' ? t.results.tieDecided : t.results.tied}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="mono muted">{packet.packetId}</span> {packet.title}
                  </td>
                  <td className="numeric" data-testid={`result-score-${packet.packetId}`}>
                    {packet.scoreText ?? '—'}
                  </td>
                  <td className="numeric">{packet.n}</td>
                  <td>
                    {packet.method ? (t.results.method[packet.method] ?? packet.method) : '—'}
                  </td>
                  <td
                    className={packet.decision ? `decision-${packet.decision}` : undefined}
                    data-testid={`result-decision-${packet.packetId}`}
                  >
                    {/* The panel recommends; the department decides (建议入选 …). */}
                    {packet.decision !== null
                      ? recommendationText(packet.decision)
                      : packet.tieAtQuota
                        ? t.results.pendingChair
                        : t.results.noDecision}
                  </td>
                  <td>
                    {packet.flags.map((flag) => (
                      <span key={flag} className="tag">
                        {t.results.flagLabels[flag] ?? flag}
                      </span>
                    ))}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link-button small"
                      aria-expanded={expanded}
                      aria-controls={drillId}
                      onClick={() => setOpen(expanded ? null : packet.packetId)}
                    >
                      {expanded ? t.results.hideDetails : t.results.details}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr id={drillId} className="results-drill">
                    <td colSpan={8}>
                      <PacketDrillDown packet={packet} rubric={rubric} names={names} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
