/**
 * The evidence archive of an inspection or evaluation round (docs/formats.md, Evidence archive):
 * each site's notes as UTF-8 text and its photos as taken, written by shared/evidence beside the
 * result workbook. The archive's list of files goes into the workbook's signed payload, so the
 * central system can check every photo and note against the signature.
 */
import {
  evidenceArchiveName,
  writeEvidenceArchive,
  type EvidenceEntry,
  type EvidenceFile,
} from '@shared/evidence';
import type { ReviewDeskDb } from '../db';
import type { SitePhotoRow } from '../rows';

export interface PreparedEvidence {
  fileName: string;
  bytes: Uint8Array;
  /** The archive's files, for the payload's `evidence`. */
  entries: EvidenceEntry[];
}

/** A file extension from the photo's MIME type (`image/jpeg` → `jpg`). */
function extensionOf(mime: string): string {
  const subtype = mime.split('/')[1]?.toLowerCase() ?? '';
  if (subtype === 'jpeg') return 'jpg';
  return /^[a-z0-9]{1,10}$/.test(subtype) ? subtype : 'img';
}

const byTime = (a: SitePhotoRow, b: SitePhotoRow) =>
  a.packetId < b.packetId ? -1 : a.packetId > b.packetId ? 1 : a.takenAt < b.takenAt ? -1 : 1;

/** The round's notes and photos as archive files; none for a selection round. */
export async function roundEvidenceFiles(
  db: ReviewDeskDb,
  roundId: string,
): Promise<EvidenceFile[]> {
  const [round, sites, photos] = await db.transaction(
    'r',
    [db.rounds, db.routeSites, db.sitePhotos],
    () =>
      Promise.all([
        db.rounds.get(roundId),
        db.routeSites.where('roundId').equals(roundId).toArray(),
        db.sitePhotos.where('roundId').equals(roundId).toArray(),
      ]),
  );
  if (!round || round.kind === 'selection') return [];
  const encoder = new TextEncoder();
  const notes: EvidenceFile[] = sites
    .filter((s) => s.notes.trim() !== '')
    .map((s) => ({
      path: `notes/${s.packetId}.txt`,
      bytes: encoder.encode(s.notes),
      of: { kind: 'site', id: s.packetId },
    }));
  // Blobs are read after the transaction: awaiting anything but Dexie inside one ends it.
  const pictures = await Promise.all(
    [...photos].sort(byTime).map(async (p): Promise<EvidenceFile> => ({
      path: `photos/${p.packetId}/${p.id}.${extensionOf(p.mime)}`,
      bytes: new Uint8Array(await p.blob.arrayBuffer()),
      of: { kind: 'site', id: p.packetId },
    })),
  );
  return [...notes, ...pictures];
}

/** The archive to save beside `workbookName`, or null when the round has no evidence. */
export async function prepareEvidence(
  db: ReviewDeskDb,
  roundId: string,
  workbookName: string,
): Promise<PreparedEvidence | null> {
  const files = await roundEvidenceFiles(db, roundId);
  if (files.length === 0) return null;
  const archive = writeEvidenceArchive(roundId, files);
  return { fileName: evidenceArchiveName(workbookName), ...archive };
}
