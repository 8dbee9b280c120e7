/**
 * Reading a workbook back with SheetJS into the neutral ReadBook model: values and formulas
 * only (no styles, no number-format text). What a person sees beyond the values is checked on
 * the package's XML parts (presentation.ts), which the ReadBook carries along.
 */
import type * as XLSX from 'xlsx';
import { readZip } from '../formats/zip';
import type { ReadBook, ReadCell, ReadSheet } from './readModel';
import { PackageText, parseXlsxEntries, repairCharRefs, type XlsxEntries } from './xlsxPackage';

/**
 * One cell in the neutral model. Each kind is built as one object literal of a fixed shape (the
 * formula member only where there is one): a 7,500-row sheet holds some 300,000 of them.
 */
function readCell(cell: XLSX.CellObject | undefined): ReadCell | undefined {
  if (!cell) return undefined;
  const formula = typeof cell.f === 'string' && cell.f !== '' ? cell.f : undefined;
  switch (cell.t) {
    case 's': {
      const value = typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
      return formula === undefined ? { type: 'string', value } : { type: 'string', value, formula };
    }
    case 'n':
      if (typeof cell.v === 'number') {
        return formula === undefined
          ? { type: 'number', value: cell.v }
          : { type: 'number', value: cell.v, formula };
      }
      return other(String(cell.v), formula);
    case 'z':
      return formula === undefined ? undefined : { type: 'string', value: '', formula };
    default:
      return other(String(cell.w ?? cell.v ?? ''), formula);
  }
}

const other = (display: string, formula: string | undefined): ReadCell =>
  formula === undefined ? { type: 'other', display } : { type: 'other', display, formula };

/**
 * The sheet's rows in the neutral model, made from SheetJS's dense rows in place: each row array
 * is reused and each cell replaced as it is read, so no second copy of the sheet is ever alive.
 */
function readRows(data: (XLSX.CellObject[] | undefined)[]): (ReadCell | undefined)[][] {
  const rows = data as unknown as (ReadCell | undefined)[][];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const cells = row as unknown as (ReadCell | undefined)[];
    for (let c = 0; c < row.length; c++) cells[c] = readCell(row[c]);
  }
  return rows;
}

/**
 * The workbook in already inflated, CRC-checked parts (readZip): SheetJS parses them as they are,
 * after the character-reference repair. Throws when they are not a workbook SheetJS can read.
 */
export function readWorkbookEntries(inflated: XlsxEntries): ReadBook {
  const entries = repairCharRefs(inflated);
  const workbook = parseXlsxEntries(entries, {
    dense: true,
    cellFormula: true,
    cellHTML: false,
    cellText: false,
    cellNF: false,
    cellStyles: false,
    cellDates: false,
    sheetStubs: false,
    bookVBA: false,
  });
  const props = workbook.Workbook?.Sheets ?? [];
  const sheets: ReadSheet[] = workbook.SheetNames.map((name, i) => {
    const sheet = workbook.Sheets[name];
    const rows = readRows((sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[]);
    const hidden = props[i]?.Hidden;
    return { name, visibility: hidden === 1 || hidden === 2 ? hidden : 0, rows };
  });
  return { sheets, parts: new PackageText(entries) };
}

/** Throws when the bytes are not a sound zip holding a workbook SheetJS can read. */
export function readWorkbook(bytes: Uint8Array): ReadBook {
  const zip = readZip(bytes, 'xlsx');
  if (!zip.ok) throw new Error(zip.problems.map((p) => p.message).join('; '));
  return readWorkbookEntries(zip.value);
}
