import { randomUUID } from 'node:crypto';
import type { BytesOrUpload } from '@shared/ipc/contract';
import { IpcFailure } from './ipcFailure';

/**
 * Bytes larger than one IPC message, sent ahead in pieces (contract: review:upload:*) and then
 * named by the call that saves them. One upload at a time: beginning another drops the first,
 * so a page cannot pile up memory here; pieces must come in order and fill it exactly.
 */
export interface Uploads {
  begin(size: number): string;
  piece(id: string, offset: number, bytes: Uint8Array): void;
  /** The bytes themselves, or the completed upload (which is then forgotten). */
  take(source: BytesOrUpload): Uint8Array;
}

export function createUploads(): Uploads {
  let current: { id: string; bytes: Uint8Array; received: number } | null = null;
  const lost = () =>
    new IpcFailure('upload-lost', '待保存的数据已失效（可能又开始了另一次保存），请重试。');
  return {
    begin(size) {
      current = { id: randomUUID(), bytes: new Uint8Array(size), received: 0 };
      return current.id;
    },
    piece(id, offset, bytes) {
      if (!current || current.id !== id) throw lost();
      if (offset !== current.received || offset + bytes.length > current.bytes.length) {
        current = null;
        throw new IpcFailure('upload-order', '待保存的数据顺序或长度不对，请重试。');
      }
      current.bytes.set(bytes, offset);
      current.received += bytes.length;
    },
    take(source) {
      if (source instanceof Uint8Array) return source;
      if (!current || current.id !== source.upload) throw lost();
      const { bytes, received } = current;
      current = null;
      if (received !== bytes.length) {
        throw new IpcFailure('upload-incomplete', '待保存的数据不完整，请重试。');
      }
      return bytes;
    },
  };
}
