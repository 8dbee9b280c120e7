/**
 * What the page and the batch-writing worker (aheadBatchWriter.ts) say to each other. Apart from
 * the code that starts the worker, which the worker must not import.
 */
import { nestedErrors } from '../storageErrors';
import type { PendingAttachment } from './pendingAttachment';

/** What the worker is asked. */
export interface AheadBatchRequest {
  dbName: string;
  batch: readonly PendingAttachment[];
}

/** An error as it crossed from the worker: its name and message, and those of its causes. */
export interface CrossedError {
  name: string;
  message: string;
  causes: { name: string; message: string }[];
}

export type AheadBatchReply = { ok: true } | { ok: false; error: CrossedError };

/** The error's name and message, and those of the first errors inside it (Dexie nests them). */
export function crossingError(error: unknown): CrossedError {
  const [outer, ...inside] = nestedErrors(error);
  const causes = inside.slice(0, 20).map(({ name, message }) => ({ name: String(name), message }));
  return {
    name: outer ? String(outer.name ?? 'Error') : 'Error',
    message: outer ? outer.message : String(error),
    causes,
  };
}

/**
 * The error again, on this side: what storageErrors.ts looks for (names and messages, also of
 * nested errors) is all there.
 */
export function crossedError(crossed: CrossedError): Error {
  const error = new Error(crossed.message);
  error.name = crossed.name;
  const failures = crossed.causes.map((cause) => {
    const e = new Error(cause.message);
    e.name = cause.name;
    return e;
  });
  return Object.assign(error, { failures });
}
