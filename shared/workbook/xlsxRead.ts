/**
 * Reading a workbook back with SheetJS into the neutral ReadBook model: values and formulas
 * only (no styles, no number-format text). What a person sees beyond the values is checked on
 * the package's XML parts (presentation.ts), which the ReadBook carries along.
 */
import type * as XLSX from 'xlsx';
import { readZip } from '../formats/zip';
import type { ReadBook, ReadCell, ReadSheet } from './readModel';
import { PackageText, parseXlsxEntries, repairCharRefs, type XlsxEntries } from './xlsxPackage';

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
  return { sheets, parts: new PackageText(entries) };
}

/** Throws when the bytes are not a sound zip holding a workbook SheetJS can read. */
export function readWorkbook(bytes: Uint8Array): ReadBook {
  const zip = readZip(bytes, 'xlsx');
  if (!zip.ok) throw new Error(zip.problems.map((p) => p.message).join('; '));
  return readWorkbookEntries(zip.value);
}
