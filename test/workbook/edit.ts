/** Tampering helpers: open written workbook bytes with SheetJS, change something, save again. */
import * as XLSX from 'xlsx';
import { unzipSync, strFromU8 } from 'fflate';

export function editWorkbook(bytes: Uint8Array, change: (book: XLSX.WorkBook) => void): Uint8Array {
  const book = XLSX.read(bytes, { type: 'array', cellFormula: true, cellStyles: true });
  change(book);
  const out: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: true });
  return new Uint8Array(out as ArrayBuffer);
}

export function sheet(book: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const found = book.Sheets[name];
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The 1-based row of 结果汇总 whose 项目编号 (column B) is `packetId`. */
export function summaryRow(book: XLSX.WorkBook, packetId: string): number {
  const ws = sheet(book, '结果汇总');
  for (let r = 2; r < 1000; r += 1) if (ws[`B${r}`]?.v === packetId) return r;
  throw new Error(`no row for ${packetId}`);
}

/** Remove row `row` (1-based) by shifting every row below it up by one. */
export function deleteRow(ws: XLSX.WorkSheet, row: number): void {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  for (let r = row - 1; r < range.e.r; r += 1) {
    for (let c = range.s.c; c <= range.e.c; c += 1) {
      const below = ws[XLSX.utils.encode_cell({ r: r + 1, c })] as XLSX.CellObject | undefined;
      const at = XLSX.utils.encode_cell({ r, c });
      if (below) ws[at] = below;
      else delete ws[at];
    }
  }
  for (let c = range.s.c; c <= range.e.c; c += 1)
    delete ws[XLSX.utils.encode_cell({ r: range.e.r, c })];
  range.e.r -= 1;
  ws['!ref'] = XLSX.utils.encode_range(range);
}

/** Every XML part of an xlsx, by path. */
export function xmlParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.endsWith('.xml') || path.endsWith('.rels'))
      .map(([path, content]) => [path, strFromU8(content)]),
  );
}
