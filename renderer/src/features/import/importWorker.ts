/**
 * Reads a round package off the main thread: inflating and hashing a few hundred megabytes
 * takes seconds, and the window must keep painting the progress bar meanwhile.
 */
import { readRoundPackageAsync } from '../../../../shared/formats/roundPackageReader';
import { webSha256Hex } from '../../platform/webSha256';
import { decodeGbkName } from './legacyNames';
import type { WorkerReply, WorkerRequest } from './workerMessages';

// The web tsconfig has the DOM lib, not the worker one (they conflict): type what is used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
};

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { bytes, fileName } = event.data;
  const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
    scope.postMessage(reply, transfer);
  try {
    const result = await readRoundPackageAsync(new Uint8Array(bytes), {
      fileName,
      sha256Hex: webSha256Hex,
      decodeLegacyName: decodeGbkName,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    if (!result.ok) {
      post({ type: 'done', result });
      return;
    }
    // Blobs cross to the page as handles; building them here keeps the ~1 s copy of a 200 MB
    // package into the blob store off the page's thread and overlaps it with the transfer.
    const attachments = new Map<string, Blob>();
    for (const [path, data] of result.value.attachments) {
      attachments.set(path, new Blob([data as Uint8Array<ArrayBuffer>]));
    }
    post({ type: 'done', result: { ok: true, value: { ...result.value, attachments } } });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
