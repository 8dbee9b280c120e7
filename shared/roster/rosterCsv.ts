/**
 * A roster saved as CSV. Excel on Chinese Windows saves “CSV (逗号分隔)” in GBK, WPS and newer
 * Excel in UTF-8 (often with a BOM): valid UTF-8 is read as UTF-8, anything else as GBK, and
 * bytes that are neither are refused rather than turned into �.
 */
import { decodeUtf8 } from '../formats/text';
import type { LegacyNameDecoder } from '../formats/zip';
import type { Parsed } from '../model/validation';
import type { RosterSheet } from './rosterTables';

/** The platform's strict GBK decoder (browsers and Node both have one); shared/ has no DOM types. */
const platformGbk: LegacyNameDecoder = (bytes) => {
  const Decoder = (
    globalThis as unknown as {
      TextDecoder: new (
        label: string,
        options: { fatal: boolean },
      ) => {
        decode(bytes: Uint8Array): string;
      };
    }
  ).TextDecoder;
  return new Decoder('gbk', { fatal: true }).decode(bytes);
};

export type CsvEncoding = 'UTF-8' | 'GBK';

/** The text of a CSV file and the encoding it was read in, or null when it is neither. */
export function decodeCsv(
  bytes: Uint8Array,
  decodeGbk: LegacyNameDecoder = platformGbk,
): { text: string; encoding: CsvEncoding } | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = decodeUtf8(bom ? bytes.subarray(3) : bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  try {
    return { text: decodeGbk(bytes), encoding: 'GBK' };
  } catch {
    return null;
  }
}

/** RFC 4180 rows: commas, double-quoted cells with `""` for a quote, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A CSV file as one roster sheet named after the file. */
export function readRosterCsv(
  bytes: Uint8Array,
  file: string,
  decodeGbk?: LegacyNameDecoder,
): Parsed<RosterSheet & { encoding: CsvEncoding }> {
  const decoded = decodeCsv(bytes, decodeGbk);
  if (!decoded) {
    return {
      ok: false,
      problems: [
        {
          file,
          field: '',
          message: '既不是 UTF-8 也不是 GBK 编码的 CSV。请在 Excel 或 WPS 中另存为 .xlsx 后重试',
        },
      ],
    };
  }
  const name = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.csv$/i, '');
  const rows = parseCsv(decoded.text);
  return { ok: true, value: { name, firstRow: 1, rows, encoding: decoded.encoding } };
}
