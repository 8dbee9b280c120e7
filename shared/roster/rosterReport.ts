/**
 * What a roster's sheets hold before any round is made from them: which row is the header,
 * which column is read as what, which columns are ignored and why, and the title row above the
 * header that can name the round. The app shows this and the CLI prints it, so nothing in the
 * spreadsheet is dropped without the secretariat seeing it.
 */
import {
  EXPERT_COLUMNS,
  PROJECT_COLUMNS,
  matchColumns,
  type ColumnSpec,
  type ExpertColumn,
  type ProjectColumn,
} from './rosterColumns';
import type { RosterSheet, RosterTables } from './rosterTables';

export interface ColumnUse {
  sheet: string;
  /** Spreadsheet column letter, e.g. `D`. */
  column: string;
  header: string;
  /** Where the column goes (`applicant.city`, `fields.备注` …), or null when it is ignored. */
  target: string | null;
  /** Why an ignored column is ignored. */
  reason?: string;
}

export interface RosterReport {
  /** The one-cell row above the project header (often merged across the table), if any. */
  title: string | null;
  columns: ColumnUse[];
}

export interface SheetLayout<K extends string> {
  /** Index into `sheet.rows` of the header row. */
  headerRow: number;
  header: string[];
  columns: Map<K, number>;
  uses: ColumnUse[];
  /** Named columns no spec matches that `others` reads (packet fields). */
  extras: { header: string; index: number }[];
}

/** `A`, `B` … `Z`, `AA` … for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The header is the first row (of the first ten) naming a required column: titles sit above it. */
function headerIndex<K extends string>(
  sheet: RosterSheet,
  specs: readonly ColumnSpec<K>[],
): number {
  const limit = Math.min(sheet.rows.length, 10);
  for (let i = 0; i < limit; i++) {
    const matched = matchColumns(sheet.rows[i]!, specs);
    if (specs.some((s) => s.required && matched.has(s.key))) return i;
  }
  return 0;
}

function hasData(sheet: RosterSheet, from: number, index: number): boolean {
  return sheet.rows.slice(from).some((row) => (row[index] ?? '').trim() !== '');
}

/**
 * Header row, matched columns and the use of every column. `others`: what a named column that
 * matches no spec becomes — a packet field (projects) or nothing (experts).
 */
export function sheetLayout<K extends string>(
  sheet: RosterSheet,
  specs: readonly ColumnSpec<K>[],
  others: { target: (header: string) => string | null; reason: string },
): SheetLayout<K> {
  const headerRow = headerIndex(sheet, specs);
  const header = sheet.rows[headerRow] ?? [];
  const columns = matchColumns(header, specs);
  const specAt = new Map([...columns].map(([key, index]) => [index, key]));
  const uses: ColumnUse[] = [];
  const extras: { header: string; index: number }[] = [];
  const width = Math.max(0, ...sheet.rows.slice(headerRow).map((row) => row.length));
  for (let index = 0; index < width; index++) {
    const name = (header[index] ?? '').trim();
    const column = columnLetter((sheet.firstColumn ?? 0) + index);
    const base = { sheet: sheet.name, column, header: name };
    const key = specAt.get(index);
    const spec = key === undefined ? undefined : specs.find((s) => s.key === key);
    const twin = matchColumns([name], specs).keys().next().value;
    if (spec) {
      uses.push({ ...base, target: `${spec.label} → ${spec.target}` });
    } else if (twin !== undefined) {
      const read = columnLetter((sheet.firstColumn ?? 0) + columns.get(twin)!);
      const label = specs.find((s) => s.key === twin)!.label;
      uses.push({ ...base, target: null, reason: `已读取 ${read} 列作为“${label}”` });
    } else if (name) {
      const target = others.target(name);
      if (target) extras.push({ header: name, index });
      uses.push(target ? { ...base, target } : { ...base, target: null, reason: others.reason });
    } else if (hasData(sheet, headerRow + 1, index)) {
      uses.push({ ...base, target: null, reason: '表头为空：请填写表头，否则此列不读取' });
    }
  }
  return { headerRow, header, columns, uses, extras };
}

export const projectLayout = (sheet: RosterSheet): SheetLayout<ProjectColumn> =>
  sheetLayout(sheet, PROJECT_COLUMNS, {
    target: (name) => `附加信息 → fields.${name}`,
    reason: '',
  });

export const expertLayout = (sheet: RosterSheet): SheetLayout<ExpertColumn> =>
  sheetLayout(sheet, EXPERT_COLUMNS, {
    target: () => null,
    reason: '专家名单只读取姓名、单位、市(州)、职称',
  });

/**
 * The title row: the first row above the header with exactly one filled cell (a merged title
 * keeps its text in the first cell), on one line.
 */
export function titleAbove(sheet: RosterSheet, headerRow: number): string | null {
  for (const row of sheet.rows.slice(0, headerRow)) {
    const filled = row.map((v) => v.trim()).filter(Boolean);
    if (filled.length === 1) return filled[0]!.replace(/\s+/g, ' ');
  }
  return null;
}

/** The column report and the offered title, computed from the sheets alone. */
export function rosterReport(tables: RosterTables): RosterReport {
  const projects = projectLayout(tables.projects);
  const experts = tables.experts ? expertLayout(tables.experts) : null;
  return {
    title: titleAbove(tables.projects, projects.headerRow),
    columns: [...projects.uses, ...(experts?.uses ?? [])],
  };
}

/** The report as lines of text, one per column, as `review-desk roster` prints it. */
export function formatRosterReport(report: RosterReport): string[] {
  return report.columns.map((use) =>
    use.target
      ? `工作表“${use.sheet}” ${use.column} 列“${use.header}”：${use.target}`
      : `工作表“${use.sheet}” ${use.column} 列“${use.header || '（无表头）'}”：未读取（${use.reason}）`,
  );
}
