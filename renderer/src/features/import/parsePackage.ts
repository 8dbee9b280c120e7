import {
  readRoundPackageAsync,
  type RoundPackage,
  type RoundPackageProgress,
} from '@shared/formats/roundPackageReader';
import type { PickedSource } from '@shared/platform/Platform';
import type { Parsed } from '@shared/model/validation';
import { mimeFor } from '../../data/repositories/roundRepository';
import { webSha256Hex } from '../../platform/webSha256';
import { decodeGbkName } from './legacyNames';
import type { WorkerReply, WorkerRequest } from './workerMessages';

/**
 * Bytes of attachments made into Blobs while the package is being read (which overlaps that
 * work with the reading); the rest stay bytes until their batch is stored. Chromium's blob
 * storage fails IndexedDB writes once about 500 MB of new Blobs are alive (attachmentsAhead.ts),
 * so this plus one batch written ahead stays well under that.
 */
export const PREBUILT_BLOB_BYTES = 192 * 1024 * 1024;

/** A read package; attachments as Blobs or bytes (see PREBUILT_BLOB_BYTES). */
export type ParsedPackage = Omit<RoundPackage, 'attachments'> & {
  attachments: Map<string, Uint8Array | Blob>;
};

/**
 * Read a round package in a module worker, or on this thread where workers are unavailable
 * (the same pure reader either way, so the messages are the same as the CLI's). The worker asks
 * for the pieces of the file it needs and this thread reads them from `source`: the package is
 * never in memory whole (a 1.91 GB package needed it twice over before: the file, and the
 * attachments on their way here).
 */
export function parseRoundPackage(
  source: PickedSource,
  onProgress: (progress: RoundPackageProgress) => void,
): Promise<Parsed<ParsedPackage>> {
  const fileName = source.name;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readRoundPackageAsync(source, {
      fileName,
      decodeLegacyName: decodeGbkName,
      onProgress,
      sha256Hex: webSha256Hex,
    });
  }
  const send = (request: WorkerRequest, transfer: Transferable[] = []) =>
    worker.postMessage(request, transfer);
  return new Promise((resolve, reject) => {
    // Built while the worker reads on; kept only if the whole package turns out to be valid.
    const blobs = new Map<string, Blob | Uint8Array>();
    let blobBytes = 0;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'read') {
        source.read(reply.offset, reply.length).then(
          (bytes) => {
            // Handed over, not copied; a view into a larger buffer is copied first.
            const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
            const data = (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
            send({ type: 'piece', id: reply.id, data }, [data]);
          },
          (error: unknown) =>
            send({
              type: 'pieceFailed',
              id: reply.id,
              message: error instanceof Error ? error.message : String(error),
            }),
        );
      } else if (reply.type === 'progress') onProgress(reply.progress);
      else if (reply.type === 'entry') {
        // Typed by the entry's name, which is the attachment's name in any package we know.
        const data = reply.data as Uint8Array<ArrayBuffer>;
        if (blobBytes + data.length > PREBUILT_BLOB_BYTES) blobs.set(reply.name, data);
        else {
          blobBytes += data.length;
          blobs.set(reply.name, new Blob([data], { type: mimeFor(reply.name) }));
        }
      } else {
        worker.terminate();
        if (reply.type === 'failed') reject(new Error(reply.message));
        else if (!reply.result.ok) resolve(reply.result);
        else {
          const { attachmentEntries, ...rest } = reply.result.value;
          const attachments = new Map<string, Blob | Uint8Array>();
          for (const [path, entry] of attachmentEntries) {
            const blob = blobs.get(entry);
            if (!blob) return reject(new Error(`后台读取评审包失败：缺少附件 ${path}`));
            attachments.set(path, blob);
          }
          resolve({ ok: true, value: { ...rest, attachments } });
        }
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || '后台读取评审包失败'));
    };
    send({ type: 'start', fileName, size: source.size });
  });
}
