/**
 * Reads a round package off the main thread: inflating and hashing a few hundred megabytes
 * takes seconds, and the window must keep painting the progress bar meanwhile.
 */
import { readRoundPackageAsync } from '../../../../shared/formats/roundPackageReader';
import { decodeGbkName } from './legacyNames';
import type { WorkerReply, WorkerRequest } from './workerMessages';

// The web tsconfig has the DOM lib, not the worker one (they conflict): type what is used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
};

/** The browser's native SHA-256: hashing hundreds of megabytes in JavaScript took seconds. */
async function nativeSha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>),
  );
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { bytes, fileName } = event.data;
  const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
    scope.postMessage(reply, transfer);
  try {
    const result = await readRoundPackageAsync(new Uint8Array(bytes), {
      fileName,
      sha256Hex: nativeSha256Hex,
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
