/**
 * Checks an evidence archive against the list of files a verified workbook's signed payload
 * vouches for: every listed file present with the same size and SHA-256, nothing else in the
 * archive but `manifest.json`, and the manifest agreeing with the signed list. The archive is
 * read by the guarded zip reader first (limits, CRC-32, names: no traversal, absolute or
 * duplicate names), so nothing is inflated beyond its limits. Each problem names the file and,
 * for a changed one, the expected and found short hashes.
 */
import { canonicalize } from '../canonical/canonicalJson';
import { DEFAULT_ZIP_LIMITS, looksLikeZip, readZip, type ZipLimits } from '../formats/zip';
import { parseJsonBytes } from '../formats/text';
import { formatProblem, parseWith } from '../model/validation';
import { sha256Hex, shortHash } from '../signing/hash';
import { EVIDENCE_MANIFEST, evidenceManifestSchema, type EvidenceEntry } from './format';

export interface ExpectedEvidence {
  roundId: string;
  /** The payload's `evidence`; an empty list when the workbook lists none. */
  files: readonly EvidenceEntry[];
}

export type EvidenceCheck =
  | { ok: true; files: number; bytes: number }
  | { ok: false; kind: 'unreadable' | 'mismatch'; problems: string[] };

export function verifyEvidenceArchive(
  expected: ExpectedEvidence,
  archive: Uint8Array,
  archiveName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): EvidenceCheck {
  if (!looksLikeZip(archive)) {
    return { ok: false, kind: 'unreadable', problems: [`${archiveName}：不是 ZIP 压缩包`] };
  }
  const read = readZip(archive, archiveName, { limits });
  if (!read.ok) return { ok: false, kind: 'mismatch', problems: read.problems.map(formatProblem) };
  const files = read.value;
  const at = (path: string, message: string) => `${archiveName} › ${path}：${message}`;
  const problems = [
    ...manifestProblems(expected, files.get(EVIDENCE_MANIFEST), archiveName),
    ...expected.files.flatMap((entry) => fileProblems(entry, files.get(entry.path), at)),
  ];
  const listed = new Set(expected.files.map((e) => e.path));
  for (const name of files.keys()) {
    if (name !== EVIDENCE_MANIFEST && !listed.has(name)) {
      problems.push(at(name, '签名数据没有列出这个文件（多出的文件）；请用评审台重新导出证据包'));
    }
  }
  if (problems.length > 0) return { ok: false, kind: 'mismatch', problems };
  const bytes = expected.files.reduce((sum, e) => sum + e.size, 0);
  return { ok: true, files: expected.files.length, bytes };
}

function fileProblems(
  entry: EvidenceEntry,
  data: Uint8Array | undefined,
  at: (path: string, message: string) => string,
): string[] {
  if (!data) {
    return [
      at(
        entry.path,
        `签名数据列出这个文件（${entry.size} 字节，SHA-256 ${shortHash(entry.sha256)}），证据包中没有`,
      ),
    ];
  }
  const found = sha256Hex(data);
  if (found === entry.sha256 && data.length === entry.size) return [];
  const size =
    data.length === entry.size ? '' : `；大小应为 ${entry.size} 字节，实为 ${data.length} 字节`;
  return [
    at(
      entry.path,
      `内容与签名数据不符（文件被改动）：SHA-256 应为 ${shortHash(entry.sha256)}，实为 ${shortHash(found)}${size}`,
    ),
  ];
}

function manifestProblems(
  expected: ExpectedEvidence,
  bytes: Uint8Array | undefined,
  archiveName: string,
): string[] {
  const file = `${archiveName} › ${EVIDENCE_MANIFEST}`;
  if (!bytes) return [`${file}：证据包中没有清单文件；请用评审台重新导出证据包`];
  const json = parseJsonBytes(bytes, file);
  if (!json.ok) return [formatProblem(json.problem)];
  const manifest = parseWith(evidenceManifestSchema, json.value, file);
  if (!manifest.ok) return manifest.problems.map(formatProblem);
  const problems: string[] = [];
  if (manifest.value.roundId !== expected.roundId) {
    problems.push(
      `${file} › roundId：评审编号“${manifest.value.roundId}”与工作簿“${expected.roundId}”不符`,
    );
  }
  if (canonicalize(manifest.value.files) !== canonicalize(expected.files)) {
    problems.push(`${file} › files：文件清单与工作簿签名数据中的证据清单不符`);
  }
  return problems;
}
