import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { rubricMax } from '@shared/rubric/points';
import type { ResultsView } from '../../data/repositories/resultsRepository';
import { useI18n } from '../../i18n/I18nProvider';

// Fixed sizes: SVG that prints the same on paper as on screen, with no layout measuring.
const WIDTH = 560;
const HEIGHT = 260;
const MARGIN = { top: 10, right: 16, bottom: 40, left: 8 };

/** Where people would rather look than read: spread per packet, leniency, per-criterion averages. */
export function ResultsCharts({
  view,
  names,
}: {
  view: ResultsView;
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const scored = view.result.packets.filter((p) => p.n > 0);
  if (scored.length === 0) {
    return (
      <section className="panel-section" aria-labelledby="results-charts">
        <h2 id="results-charts">{t.results.charts.title}</h2>
        <p className="muted">{t.results.charts.empty}</p>
      </section>
    );
  }
  // One dot per valid sheet at x = the packet's position; the axis labels positions with ids.
  const spread = scored.flatMap((packet, index) =>
    packet.sheets.map((sheet) => ({
      x: index + 1,
      points: sheet.points,
      packetId: packet.packetId,
      expert: names.get(sheet.expertId) ?? sheet.expertId,
    })),
  );
  const leniency = view.leniency
    .filter((e) => e.meanDeviationFromPanel !== null)
    .map((e) => ({
      name: names.get(e.expertId) ?? e.expertId,
      deviation: e.meanDeviationFromPanel,
    }));
  const criteria = view.criteria.map((c) => ({ name: c.title, percent: c.percent }));

  return (
    <section className="panel-section" aria-labelledby="results-charts">
      <h2 id="results-charts">{t.results.charts.title}</h2>
      <div className="results-charts">
        <figure data-testid="chart-spread">
          <figcaption>{t.results.charts.spread}</figcaption>
          <ScatterChart width={WIDTH} height={HEIGHT} margin={MARGIN} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              name={t.results.columns.packet}
              domain={[0.5, scored.length + 0.5]}
              ticks={scored.map((_, i) => i + 1)}
              tickFormatter={(value: number) => scored[value - 1]?.packetId ?? ''}
              interval={0}
              angle={-30}
              textAnchor="end"
            />
            <YAxis
              type="number"
              dataKey="points"
              name={t.results.charts.points}
              domain={[0, rubricMax(view.rubric)]}
              width={40}
            />
            <Tooltip cursor={{ strokeDasharray: '3 3' }} />
            <Scatter data={spread} fill="#2f6fd6" isAnimationActive={false} />
          </ScatterChart>
        </figure>
        <figure data-testid="chart-leniency">
          <figcaption>{t.results.charts.leniency}</figcaption>
          <BarChart
            width={WIDTH}
            height={HEIGHT}
            data={leniency}
            margin={MARGIN}
            accessibilityLayer
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} />
            <YAxis width={40} />
            <Tooltip />
            <ReferenceLine y={0} stroke="#666" />
            <Bar
              dataKey="deviation"
              name={t.results.charts.deviation}
              fill="#d08a00"
              isAnimationActive={false}
            />
          </BarChart>
        </figure>
        <figure data-testid="chart-criteria">
          <figcaption>{t.results.charts.criteria}</figcaption>
          <BarChart
            width={WIDTH}
            height={HEIGHT}
            data={criteria}
            margin={MARGIN}
            accessibilityLayer
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} angle={-20} textAnchor="end" height={60} />
            <YAxis domain={[0, 100]} width={40} />
            <Tooltip />
            <Bar
              dataKey="percent"
              name={t.results.charts.percent}
              fill="#2f9e6b"
              isAnimationActive={false}
            />
          </BarChart>
        </figure>
      </div>
    </section>
  );
}
