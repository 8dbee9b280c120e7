import { formatProblem } from '@shared/model/validation';
import type { RosterPreview } from '@shared/roster/rosterPreview';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * What the rosters hold, shown before the round exists: every column and what it is read as (or
 * why it is not read), every refused row, the title (pre-filled, editable) and the round id.
 */
export function RosterCheck({
  checked,
  title,
  onTitle,
}: {
  checked: RosterPreview;
  title: string;
  onTitle: (title: string) => void;
}) {
  const { t } = useI18n();
  const r = t.rosterImport;
  if (!checked.ok) return <ProblemList problems={checked.problems} />;
  const { report, problems, round, roundId } = checked;
  const ignored = report.columns.filter((c) => c.target === null);
  return (
    <section className="roster-check" aria-label={r.columnsTitle}>
      <p role="status" className="roster-summary">
        {round && r.summary(round.packets.length, round.round.experts.length)}
        {round && ignored.length > 0 && ' · '}
        {ignored.length > 0 && r.ignoredCount(ignored.length)}
      </p>
      {ignored.length > 0 && (
        <ul className="roster-ignored-list" aria-label={r.ignoredCount(ignored.length)}>
          {ignored.map((use) => (
            <li key={`${use.sheet}:${use.column}`}>
              {r.ignoredLine(use.sheet, use.column, use.header || r.noHeader, use.reason ?? '')}
            </li>
          ))}
        </ul>
      )}
      <h3>{r.columnsTitle}</h3>
      <div className="roster-columns">
        <table className="data-table" data-testid="roster-columns">
          <thead>
            <tr>
              <th scope="col">{r.columns.sheet}</th>
              <th scope="col">{r.columns.column}</th>
              <th scope="col">{r.columns.header}</th>
              <th scope="col">{r.columns.use}</th>
            </tr>
          </thead>
          <tbody>
            {report.columns.map((use) => (
              <tr
                key={`${use.sheet}:${use.column}`}
                className={use.target ? undefined : 'roster-ignored'}
                data-testid={`roster-column-${use.sheet}-${use.column}`}
              >
                <td>{use.sheet}</td>
                <td className="mono">{use.column}</td>
                <td>{use.header || r.noHeader}</td>
                <td>{use.target ?? r.ignored(use.reason ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > 0 ? (
        <ProblemList problems={problems} />
      ) : (
        <p className="banner success">{r.noProblems}</p>
      )}
      <label className="roster-row">
        <span>{r.roundTitle}</span>
        <input
          type="text"
          value={title}
          onChange={(e) => onTitle(e.target.value)}
          maxLength={200}
          aria-describedby="roster-title-source"
        />
      </label>
      <p className="muted small roster-note" id="roster-title-source">
        {report.title ? r.titleFromRow : r.titleFromFile}
      </p>
      <div className="roster-row">
        <span>{r.roundId}</span>
        <span>
          <span className="mono" data-testid="roster-round-id">
            {roundId}
          </span>{' '}
          <span className="muted small">{r.roundIdHint}</span>
        </span>
      </div>
    </section>
  );
}

function ProblemList({ problems }: { problems: Parameters<typeof formatProblem>[0][] }) {
  const { t } = useI18n();
  return (
    <div className="roster-problems" role="alert">
      <h3>{t.rosterImport.problemsTitle(problems.length)}</h3>
      <ul className="problem-list" data-testid="roster-problems">
        {problems.map((p, i) => (
          <li key={i}>{formatProblem(p)}</li>
        ))}
      </ul>
    </div>
  );
}
