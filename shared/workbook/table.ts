/** The neutral model between rendering and the xlsx adapter: a sheet as rows of plain values. */

/** A cell's value: text, a number, or empty. Empty text is always `null` (no cell written). */
export type CellValue = string | number | null;

export interface ColumnSpec {
  header: string;
  /** Spreadsheet number format, e.g. '0.00'; General when absent. */
  format?: string;
}

/** A visible sheet: a header row (frozen, with an autofilter) and the body rows below it. */
export interface SheetTable {
  name: string;
  columns: ColumnSpec[];
  rows: CellValue[][];
}

/** Empty text is no cell: what a spreadsheet shows and saves for "nothing here". */
export const textCell = (text: string | null | undefined): CellValue =>
  text === null || text === undefined || text === '' ? null : text;

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** `A1` style address of a 0-based row and column. */
export const cellAddress = (row: number, column: number): string =>
  `${columnName(column)}${row + 1}`;
