import {
  readRoundPackage,
  type RoundPackage,
  type RoundPackageProgress,
} from '../../../../shared/formats/roundPackageReader';
import type { Parsed } from '../../../../shared/model/validation';
import { decodeGbkName } from './legacyNames';
import type { WorkerReply, WorkerRequest } from './workerMessages';

/**
 * Read a round package in a module worker, or on this thread where workers are unavailable
 * (the same pure reader either way, so the messages are the same as the CLI's).
 */
export function parseRoundPackage(
  bytes: Uint8Array,
  fileName: string,
  onProgress: (progress: RoundPackageProgress) => void,
): Promise<Parsed<RoundPackage>> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(
      readRoundPackage(bytes, { fileName, decodeLegacyName: decodeGbkName, onProgress }),
    );
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply.progress);
      else {
        worker.terminate();
        if (reply.type === 'done') resolve(reply.result);
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || '后台读取评审包失败'));
    };
    // A copy goes to the worker; the picked bytes stay usable here if the worker fails.
    const request: WorkerRequest = { bytes: bytes.slice().buffer, fileName };
    worker.postMessage(request, [request.bytes]);
  });
}
