import type { RoundPackage, RoundPackageProgress } from '@shared/formats/roundPackageReader';
import type { Parsed } from '@shared/model/validation';

/**
 * The page starts a read with `start`; the worker then asks for the pieces of the file it needs
 * (`read`), which the page answers with `piece`: the picked file is never in memory whole.
 */
export type WorkerRequest =
  | { type: 'start'; fileName: string; size: number }
  | { type: 'piece'; id: number; data: ArrayBuffer }
  | { type: 'pieceFailed'; id: number; message: string };

/**
 * The package as the worker hands it over: the attachments were already sent one by one as
 * `entry` messages while the rest was still being read (the page turns them into Blobs
 * meanwhile), so here only which entry each attachment path came from.
 */
export type ReadPackage = Omit<RoundPackage, 'attachments'> & {
  /** Attachment path → the archive entry name it was read from. */
  attachmentEntries: [path: string, entry: string][];
};

export type WorkerReply =
  | { type: 'read'; id: number; offset: number; length: number }
  | { type: 'progress'; progress: RoundPackageProgress }
  | { type: 'entry'; name: string; data: Uint8Array }
  | { type: 'done'; result: Parsed<ReadPackage> }
  | { type: 'failed'; message: string };
