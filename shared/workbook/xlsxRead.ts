/**
 * Reading a workbook back with SheetJS into the neutral ReadBook model: values and formulas
 * only (no styles, no number-format text), which is all verification looks at.
 */
import * as XLSX from 'xlsx';
import type { ReadBook, ReadCell, ReadSheet } from './readModel';

function readCell(cell: XLSX.CellObject | undefined): ReadCell | undefined {
  if (!cell) return undefined;
  const formula = typeof cell.f === 'string' && cell.f !== '' ? { formula: cell.f } : {};
  switch (cell.t) {
    case 's':
      return { type: 'string', value: String(cell.v ?? ''), ...formula };
    case 'n':
      return typeof cell.v === 'number'
        ? { type: 'number', value: cell.v, ...formula }
        : { type: 'other', display: String(cell.v), ...formula };
    case 'z':
      return formula.formula ? { type: 'string', value: '', ...formula } : undefined;
    default:
      return { type: 'other', display: String(cell.w ?? cell.v ?? ''), ...formula };
  }
}

/** Throws when the bytes are not a workbook SheetJS can read. */
export function readWorkbook(bytes: Uint8Array): ReadBook {
  const workbook = XLSX.read(bytes, {
    type: 'array',
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
    const data = (sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    const rows: (ReadCell | undefined)[][] = [];
    data.forEach((row, r) => {
      if (!row) return;
      const out: (ReadCell | undefined)[] = [];
      row.forEach((cell, c) => {
        out[c] = readCell(cell);
      });
      rows[r] = out;
    });
    const hidden = props[i]?.Hidden;
    return { name, visibility: hidden === 1 || hidden === 2 ? hidden : 0, rows };
  });
  return { sheets };
}
