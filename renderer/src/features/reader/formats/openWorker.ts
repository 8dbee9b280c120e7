/**
 * Opens an attachment off the page's thread: the page posts the bytes and the name, and gets
 * back what openAttachment made of them. The page ends the worker when the file is closed or
 * takes too long.
 */
import { openAttachment } from './openAttachment';

export interface OpenRequest {
  bytes: Uint8Array;
  name: string;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<OpenRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  scope.postMessage(openAttachment(event.data.bytes, event.data.name));
};
