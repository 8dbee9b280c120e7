/**
 * The entries of a ZIP-based attachment (docx, xlsx, OFD, or a plain archive), read by the
 * project's guarded ZIP reader: entry count, sizes, compression ratio (zip bombs), entry names
 * (path traversal) and CRC are checked before anything else parses the file. Libraries that
 * unzip on their own (docx-preview, SheetJS) get the bytes only after this read succeeded.
 */
import { readZip, type ZipLimits } from '@shared/formats/zip';

const MiB = 1024 * 1024;

/** Largest attachment any viewer parses; larger ones are offered for 另存为 instead. */
export const MAX_VIEW_BYTES = 100 * MiB;

/**
 * Office documents and OFD files are XML that compresses 5–30 times; a ratio over 100 is a bomb,
 * not a document. Inflated, a document viewed in the app stays under 300 MiB.
 */
export const VIEW_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: MAX_VIEW_BYTES,
  maxEntries: 10_000,
  maxTotalBytes: 300 * MiB,
  maxEntryBytes: 200 * MiB,
  maxRatio: 100,
  maxTotalRatio: 100,
};

export type Entries = { ok: true; files: Map<string, Uint8Array> } | { ok: false; reason: string };

const gbkNames = (bytes: Uint8Array) => new TextDecoder('gbk', { fatal: true }).decode(bytes);

/** The archive's files by name, or the first problem the guarded reader found, in words. */
export function containerEntries(bytes: Uint8Array, name: string): Entries {
  const read = readZip(bytes, name, { limits: VIEW_ZIP_LIMITS, decodeLegacyName: gbkNames });
  if (read.ok) return { ok: true, files: read.value };
  const [first] = read.problems;
  const where = first?.field ? `（${first.field}）` : '';
  // The reader's messages speak of round packages; here the archive is one attached file.
  const message = (first?.message ?? '压缩结构无法读取').replaceAll('评审包', '文件');
  return { ok: false, reason: `${message}${where}` };
}
