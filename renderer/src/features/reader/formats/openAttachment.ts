/**
 * From an attachment's bytes to what its viewer shows: the kind by magic bytes (detectFormat.ts),
 * a ZIP read by the guarded reader before anything parses it, then the parsed content. It runs
 * in a worker (openWorker.ts), so SheetJS and the OFD reader load only when a file is opened and
 * a slow or hostile file never blocks the page. Every failure becomes a reason in words.
 */
import { formatBytes } from '@shared/formats/zip';
import { decodeCsv, type CsvEncoding } from '@shared/roster/rosterCsv';
import { MAX_VIEW_BYTES, containerEntries } from './containerEntries';
import {
  extensionOf,
  misnamed,
  sniffFormat,
  zipKind,
  type ImageMime,
  type OtherKind,
} from './detectFormat';
import { readOfd, type OfdPage } from './readOfd';
import { readCsvSheet, readXlsSheets, readXlsxSheets, type SheetTable } from './readSheets';

/** Most text shown of a plain-text file. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export type TextEncodingName = CsvEncoding | 'UTF-16';

export type Opened =
  | { view: 'pdf' }
  | { view: 'image'; mime: ImageMime }
  | { view: 'docx'; bytes: Uint8Array }
  | { view: 'sheets'; sheets: SheetTable[]; encoding?: CsvEncoding }
  | {
      view: 'ofd';
      pages: OfdPage[];
      totalPages: number;
      media: Map<string, Uint8Array>;
    }
  | { view: 'text'; text: string; encoding: TextEncodingName; cutAt: number | null }
  | { view: 'other'; what: OtherKind }
  | { view: 'failed'; reason: string };

export interface OpenedAttachment {
  opened: Opened;
  /** The extension, when the name promises a format the content is not. */
  misnamedAs: string | null;
}

/** Plain text in UTF-16 (with its byte-order mark), UTF-8 or GBK; null when it is none. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    try {
      const decoder = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true });
      return { text: decoder.decode(bytes.subarray(2)), encoding: 'UTF-16' };
    } catch {
      return null;
    }
  }
  return decodeCsv(bytes);
}

/** The first `max` bytes, ended before a character that the cut would split (UTF-8 or GBK). */
function cutText(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = max;
  // Back up to a line end: a whole line is never half a multi-byte character.
  while (end > max - 4096 && end > 0 && bytes[end - 1] !== 0x0a) end--;
  return bytes.subarray(0, end > max - 4096 ? end : max);
}

function openText(bytes: Uint8Array): Opened {
  const head = cutText(bytes, MAX_TEXT_BYTES);
  const decoded = decodeText(head);
  if (!decoded) return { view: 'failed', reason: '内容不是 UTF-8、GBK 或 UTF-16 编码的文字' };
  return { ...decoded, view: 'text', cutAt: head.length < bytes.length ? head.length : null };
}

const failedWith = (reason: string): Opened => ({ view: 'failed', reason });

const latin1 = new TextDecoder('latin1');

/**
 * The first XML part that declares a DTD. Office documents never do; a DTD is how an XML file
 * defines entities that expand exponentially (“billion laughs”), and docx-preview hands its
 * parts to the browser's XML parser on the page's thread.
 */
function partWithDoctype(files: Map<string, Uint8Array>): string | null {
  for (const [name, bytes] of files) {
    if (/\.(xml|rels)$/i.test(name) && latin1.decode(bytes).includes('<!DOCTYPE')) return name;
  }
  return null;
}

function openZip(bytes: Uint8Array, name: string): Opened {
  // A .zip is an archive whatever it holds: say so without inflating it.
  if (['zip', 'rar', '7z'].includes(extensionOf(name))) return { view: 'other', what: 'archive' };
  const entries = containerEntries(bytes, name);
  if (!entries.ok) return failedWith(entries.reason);
  const kind = zipKind(entries.files.keys());
  if (kind === 'docx') {
    const declared = partWithDoctype(entries.files);
    if (declared)
      return failedWith(
        `文档的 ${declared} 中含有 DTD 声明（<!DOCTYPE>），Word 文档不会有，已拒绝`,
      );
    return { view: 'docx', bytes };
  }
  if (kind === 'xlsx') {
    const read = readXlsxSheets(entries.files);
    return read.ok ? { view: 'sheets', sheets: read.sheets } : failedWith(read.reason);
  }
  if (kind === 'ofd') {
    const read = readOfd(entries.files);
    if (!read.ok) return failedWith(read.reason);
    const media = new Map(
      read.pages.flatMap((p) => p.images).map((path) => [path, entries.files.get(path)!]),
    );
    return { view: 'ofd', pages: read.pages, totalPages: read.totalPages, media };
  }
  return { view: 'other', what: kind };
}

/** The shown kind, as misnamed() compares it with what the extension promises. */
function shownKind(opened: Opened): string {
  if (opened.view === 'other') return opened.what;
  if (opened.view === 'sheets') return 'xlsx';
  return opened.view;
}

/** What to show for the attachment `name` with content `bytes`. */
export function openAttachment(bytes: Uint8Array, name: string): OpenedAttachment {
  let opened: Opened;
  try {
    opened = openBytes(bytes, name);
  } catch (error) {
    opened = failedWith(error instanceof Error ? error.message : String(error));
  }
  const extension = extensionOf(name);
  const shown = shownKind(opened);
  const sheetExtension = ['xls', 'xlsx', 'xlsm', 'csv'].includes(extension) && shown === 'xlsx';
  const renamed = opened.view !== 'failed' && !sheetExtension && misnamed(name, shown);
  return { opened, misnamedAs: renamed ? extension : null };
}

function openBytes(bytes: Uint8Array, name: string): Opened {
  if (bytes.length > MAX_VIEW_BYTES) {
    return failedWith(
      `文件有 ${formatBytes(bytes.length)}，超过评审台内查看的上限 ${formatBytes(MAX_VIEW_BYTES)}`,
    );
  }
  const sniffed = sniffFormat(bytes, name);
  switch (sniffed.kind) {
    case 'pdf':
      return { view: 'pdf' };
    case 'image':
      return { view: 'image', mime: sniffed.mime };
    case 'zip':
      return openZip(bytes, name);
    case 'xls': {
      const read = readXlsSheets(bytes);
      return read.ok ? { view: 'sheets', sheets: read.sheets } : failedWith(read.reason);
    }
    case 'csv': {
      const read = readCsvSheet(bytes, name);
      return read.ok
        ? { view: 'sheets', sheets: read.sheets, encoding: read.encoding }
        : failedWith(read.reason);
    }
    case 'text':
      return openText(bytes);
    case 'other':
      return { view: 'other', what: sniffed.what };
  }
}
