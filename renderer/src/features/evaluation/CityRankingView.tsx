import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { cityRanking } from '@shared/compile';
import type { ResultsView } from '../../data/repositories/resultsRepository';
import type { PacketRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';

const WIDTH = 760;
const HEIGHT = 300;

/**
 * 综合评估 of 市(州): the ranking that the workbook's 城市排名 sheet holds (shared/compile
 * cityRanking, the same function), as a table and a map-free bar chart by city.
 */
export function CityRankingView({ view, packets }: { view: ResultsView; packets: PacketRow[] }) {
  const { t } = useI18n();
  const ranking = cityRanking({
    round: { kind: view.kind, quotas: view.quotas },
    packets: packets.filter((p) => !p.withdrawn),
    result: view.result,
  });
  if (!ranking) return null;
  const outcome = (c: (typeof ranking.cities)[number]) =>
    c.score === null
      ? c.packets === 0
        ? t.evaluation.notAssessed
        : t.evaluation.noScore
      : c.advanced === null
        ? t.evaluation.undecided
        : c.advanced
          ? t.evaluation.advanced
          : '';
  const scored = ranking.cities.filter((c) => c.score !== null);
  const h = t.evaluation.cityColumns;
  return (
    <section className="panel-section" aria-labelledby="city-ranking">
      <h2 id="city-ranking">{t.evaluation.cityTitle}</h2>
      <p className="muted small">{t.evaluation.cityHint(ranking.quota)}</p>
      {scored.length > 0 && (
        <figure
          className="city-chart"
          data-testid="city-chart"
          aria-label={t.evaluation.chartLabel}
        >
          <BarChart
            width={WIDTH}
            height={HEIGHT}
            data={scored.map((c) => ({ city: c.city, score: c.score, advanced: c.advanced }))}
            margin={{ top: 10, right: 16, bottom: 60, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="city" interval={0} angle={-35} textAnchor="end" height={60} />
            <YAxis domain={[0, 'auto']} />
            <Tooltip />
            <Bar dataKey="score" isAnimationActive={false}>
              {scored.map((c) => (
                <Cell key={c.city} fill={c.advanced ? '#c0392b' : '#5b7db1'} />
              ))}
            </Bar>
          </BarChart>
        </figure>
      )}
      <table className="data-table" data-testid="city-ranking-table">
        <thead>
          <tr>
            <th>{h.rank}</th>
            <th>{h.city}</th>
            <th>{h.packets}</th>
            <th>{h.score}</th>
            <th>{h.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.cities.map((c) => (
            <tr key={c.city} data-testid={`city-${c.city}`}>
              <td>{c.rank ?? ''}</td>
              <td>{c.city}</td>
              <td>{c.packets}</td>
              <td>{c.score === null ? '' : c.score.toFixed(2)}</td>
              <td>{outcome(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
