/**
 * A workbook as read back for verification: values only, independent of SheetJS. Everything
 * the verifier decides is decided on this model, so the checks are pure and testable.
 */
export type ReadCell =
  | { type: 'string'; value: string; formula?: string }
  | { type: 'number'; value: number; formula?: string }
  /** Booleans, errors, dates: never written by review-desk, so always a difference. */
  | { type: 'other'; display: string; formula?: string };

export interface ReadSheet {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  visibility: 0 | 1 | 2;
  /** rows[r][c], 0-based; missing cells are undefined. */
  rows: (ReadCell | undefined)[][];
}

export interface ReadBook {
  sheets: ReadSheet[];
  /**
   * The package's XML parts, for the checks of what a person sees beyond the values
   * (presentation.ts); absent for a book built by hand, which then gets only the value checks.
   */
  parts?: PartsText;
}

/** Text of an xlsx package's parts by name (xlsxPackage.ts). */
export interface PartsText {
  readonly names: string[];
  text(name: string): string | null;
}

/** Empty for verification: no cell, or a text cell with nothing in it (Calc may write those). */
export function isEmptyCell(cell: ReadCell | undefined): boolean {
  return cell === undefined || (cell.type === 'string' && cell.value === '' && !cell.formula);
}

export function cellAt(sheet: ReadSheet, row: number, column: number): ReadCell | undefined {
  return sheet.rows[row]?.[column];
}
