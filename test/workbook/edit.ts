/** Tampering helpers: through SheetJS (open, change, save again) or at the XML level (editParts). */
import * as XLSX from 'xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

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

/**
 * Edit the package at the XML level: `change` gets every XML part's text by path and may change,
 * add or delete parts (a value of null deletes), and `binary` adds other parts; everything else
 * keeps its exact bytes.
 */
export function editParts(
  bytes: Uint8Array,
  change: (parts: Record<string, string | null>) => void,
  binary: Record<string, Uint8Array> = {},
): Uint8Array {
  const files = { ...unzipSync(bytes), ...binary };
  const texts: Record<string, string | null> = {};
  for (const [path, content] of Object.entries(files)) {
    if (/\.(xml|rels|vml)$/.test(path)) texts[path] = strFromU8(content);
  }
  const before = { ...texts };
  change(texts);
  for (const [path, text] of Object.entries(texts)) {
    if (text === null) delete files[path];
    else if (text !== before[path]) files[path] = strToU8(text);
  }
  return zipSync(files);
}

/** The path of a sheet's XML part, from workbook.xml and its relationships. */
export function sheetPath(parts: Record<string, string | null>, name: string): string {
  const workbook = parts['xl/workbook.xml'] ?? '';
  const decode = (text: string) =>
    text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
  const tag = [...workbook.matchAll(/<sheet [^>]*>/g)]
    .map((m) => m[0])
    .find((t) => decode(/ name="([^"]*)"/.exec(t)?.[1] ?? '') === name);
  const id = tag && / r:id="([^"]+)"/.exec(tag)?.[1];
  const rels = parts['xl/_rels/workbook.xml.rels'] ?? '';
  const rel = [...rels.matchAll(/<Relationship [^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(` Id="${id}"`));
  const target = rel && / Target="([^"]+)"/.exec(rel)?.[1];
  if (!id || !target) throw new Error(`no part for sheet ${name}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

const cellPattern = (address: string) => new RegExp(`<c r="${address}"(?:[^>]*/>|[^>]*>.*?</c>)`);

/** The XML of one cell, or null when the sheet has no element for it. */
export function cellXml(sheetXml: string, address: string): string | null {
  return cellPattern(address).exec(sheetXml)?.[0] ?? null;
}

/**
 * Replace one cell's element (or add it to its row, in column order): nothing else changes.
 * The row must exist.
 */
export function putCell(sheetXml: string, address: string, cell: string): string {
  if (cellPattern(address).test(sheetXml)) return sheetXml.replace(cellPattern(address), cell);
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const rowMatch = new RegExp(`(<row r="${row}"[^>]*>)(.*?)</row>`).exec(sheetXml);
  if (!rowMatch) throw new Error(`no row ${row}`);
  const key = (ref: string) => ref.replace(/\d+$/, '').padStart(3, ' ');
  const cells = [...rowMatch[2]!.matchAll(/<c r="([A-Z]+\d+)"(?:[^>]*\/>|[^>]*>.*?<\/c>)/g)];
  const after = cells.find((c) => key(c[1]!) > key(letters!));
  const body = after ? rowMatch[2]!.replace(after[0], cell + after[0]) : rowMatch[2]! + cell;
  return sheetXml.replace(rowMatch[0], `${rowMatch[1]}${body}</row>`);
}

/** Add a relationship to a part's `_rels` file (created when missing); returns its id. */
export function addRelationship(
  parts: Record<string, string | null>,
  part: string,
  type: string,
  target: string,
  external = false,
): string {
  const slash = part.lastIndexOf('/');
  const rels = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const xml =
    parts[rels] ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const id = `rIdT${(xml.match(/<Relationship /g) ?? []).length + 1}`;
  const mode = external ? ' TargetMode="External"' : '';
  parts[rels] = xml.replace(
    '</Relationships>',
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${mode}/></Relationships>`,
  );
  return id;
}
