/**
 * Writes the evidence archive: the files under their paths, and `manifest.json` listing each
 * with its SHA-256, size and subject. Returns the same list for the workbook's signed payload,
 * so the workbook and the archive are made from one computation.
 */
import { zipSync, type Zippable } from 'fflate';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalize } from '../canonical/canonicalJson';
import { sha256Hex } from '../signing/hash';
import {
  EVIDENCE_FORMAT,
  EVIDENCE_MANIFEST,
  evidencePathProblem,
  type EvidenceEntry,
  type EvidenceManifest,
} from './format';

export interface EvidenceFile {
  path: string;
  bytes: Uint8Array;
  of: EvidenceEntry['of'];
}

export interface EvidenceArchive {
  bytes: Uint8Array;
  /** In path order: what goes into the payload's `evidence`. */
  entries: EvidenceEntry[];
}

/** A fixed timestamp keeps the output reproducible (same files, same archive). */
const FIXED_MTIME = new Date(2026, 0, 1, 0, 0, 0);
/** Photos and office files are compressed already: stored; text is deflated. */
const STORED = /\.(png|jpe?g|gif|webp|heic|zip|docx|xlsx|pdf)$/i;

/** Throws when a path breaks the archive's rules or appears twice: the caller's names are wrong. */
export function writeEvidenceArchive(
  roundId: string,
  files: readonly EvidenceFile[],
): EvidenceArchive {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const zippable: Zippable = {};
  const entries: EvidenceEntry[] = [];
  for (const file of sorted) {
    const problem = evidencePathProblem(file.path);
    if (problem) throw new Error(`证据文件“${file.path}”：${problem}`);
    if (file.path in zippable) throw new Error(`证据文件“${file.path}”重复出现`);
    zippable[file.path] = [file.bytes, { level: STORED.test(file.path) ? 0 : 6 }];
    entries.push({
      path: file.path,
      sha256: sha256Hex(file.bytes),
      size: file.bytes.length,
      of: file.of,
    });
  }
  const manifest: EvidenceManifest = { format: EVIDENCE_FORMAT, roundId, files: entries };
  zippable[EVIDENCE_MANIFEST] = [utf8ToBytes(`${canonicalize(manifest)}\n`), { level: 6 }];
  return { bytes: zipSync(zippable, { mtime: FIXED_MTIME }), entries };
}
