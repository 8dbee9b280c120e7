/** The benchmark's table: one row per measured figure, with its baseline, ratio and target. */
import type { Target } from './targets';

export interface Row {
  figure: string;
  measure: string;
  unit: 'ms' | 'MiB';
  ours: number;
  /** What the baseline is, and its value in the same run (null when the figure has none). */
  baselineLabel: string;
  baseline: number | null;
  /** One of TARGETS (targets.ts), or null for a figure reported without one. */
  target: Target | null;
  /** Extra figures (throughput, sizes, process peaks) shown under the table. */
  detail?: string;
}

export interface EvaluatedRow extends Row {
  ratio: number | null;
  met: boolean | null;
}

export function evaluate(row: Row): EvaluatedRow {
  const ratio = row.baseline && row.baseline > 0 ? row.ours / row.baseline : null;
  let met: boolean | null = null;
  if (row.target?.kind === 'ratio') met = ratio === null ? null : ratio <= row.target.max;
  if (row.target?.kind === 'below') met = row.ours < row.target.max;
  return { ...row, ratio, met };
}

const fmt = (value: number, unit: string) =>
  `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${unit}`;

function targetText(row: Row): string {
  if (!row.target) return '—';
  return row.target.kind === 'ratio'
    ? `≤ ${row.target.max}×`
    : `< ${fmt(row.target.max, row.unit)}`;
}

/** A Markdown table (readable in a terminal, pasteable into the README). */
export function renderTable(rows: readonly EvaluatedRow[]): string {
  const header = ['figure', 'measure', 'ours', 'baseline (same run)', 'ratio', 'target', 'met'];
  const lines = rows.map((row) => [
    row.figure,
    row.measure,
    fmt(row.ours, row.unit),
    row.baseline === null ? '—' : `${fmt(row.baseline, row.unit)} (${row.baselineLabel})`,
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    targetText(row),
    row.met === null ? '—' : row.met ? 'yes' : '**no**',
  ]);
  const all = [header, ...lines];
  const out = all.map((cells) => `| ${cells.join(' | ')} |`);
  out.splice(1, 0, `|${header.map(() => ' --- ').join('|')}|`);
  const details = rows
    .filter((r) => r.detail)
    .map((r) => `- ${r.figure} ${r.measure}: ${r.detail}`);
  return [...out, '', ...details].join('\n');
}
