/**
 * Does a visible sheet say exactly what the payload says? Values, not bytes: a workbook that
 * Calc or Excel opened and saved again without edits still matches, an edited one does not.
 *
 * Tolerated (a re-save does these): an empty text cell where nothing was written, and numbers
 * kept to 15 significant digits (the precision spreadsheets store). Nothing else: text must be
 * identical, a number must stay a number, text must stay text, and no cell may hold a formula.
 */
import { cellAt, isEmptyCell, type ReadCell, type ReadSheet } from './readModel';
import { cellAddress, type CellValue, type SheetTable } from './table';

/** Cell problems listed per sheet before the rest are only counted. */
export const MAX_CELL_PROBLEMS = 20;

export function sameValue(expected: CellValue, actual: ReadCell | undefined): boolean {
  if (actual?.formula) return false;
  if (expected === null) return isEmptyCell(actual);
  if (typeof expected === 'string') return actual?.type === 'string' && actual.value === expected;
  return (
    actual?.type === 'number' &&
    (actual.value === expected || actual.value === Number(expected.toPrecision(15)))
  );
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function showExpected(value: CellValue): string {
  if (value === null) return '（空）';
  return typeof value === 'number' ? String(value) : `“${clip(value)}”`;
}

function showActual(cell: ReadCell | undefined): string {
  if (isEmptyCell(cell) || cell === undefined) return '（空）';
  if (cell.formula) return `公式 =${clip(cell.formula)}`;
  switch (cell.type) {
    case 'number':
      return String(cell.value);
    case 'string':
      return `“${clip(cell.value)}”`;
    default:
      return clip(cell.display);
  }
}

/** The index of the last row with any content, −1 for an empty sheet. */
function lastContentRow(sheet: ReadSheet): number {
  for (let r = sheet.rows.length - 1; r >= 0; r -= 1) {
    if ((sheet.rows[r] ?? []).some((cell) => !isEmptyCell(cell))) return r;
  }
  return -1;
}

export function compareTable(table: SheetTable, sheet: ReadSheet): string[] {
  // Row 0 is the header, row r the body's r − 1: no copy of the rows is made.
  const headers: CellValue[] = table.columns.map((c) => c.header);
  const height = table.rows.length + 1;
  const width = table.columns.length;
  const problems: string[] = [];
  let more = 0;
  const report = (message: string) => {
    if (problems.length < MAX_CELL_PROBLEMS) problems.push(message);
    else more += 1;
  };
  const header = (column: number) => table.columns[column]?.header ?? '';

  const last = lastContentRow(sheet);
  if (last + 1 !== height) {
    const rows = Math.max(0, last);
    report(
      `${table.name}：签名数据有 ${height - 1} 行数据，工作表中有 ${rows} 行（有行被添加或删除）`,
    );
  }
  for (let r = 0; r < height; r += 1) {
    const row = r === 0 ? headers : table.rows[r - 1]!;
    for (let c = 0; c < width; c += 1) {
      const expected = row[c] ?? null;
      const actual = cellAt(sheet, r, c);
      if (sameValue(expected, actual)) continue;
      const at = `${table.name}!${cellAddress(r, c)}：${r === 0 ? '表头' : header(c)}`;
      if (actual?.formula)
        report(`${at} 含有公式（${showActual(actual)}），签名数据为 ${showExpected(expected)}`);
      else if (isEmptyCell(actual)) report(`${at} 为空，签名数据为 ${showExpected(expected)}`);
      else if (expected === null) report(`${at} 多出内容 ${showActual(actual)}，签名数据中为空`);
      else report(`${at} ${showActual(actual)} 与签名数据 ${showExpected(expected)} 不符`);
    }
  }
  // Content outside the signed grid: added rows or columns (only those cells are visited).
  sheet.rows.forEach((cells, r) => {
    for (let c = r < height ? width : 0; c < cells.length; c += 1) {
      const cell = cells[c];
      if (isEmptyCell(cell)) continue;
      report(`${table.name}!${cellAddress(r, c)}：多出内容 ${showActual(cell)}（签名数据中没有）`);
    }
  });
  if (more > 0) problems.push(`${table.name}：另有 ${more} 处与签名数据不符`);
  return problems;
}
