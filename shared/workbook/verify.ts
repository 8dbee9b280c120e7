/**
 * verifyResultWorkbook: is this workbook exactly what the key in it signed, and (optionally) is
 * that key a trusted one? Checks, in order: a sound zip holding a readable xlsx; `_signature`
 * present and laid out as written; SHA-256 of the payload; key id = fingerprint of the public key;
 * Ed25519 signature over the payload bytes; payload is canonical JSON of the known structure;
 * every visible sheet equals its rendering from the payload (compare.ts), no other sheet has
 * content; nothing in the package shows something the values do not say (presentation.ts); the
 * key is trusted (docs/formats.md lists each check).
 *
 * `_signature` may come back merely hidden (Calc saves very hidden as hidden) and that is fine;
 * made visible is reported as a warning, not a failure: it changes no value, and any edit of its
 * content fails the hash or the signature anyway.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalize } from '../canonical/canonicalJson';
import { formatBytes, readZip, type ZipLimits } from '../formats/zip';
import { decodeBase64 } from '../signing/base64';
import { PUBLIC_KEY_LENGTH, verifyEd25519 } from '../signing/ed25519';
import { keyFingerprint, sha256Hex } from '../signing/hash';
import { compareTable } from './compare';
import { SHEET, type ResultFormat } from './format';
import { resultPayloadSchema, type ResultPayload } from './payload';
import { isEmptyCell, type ReadBook } from './readModel';
import { presentationProblems } from './presentation';
import { renderVisibleSheets } from './render';
import { readSignatureSheet } from './signatureSheet';
import { isTrustedKey } from './trust';
import { readWorkbookEntries } from './xlsxRead';

export interface VerifyOptions {
  /** Registered keys, base64 raw public keys or fingerprints; when given, the key must be one. */
  trustedKeys?: readonly string[];
  /** Guards checked on the zip before SheetJS inflates it (defaults: VERIFY_LIMITS). */
  limits?: Partial<ZipLimits>;
}

const MiB = 1024 * 1024;
/**
 * A result workbook of 20 000 packets × 15 experts is about 30 MB; a file far beyond that, or
 * one that inflates like a zip bomb, is refused before SheetJS reads it.
 */
export const VERIFY_LIMITS: Required<ZipLimits> = {
  maxArchiveBytes: 200 * MiB,
  maxEntries: 1_000,
  maxEntryBytes: 500 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxRatio: 1_000,
  maxTotalRatio: 1_000,
};

export interface VerifiedWorkbook {
  /** `review-desk/result@3`, or `@2` for a workbook written before 专家组意见 (it has none). */
  format: ResultFormat;
  roundId: string;
  roundTitle: string;
  generatedAt: string;
  generator: string;
  /** Fingerprint of the signing key. */
  keyId: string;
  /** base64 raw public key of the signer. */
  publicKey: string;
  /** SHA-256 hex of the signed payload: matches the hash printed on the paper report. */
  sha256: string;
  /** Whether the key was checked against trustedKeys (false when none were given). */
  trusted: boolean;
  packets: number;
  sheets: number;
  /** Things that are not failures but a reader should know. */
  warnings: string[];
  payload: ResultPayload;
}

export type VerifyResult =
  | { ok: true; summary: VerifiedWorkbook }
  | { ok: false; kind: 'unreadable' | 'invalid'; problems: string[] };

const invalid = (problems: string[]): VerifyResult => ({ ok: false, kind: 'invalid', problems });

function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

export function verifyResultWorkbook(bytes: Uint8Array, options: VerifyOptions = {}): VerifyResult {
  const unreadable: VerifyResult = {
    ok: false,
    kind: 'unreadable',
    problems: ['无法读取：不是 xlsx 工作簿，或文件已损坏'],
  };
  if (!isZip(bytes)) return unreadable;
  const limits = { ...VERIFY_LIMITS, ...options.limits };
  if (bytes.length > limits.maxArchiveBytes) {
    return {
      ok: false,
      kind: 'unreadable',
      problems: [
        `文件过大（${formatBytes(bytes.length)}），结果工作簿不能超过 ${formatBytes(limits.maxArchiveBytes)}`,
      ],
    };
  }
  // Every entry is inflated and CRC-checked here, once: SheetJS parses these parts without
  // inflating again (its own inflate loops forever on some corrupt deflate streams, found by
  // test/fuzz, so it never sees the compressed bytes at all).
  const guard = readZip(bytes, 'xlsx', { limits });
  if (!guard.ok) {
    return { ok: false, kind: 'unreadable', problems: guard.problems.map((p) => p.message) };
  }
  let book: ReadBook;
  try {
    book = readWorkbookEntries(guard.value);
  } catch {
    return unreadable;
  }
  return verifyReadBook(book, options);
}

