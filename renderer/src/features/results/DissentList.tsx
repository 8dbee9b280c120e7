import { hrefFor } from '../../app/router';
import type { DissentRow, ExpertRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../app/format/dateTime';

/** 保留意见 on the results, and where each expert records their own (behind their PIN). */
export function DissentList({
  roundId,
  experts,
  dissents,
}: {
  roundId: string;
  experts: ExpertRow[];
  dissents: DissentRow[];
}) {
  const { t, language } = useI18n();
  const names = new Map(experts.map((e) => [e.id, e.name]));
  return (
    <section className="panel-section" aria-labelledby="results-dissent">
      <h2 id="results-dissent">{t.results.dissent.title}</h2>
      {dissents.length === 0 ? (
        <p className="muted">{t.results.dissent.none}</p>
      ) : (
        <ul data-testid="dissent-list">
          {dissents.map((d) => (
            <li key={d.key}>
              <strong>{names.get(d.expertId) ?? d.expertId}</strong>：{d.text}{' '}
              <span className="muted small">
                {t.results.dissent.at(formatDateTime(d.at, language))}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t.results.dissent.recordHint}</p>
      <ul className="row-actions">
        {experts
          .filter((e) => !e.removed)
          .map((e) => (
            <li key={e.key}>
              <a
                className="button small"
                href={hrefFor({ name: 'dissent', roundId, expertId: e.id })}
              >
                {t.results.dissent.record(e.name)}
              </a>
            </li>
          ))}
      </ul>
    </section>
  );
}
