import type {
  RoundPackage,
  RoundPackageProgress,
} from '../../../../shared/formats/roundPackageReader';
import type { Parsed } from '../../../../shared/model/validation';

export interface WorkerRequest {
  bytes: ArrayBuffer;
  fileName: string;
}

/**
 * A read package as the worker hands it over: the attachments already as Blobs, so copying
 * them into the browser's blob store happens on the worker's thread, not the page's.
 */
export type ParsedPackage = Omit<RoundPackage, 'attachments'> & {
  attachments: Map<string, Uint8Array | Blob>;
};

export type WorkerReply =
  | { type: 'progress'; progress: RoundPackageProgress }
  | { type: 'done'; result: Parsed<ParsedPackage> }
  | { type: 'failed'; message: string };
