import type { OpenedAttachment } from './openAttachment';
import type { OpenRequest } from './openWorker';

/** Longest a file may take to open; a file that takes longer is not shown. */
export const OPEN_TIMEOUT_MS = 60_000;

const TOO_SLOW = `文件结构过于复杂，${OPEN_TIMEOUT_MS / 1000} 秒内未能读完`;

/**
 * openAttachment in a worker of its own, ended when the answer comes, when it takes longer than
 * OPEN_TIMEOUT_MS, or when `signal` aborts (the file was closed).
 */
export function openInWorker(request: OpenRequest, signal: AbortSignal): Promise<OpenedAttachment> {
  const worker = new Worker(new URL('./openWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<OpenedAttachment>((resolve, reject) => {
    const end = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      worker.terminate();
    };
    const abort = () => {
      end();
      reject(new DOMException('closed', 'AbortError'));
    };
    const timer = setTimeout(() => {
      end();
      resolve({ opened: { view: 'failed', reason: TOO_SLOW }, misnamedAs: null });
    }, OPEN_TIMEOUT_MS);
    signal.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<OpenedAttachment>) => {
      end();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || '读取文件时出错'));
    };
    worker.postMessage(request);
  });
}
