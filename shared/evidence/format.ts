/**
 * The evidence archive `NAME.evidence.zip`, `review-desk/evidence@1` (docs/formats.md): the
 * photos, site notes and attached 书面说明 of an inspection or evaluation round, exported beside
 * its signed result workbook. The workbook's signed payload lists every file with its SHA-256
 * and size (`evidence`), so the signature vouches for the archive's content; the archive's own
 * `manifest.json` repeats that list for a reader without the workbook.
 */
import { z } from 'zod';
import { entryNameProblem } from '../formats/zip';

export const EVIDENCE_FORMAT = 'review-desk/evidence@1';
/** The one entry of the archive that is not evidence. */
export const EVIDENCE_MANIFEST = 'manifest.json';
/** The archive's name beside the workbook `NAME.xlsx`. */
export const evidenceArchiveName = (workbookName: string): string =>
  `${workbookName.replace(/\.xlsx$/i, '')}.evidence.zip`;

export const EVIDENCE_PATH_MAX = 500;

/** What a file is evidence of: a site (packet id), a finding or a 动态调整 record (their ids). */
export const EVIDENCE_SUBJECTS = ['site', 'finding', 'adjustment'] as const;
export type EvidenceSubject = (typeof EVIDENCE_SUBJECTS)[number];

/**
 * Why `path` cannot name a file of the archive, or null. The zip reader's rules (relative,
 * forward slashes, no `..`, no drive letter, no control characters) plus: no folder, no empty or
 * `.` segment, not the manifest, at most 500 characters.
 */
export function evidencePathProblem(path: string): string | null {
  const zipProblem = entryNameProblem(path);
  if (zipProblem) return zipProblem;
  if (path.length > EVIDENCE_PATH_MAX) return `路径超过 ${EVIDENCE_PATH_MAX} 个字符`;
  if (path.split('/').some((segment) => segment === '' || segment === '.'))
    return '路径中有空的或“.”目录段';
  if (path === EVIDENCE_MANIFEST) return `${EVIDENCE_MANIFEST} 是清单本身，不能作为证据文件`;
  return null;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const evidenceEntrySchema = z.strictObject({
  /** Entry name in the archive, e.g. `photos/S02/1.jpg`. */
  path: z.string().superRefine((path, context) => {
    const problem = evidencePathProblem(path);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: z.string().regex(SHA256_HEX, 'SHA-256 应为 64 位小写十六进制'),
  /** Bytes. */
  size: z.number().int().nonnegative(),
  of: z.strictObject({ kind: z.enum(EVIDENCE_SUBJECTS), id: z.string().min(1).max(64) }),
});

/** The list of evidence files, each path once (as the signed payload and the manifest hold it). */
export const evidenceListSchema = z.array(evidenceEntrySchema).superRefine((list, context) => {
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    if (seen.has(entry.path)) {
      context.addIssue({ code: 'custom', path: [index, 'path'], message: '路径重复出现' });
    }
    seen.add(entry.path);
  });
});

export const evidenceManifestSchema = z.strictObject({
  format: z.literal(EVIDENCE_FORMAT),
  /** The round the evidence belongs to; equals the workbook's round id. */
  roundId: z.string(),
  files: evidenceListSchema,
});

export type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;
export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;
