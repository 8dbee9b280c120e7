/** A roster as text: the sheets read from .xlsx, .xls or CSV, before any column is interpreted. */

/** One worksheet as text. `firstRow` is the 1-based spreadsheet row of `rows[0]`. */
export interface RosterSheet {
  name: string;
  firstRow: number;
  /** 0-based spreadsheet column of `rows[n][0]` (0 when the sheet starts in column A). */
  firstColumn?: number;
  /** The file the sheet came from, when it is not the file named in messages by default. */
  file?: string;
  rows: string[][];
}

export interface RosterTables {
  projects: RosterSheet;
  experts: RosterSheet | null;
}
