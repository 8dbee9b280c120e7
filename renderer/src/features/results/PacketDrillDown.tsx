import { explain, formatPoints, type PacketResult } from '@shared/compile';
import type { Rubric } from '@shared/model/rubric';
import { allCriteria } from '@shared/rubric/points';
import { useI18n } from '../../i18n/I18nProvider';
import { deviationTagClass } from './deviationTag';

/**
 * How one packet's result came about: every valid sheet's points per criterion, which were
 * trimmed and why, what did not count (回避, not submitted), veto tallies, deviation flags with
 * their 复核, and the plain account for the applicant.
 */
export function PacketDrillDown({
  packet,
  rubric,
  names,
}: {
  packet: PacketResult;
  rubric: Rubric;
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const criteria = allCriteria(rubric);
  const vetoTitles = new Map(rubric.vetoes.map((v) => [v.id, v.title]));
  const name = (id: string) => names.get(id) ?? id;

  return (
    <div data-testid={`drill-${packet.packetId}`} aria-label={t.results.detailsOf(packet.packetId)}>
      {packet.n > 0 && (
        <div className="scroll-x">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.results.drill.expert}</th>
                {criteria.map((c) => (
                  <th key={c.id} scope="col" className="numeric" title={c.title}>
                    {c.title}
                    <span className="muted small"> /{c.max}</span>
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {t.results.drill.total}
                </th>
                <th scope="col">{t.results.drill.vetoes}</th>
                <th scope="col">{t.results.columns.method}</th>
                <th scope="col">{t.results.drill.deviation}</th>
              </tr>
            </thead>
            <tbody>
              {packet.sheets.map((sheet) => (
                <tr
                  key={sheet.expertId}
                  className={sheet.trimmed ? 'trimmed' : undefined}
                  data-testid={`drill-sheet-${packet.packetId}-${sheet.expertId}`}
                >
                  <th scope="row">{name(sheet.expertId)}</th>
                  {criteria.map((c) => (
                    <td key={c.id} className="numeric">
                      {sheet.scores[c.id] === undefined ? '—' : formatPoints(sheet.scores[c.id]!)}
                    </td>
                  ))}
                  <td className="numeric">{formatPoints(sheet.points)}</td>
                  <td>{sheet.vetoes.map((id) => vetoTitles.get(id) ?? id).join('；')}</td>
                  <td className="trim-note">
                    {sheet.trimmed
                      ? t.results.drill.trimmed[sheet.trimmed]
                      : t.results.drill.counted}
                  </td>
                  <td className="trim-note">
                    {sheet.deviation.flagged || sheet.deviation.status ? (
                      <>
                        {sheet.deviation.flagged &&
                          sheet.deviation.distance !== null &&
                          t.results.drill.deviationOf(
                            sheet.deviation.distance,
                            sheet.deviation.threshold,
                          )}
                        {sheet.deviation.status && (
                          <>
                            {' '}
                            <span className={deviationTagClass(sheet.deviation.status)}>
                              {t.results.drill.deviationStatus[sheet.deviation.status]}
                            </span>
                            {sheet.deviation.reason && <span>{sheet.deviation.reason}</span>}
                          </>
                        )}
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t.results.drill.criterionMean}</th>
                {criteria.map((c) => (
                  <td key={c.id} className="numeric">
                    {packet.criterionMeans[c.id] === undefined
                      ? '—'
                      : formatPoints(packet.criterionMeans[c.id]!)}
                  </td>
                ))}
                <td className="numeric">{packet.scoreText ?? '—'}</td>
                <td colSpan={3} />
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {packet.n > 0 && (
        <p className="small">
          {packet.configuredMethod === 'trimmed-mean'
            ? packet.method === 'trimmed-mean'
              ? t.results.drill.trimmedWhy(packet.n, packet.trimWhenAtLeast)
              : t.results.drill.notTrimmedWhy(packet.n, packet.trimWhenAtLeast)
            : t.results.method[packet.configuredMethod]}
        </p>
      )}
      {packet.excluded.length > 0 && (
        <>
          <h4>{t.results.drill.excluded}</h4>
          <ul data-testid={`drill-excluded-${packet.packetId}`}>
            {packet.excluded.map((e) => (
              <li key={e.expertId}>
                {name(e.expertId)}：
                {e.reason === 'conflict'
                  ? t.results.drill.conflict(e.detail)
                  : t.results.drill.notSubmitted(
                      e.detail === 'draft'
                        ? t.scoring.status.inProgress!
                        : (t.scoring.status[e.detail] ?? e.detail),
                    )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t.results.drill.vetoes}</h4>
      {packet.vetoes.length === 0 ? (
        <p className="muted small">{t.results.drill.noVetoes}</p>
      ) : (
        <ul>
          {packet.vetoes.map((v) => (
            <li key={v.id}>{t.results.drill.vetoTally(v.title, v.ticks, packet.n, v.decisive)}</li>
          ))}
        </ul>
      )}
      <h4>{t.results.drill.explain}</h4>
      <p className="explain" data-testid={`explain-${packet.packetId}`}>
        {explain(packet)}
      </p>
    </div>
  );
}
