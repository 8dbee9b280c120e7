import type {
  RoundPackage,
  RoundPackageProgress,
} from '../../../../shared/formats/roundPackageReader';
import type { Parsed } from '../../../../shared/model/validation';

export interface WorkerRequest {
  bytes: ArrayBuffer;
  fileName: string;
}

export type WorkerReply =
  | { type: 'progress'; progress: RoundPackageProgress }
  | { type: 'done'; result: Parsed<RoundPackage> }
  | { type: 'failed'; message: string };
