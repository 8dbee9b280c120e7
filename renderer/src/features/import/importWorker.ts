/**
 * Reads a round package off the main thread: inflating and hashing a few hundred megabytes
 * takes seconds, and the window must keep painting the progress bar meanwhile.
 */
import { readRoundPackage } from '../../../../shared/formats/roundPackageReader';
import { decodeGbkName } from './legacyNames';
import type { WorkerReply, WorkerRequest } from './workerMessages';

// The web tsconfig has the DOM lib, not the worker one (they conflict): type what is used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
};

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { bytes, fileName } = event.data;
  const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
    scope.postMessage(reply, transfer);
  try {
    const result = readRoundPackage(new Uint8Array(bytes), {
      fileName,
      decodeLegacyName: decodeGbkName,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    // Hand the attachment buffers over instead of copying them (each entry owns its buffer).
    const transfer = result.ok
      ? [...new Set([...result.value.attachments.values()].map((b) => b.buffer as ArrayBuffer))]
      : [];
    post({ type: 'done', result }, transfer);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
