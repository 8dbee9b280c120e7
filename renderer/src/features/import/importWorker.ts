/**
 * Reads a round package off the main thread: inflating and hashing a few hundred megabytes
 * takes seconds, and the window must keep painting the progress bar meanwhile.
 */
import { readRoundPackageAsync } from '@shared/formats/roundPackageReader';
import type { ByteSource } from '@shared/formats/zip';
import { webSha256Hex } from '../../platform/webSha256';
import { decodeGbkName } from './legacyNames';
import type { WorkerReply, WorkerRequest } from './workerMessages';

// The web tsconfig has the DOM lib, not the worker one (they conflict): type what is used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
};

const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
  scope.postMessage(reply, transfer);

/** Pieces asked of the page and not answered yet. */
const asked = new Map<
  number,
  { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }
>();
let nextId = 0;

/** The picked file, read through the page one piece at a time (see WorkerRequest). */
function pageSource(size: number): ByteSource {
  return {
    size,
    read: (offset, length) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        asked.set(id, { resolve, reject });
        post({ type: 'read', id, offset, length });
      }),
  };
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    void read(request.fileName, request.size);
    return;
  }
  const waiting = asked.get(request.id);
  asked.delete(request.id);
  if (request.type === 'piece') waiting?.resolve(new Uint8Array(request.data));
  else waiting?.reject(new Error(request.message));
};

async function read(fileName: string, size: number) {
  try {
    const entryNames = new Map<Uint8Array, string>();
    const result = await readRoundPackageAsync(pageSource(size), {
      fileName,
      sha256Hex: webSha256Hex,
      decodeLegacyName: decodeGbkName,
      onProgress: (progress) => post({ type: 'progress', progress }),
      // Attachments go to the page as soon as they are inflated, and are not kept here: the
      // reader has started their SHA-256 (WebCrypto copies the bytes) and checks it at the end.
      // The page builds their Blobs while this thread reads on. The bytes are handed over, not
      // copied: a copy would add a third to the memory a large package needs.
      takeEntry: (name, data) => {
        const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
        const own = whole ? data : data.slice();
        entryNames.set(data, name);
        post({ type: 'entry', name, data: own }, [own.buffer]);
      },
    });
    if (!result.ok) {
      post({ type: 'done', result });
      return;
    }
    const { attachments, ...rest } = result.value;
    const attachmentEntries = [...attachments].map(([path, data]) => {
      const entry = entryNames.get(data);
      if (entry !== undefined) return [path, entry] as [string, string];
      // An attachment that is itself JSON was kept here (see takeEntry): send it now.
      const copy = data.slice();
      post({ type: 'entry', name: `\0${path}`, data: copy }, [copy.buffer]);
      return [path, `\0${path}`] as [string, string];
    });
    post({ type: 'done', result: { ok: true, value: { ...rest, attachmentEntries } } });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
