import { formatPoints, type ExpertLeniency } from '@shared/compile';
import { useI18n } from '../../i18n/I18nProvider';

/** 宽严度: advisory only, and the screen says so. */
export function LeniencyTable({
  leniency,
  names,
}: {
  leniency: ExpertLeniency[];
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  return (
    <section className="panel-section" aria-labelledby="results-leniency">
      <h2 id="results-leniency">{t.results.leniency.title}</h2>
      <p className="notice" data-testid="leniency-advisory">
        {t.results.leniency.advisory}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.results.leniency.columns.expert}</th>
            <th scope="col" className="numeric">
              {t.results.leniency.columns.count}
            </th>
            <th scope="col" className="numeric">
              {t.results.leniency.columns.mean}
            </th>
            <th scope="col" className="numeric">
              {t.results.leniency.columns.sd}
            </th>
            <th scope="col" className="numeric">
              {t.results.leniency.columns.deviation}
            </th>
          </tr>
        </thead>
        <tbody>
          {leniency.map((e) => (
            <tr key={e.expertId}>
              <th scope="row">{names.get(e.expertId) ?? e.expertId}</th>
              <td className="numeric">{e.count}</td>
              <td className="numeric">{formatPoints(e.mean)}</td>
              <td className="numeric">{formatPoints(e.sd)}</td>
              <td className="numeric">
                {e.meanDeviationFromPanel === null
                  ? '—'
                  : `${e.meanDeviationFromPanel > 0 ? '+' : ''}${formatPoints(e.meanDeviationFromPanel)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
