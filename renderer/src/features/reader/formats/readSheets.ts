/**
 * A workbook (.xlsx from the guarded reader's entries, .xls from its bytes) or a CSV file (UTF-8
 * or GBK) as text tables the viewer draws with React. Cells are the text Excel shows: SheetJS
 * never evaluates formulas, and nothing of the file becomes HTML. Large sheets are cut to their
 * first rows and columns, and the table says so.
 */
import * as XLSX from 'xlsx';
import { decodeCsv, parseCsv, type CsvEncoding } from '@shared/roster/rosterCsv';
import { parseXlsxEntries, repairCharRefs } from '@shared/workbook/xlsxPackage';

export const MAX_ROWS = 2000;
export const MAX_COLUMNS = 100;

export interface Merge {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface SheetTable {
  name: string;
  hidden: boolean;
  /** The shown rows, each cut to the shown columns; '' for an empty cell. */
  rows: string[][];
  /** Merged areas starting inside the shown part, relative to the first shown cell. */
  merges: Merge[];
  /** Rows and columns of the whole sheet, to say how much is not shown. */
  totalRows: number;
  totalColumns: number;
  /** Column letters of the shown columns (A, B, …) and the first row's number. */
  columnNames: string[];
  firstRow: number;
}

export type SheetsRead =
  { ok: true; sheets: SheetTable[]; encoding?: CsvEncoding } | { ok: false; reason: string };

const PARSE_OPTIONS: XLSX.ParsingOptions = {
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  bookVBA: false,
  // One row more than shown, so that a cut is known; `!fullref` keeps the whole sheet's range.
  sheetRows: MAX_ROWS + 1,
};

function tableOf(sheet: XLSX.WorkSheet, name: string, hidden: boolean): SheetTable {
  const ref = sheet['!ref'];
  const whole = XLSX.utils.decode_range(sheet['!fullref'] ?? ref ?? 'A1:A1');
  const read = XLSX.utils.decode_range(ref ?? 'A1:A1');
  const shown = {
    s: read.s,
    e: {
      r: Math.min(read.e.r, read.s.r + MAX_ROWS - 1),
      c: Math.min(read.e.c, read.s.c + MAX_COLUMNS - 1),
    },
  };
  const rows = ref
    ? XLSX.utils.sheet_to_json<unknown[]>(sheet, {
        header: 1,
        raw: false,
        defval: '',
        blankrows: true,
        range: shown,
      })
    : [];
  const width = shown.e.c - shown.s.c + 1;
  const merges = (sheet['!merges'] ?? [])
    .filter((m) => m.s.r <= shown.e.r && m.s.c <= shown.e.c && m.s.r >= shown.s.r)
    .map((m) => ({
      row: m.s.r - shown.s.r,
      column: m.s.c - shown.s.c,
      rows: Math.min(m.e.r, shown.e.r) - m.s.r + 1,
      columns: Math.min(m.e.c, shown.e.c) - m.s.c + 1,
    }));
  return {
    name,
    hidden,
    rows: rows.map((row) =>
      Array.from({ length: width }, (_, c) => String((row as unknown[])[c] ?? '')),
    ),
    merges,
    totalRows: ref ? whole.e.r - whole.s.r + 1 : 0,
    totalColumns: ref ? whole.e.c - whole.s.c + 1 : 0,
    columnNames: Array.from({ length: width }, (_, c) => XLSX.utils.encode_col(shown.s.c + c)),
    firstRow: shown.s.r + 1,
  };
}

function tablesOf(workbook: XLSX.WorkBook): SheetTable[] {
  const flags = workbook.Workbook?.Sheets ?? [];
  return workbook.SheetNames.map((name, i) =>
    tableOf(workbook.Sheets[name] ?? {}, name, (flags[i]?.Hidden ?? 0) !== 0),
  );
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An .xlsx from the entries the guarded ZIP reader inflated (SheetJS never unzips it itself). */
export function readXlsxSheets(entries: Map<string, Uint8Array>): SheetsRead {
  try {
    return { ok: true, sheets: tablesOf(parseXlsxEntries(repairCharRefs(entries), PARSE_OPTIONS)) };
  } catch (error) {
    return { ok: false, reason: `无法读取工作簿（${reasonOf(error)}）` };
  }
}

/** An Excel 97–2003 .xls (an OLE2 file: no compression, so no ratio to guard). */
export function readXlsSheets(bytes: Uint8Array): SheetsRead {
  try {
    return { ok: true, sheets: tablesOf(XLSX.read(bytes, { type: 'array', ...PARSE_OPTIONS })) };
  } catch (error) {
    return { ok: false, reason: `无法读取工作簿（${reasonOf(error)}）` };
  }
}

/** A CSV file in UTF-8 (with or without BOM) or GBK, as one table named after the file. */
export function readCsvSheet(bytes: Uint8Array, name: string): SheetsRead {
  const decoded = decodeCsv(bytes);
  if (!decoded) {
    return { ok: false, reason: '文件既不是 UTF-8 也不是 GBK 编码的文本，无法按表格显示' };
  }
  const all = parseCsv(decoded.text);
  const width = Math.min(
    MAX_COLUMNS,
    all.reduce((w, row) => Math.max(w, row.length), 0),
  );
  const rows = all
    .slice(0, MAX_ROWS)
    .map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  return {
    ok: true,
    encoding: decoded.encoding,
    sheets: [
      {
        name,
        hidden: false,
        rows,
        merges: [],
        totalRows: all.length,
        totalColumns: all.reduce((w, row) => Math.max(w, row.length), 0),
        columnNames: Array.from({ length: width }, (_, c) => XLSX.utils.encode_col(c)),
        firstRow: 1,
      },
    ],
  };
}