/** The checks on an already read workbook (pure; also what the tests drive directly). */
export function verifyReadBook(book: ReadBook, options: VerifyOptions = {}): VerifyResult {
  const signatureSheet = book.sheets.find((s) => s.name === SHEET.signature);
  if (!signatureSheet) {
    return invalid(['缺少签名工作表 _signature：不是评审台导出的结果工作簿，或签名已被删除']);
  }
  const read = readSignatureSheet(signatureSheet);
  if (!read.ok) return invalid(read.problems);
  const block = read.block;

  const payloadBytes = utf8ToBytes(block.payload);
  const sha256 = sha256Hex(payloadBytes);
  if (sha256 !== block.sha256) {
    return invalid([
      `SHA-256 不符：签名数据（_signature!A9 起）在签名后被修改（记录 ${block.sha256.slice(0, 16)}…，实际 ${sha256.slice(0, 16)}…）`,
    ]);
  }
  let publicKey: Uint8Array;
  let signature: Uint8Array;
  try {
    publicKey = decodeBase64(block.publicKey);
    signature = decodeBase64(block.signature);
  } catch {
    return invalid(['_signature!B4/B6：公钥或签名不是有效的 base64']);
  }
  if (publicKey.length !== PUBLIC_KEY_LENGTH) {
    return invalid([`_signature!B4：公钥应为 ${PUBLIC_KEY_LENGTH} 字节`]);
  }
  const keyId = keyFingerprint(publicKey);
  if (keyId !== block.keyId) {
    return invalid([`_signature!B5：密钥编号 ${block.keyId} 与公钥（${keyId}）不符`]);
  }
  if (!verifyEd25519(signature, payloadBytes, publicKey)) {
    return invalid(['签名无效：签名数据不是由工作簿中的公钥签署，或签名被替换']);
  }

  let payload: ResultPayload;
  try {
    const raw: unknown = JSON.parse(block.payload);
    if (canonicalize(raw) !== block.payload) {
      return invalid(['签名数据不是规范 JSON（RFC 8785），不是评审台写出的结果工作簿']);
    }
    const parsed = resultPayloadSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invalid([`签名数据结构无效：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`]);
    }
    payload = parsed.data;
  } catch {
    return invalid(['签名数据不是有效的 JSON']);
  }
  const problems: string[] = [];
  if (payload.format !== block.format) {
    problems.push(`_signature!B1：格式标识“${block.format}”与签名数据“${payload.format}”不符`);
  }
  if (payload.round.id !== block.roundId) {
    problems.push(`_signature!B2：评审编号“${block.roundId}”与签名数据“${payload.round.id}”不符`);
  }

  const tables = renderVisibleSheets(payload);
  for (const table of tables) {
    const sheet = book.sheets.find((s) => s.name === table.name);
    if (!sheet) problems.push(`缺少工作表“${table.name}”`);
    else problems.push(...compareTable(table, sheet));
  }
  if (book.parts) problems.push(...presentationProblems(book.parts, tables, SHEET.signature));
  const known = new Set<string>([SHEET.signature, ...tables.map((t) => t.name)]);
  for (const sheet of book.sheets) {
    if (known.has(sheet.name)) continue;
    if (sheet.rows.some((row) => row.some((cell) => !isEmptyCell(cell)))) {
      problems.push(`多出工作表“${sheet.name}”（含有内容，签名数据中没有）`);
    }
  }

  const trusted = options.trustedKeys !== undefined;
  if (trusted && !isTrustedKey(publicKey, options.trustedKeys ?? [])) {
    problems.push(`签名密钥 ${keyId} 不在受信任的密钥列表中`);
  }
  if (problems.length > 0) return invalid(problems);

  const warnings: string[] = [];
  if (signatureSheet.visibility === 0) {
    warnings.push('签名工作表 _signature 已被设为可见（内容未改动，签名仍然有效）');
  }
  return {
    ok: true,
    summary: {
      format: payload.format,
      roundId: payload.round.id,
      roundTitle: payload.round.title,
      generatedAt: payload.generatedAt,
      generator: payload.generator,
      keyId,
      publicKey: block.publicKey,
      sha256,
      trusted,
      packets: payload.results.length,
      sheets: payload.sheets.length,
      warnings,
      payload,
    },
  };
}
