/**
 * What an attachment is, from its bytes first and its name second: a Word file renamed `.pdf` is
 * still a Word file, and a file named `.xlsx` that is no ZIP is not shown as a workbook. ZIP-based
 * formats (docx, xlsx, OFD) are told apart by the entries inside, which only the guarded reader
 * (containerEntries.ts) lists; here a ZIP is just a ZIP.
 */

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/bmp';

/** A kind of file the app does not show, named for the message that says so. */
export type OtherKind =
  'word97' | 'presentation' | 'encrypted' | 'archive' | 'officeBinary' | 'binary' | 'empty';

export type Sniffed =
  | { kind: 'pdf' }
  | { kind: 'image'; mime: ImageMime }
  | { kind: 'zip' }
  | { kind: 'xls' }
  | { kind: 'csv' }
  | { kind: 'text' }
  | { kind: 'other'; what: OtherKind };

export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const IMAGE_MAGIC: ReadonlyArray<readonly [ImageMime, readonly number[], number?]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', ascii('GIF8')],
  ['image/webp', ascii('WEBP'), 8],
  ['image/bmp', ascii('BM')],
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file: .doc, .xls, .ppt, .wps, .et, and password-protected docx/xlsx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ARCHIVE_MAGIC: ReadonlyArray<readonly number[]> = [
  ascii('Rar!\x1a\x07'),
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x1f, 0x8b], // gzip
];

/** Extensions shown as text, whatever they hold: markup is shown, never interpreted. */
const TEXT_EXTENSIONS = new Set([
  'txt',
  'text',
  'md',
  'markdown',
  'json',
  'xml',
  'log',
  'ini',
  'yaml',
  'yml',
  'tsv',
  'html',
  'htm',
  'svg',
]);

/** Whether `needle`, written in UTF-16LE as OLE2 directory entries are, occurs in `bytes`. */
function hasUtf16Name(bytes: Uint8Array, needle: string): boolean {
  const pattern = [...needle].flatMap((c) => [c.charCodeAt(0), 0]);
  const first = pattern[0]!;
  for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, pattern, i)) return true;
  }
  return false;
}

/**
 * An OLE2 file by the streams its directory names: a Word (or WPS 文字) document has
 * WordDocument, a workbook Workbook or Book, a password-protected OOXML file EncryptedPackage.
 */
function sniffCompoundFile(bytes: Uint8Array): Sniffed {
  if (hasUtf16Name(bytes, 'EncryptedPackage')) return { kind: 'other', what: 'encrypted' };
  if (hasUtf16Name(bytes, 'WordDocument')) return { kind: 'other', what: 'word97' };
  if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) return { kind: 'xls' };
  if (hasUtf16Name(bytes, 'PowerPoint Document')) return { kind: 'other', what: 'presentation' };
  return { kind: 'other', what: 'officeBinary' };
}

/**
 * Bytes that read as text: no NUL and few other control characters in the first 64 KiB.
 * UTF-16 text starts with its byte-order mark and is recognised by it instead.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 65_536);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control <= head.length / 100;
}

/** What `bytes` are, by magic bytes; the name decides only among formats without any. */
export function sniffFormat(bytes: Uint8Array, name: string): Sniffed {
  if (bytes.length === 0) return { kind: 'other', what: 'empty' };
  // A PDF may have a few bytes of junk before its header; readers look in the first KiB.
  const pdfAt = bytes.subarray(0, 1024).indexOf(0x25);
  if (pdfAt >= 0 && startsWith(bytes, ascii('%PDF-'), pdfAt)) return { kind: 'pdf' };
  for (const [mime, magic, at] of IMAGE_MAGIC) {
    if (mime === 'image/webp' && !startsWith(bytes, ascii('RIFF'))) continue;
    if (startsWith(bytes, magic, at ?? 0)) return { kind: 'image', mime };
  }
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return { kind: 'zip' };
  if (startsWith(bytes, CFB_MAGIC)) return sniffCompoundFile(bytes);
  if (ARCHIVE_MAGIC.some((magic) => startsWith(bytes, magic))) {
    return { kind: 'other', what: 'archive' };
  }
  if (!looksLikeText(bytes)) return { kind: 'other', what: 'binary' };
  const extension = extensionOf(name);
  if (extension === 'csv') return { kind: 'csv' };
  if (TEXT_EXTENSIONS.has(extension) || extension === '') return { kind: 'text' };
  // Text under a name we know as something else (.docx, .doc, .pdf …) is a renamed or broken
  // file; text under an unknown extension is shown as text, which is harmless.
  return EXPECTED_BY_EXTENSION.has(extension)
    ? { kind: 'other', what: 'binary' }
    : { kind: 'text' };
}

/** What a ZIP is, by the entries the guarded reader found in it. */
export type ZipKind = 'docx' | 'xlsx' | 'ofd' | 'presentation' | 'archive';

export function zipKind(names: Iterable<string>): ZipKind {
  const all = new Set(names);
  if (all.has('word/document.xml')) return 'docx';
  if (all.has('xl/workbook.xml') || all.has('xl/workbook.bin')) return 'xlsx';
  if (all.has('OFD.xml')) return 'ofd';
  if (all.has('ppt/presentation.xml')) return 'presentation';
  return 'archive';
}

/** The shown kind each extension promises, to say “renamed or damaged” when the bytes differ. */
export const EXPECTED_BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ['pdf', 'pdf'],
  ['docx', 'docx'],
  ['xlsx', 'xlsx'],
  ['xlsm', 'xlsx'],
  ['xls', 'xls'],
  ['ofd', 'ofd'],
  ['png', 'image'],
  ['jpg', 'image'],
  ['jpeg', 'image'],
  ['gif', 'image'],
  ['webp', 'image'],
  ['bmp', 'image'],
  ['doc', 'word97'],
  ['wps', 'word97'],
]);

/**
 * Whether the name promises a format the bytes are not (a `.docx` that is no Word document),
 * which the message about it should say: the file is damaged or was renamed.
 */
export function misnamed(name: string, shownKind: string): boolean {
  const expected = EXPECTED_BY_EXTENSION.get(extensionOf(name));
  return expected !== undefined && expected !== shownKind;
}
