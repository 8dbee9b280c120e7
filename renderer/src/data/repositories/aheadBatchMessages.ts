/**
 * What the page and the batch-writing worker (aheadBatchWriter.ts) say to each other. Apart from
 * the code that starts the worker, which the worker must not import.
 */
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

/** The error's name and message, and those of the errors inside it (Dexie nests them). */
export function crossingError(error: unknown): CrossedError {
  const causes: { name: string; message: string }[] = [];
  const visit = (e: unknown, depth: number) => {
    if (typeof e !== 'object' || e === null || depth > 4) return;
    const { name, message, inner, failures } = e as Record<string, unknown>;
    if (depth > 0) causes.push({ name: String(name), message: String(message) });
    visit(inner, depth + 1);
    if (Array.isArray(failures)) failures.slice(0, 5).forEach((f) => visit(f, depth + 1));
  };
  visit(error, 0);
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return { name: String(name ?? 'Error'), message: String(message ?? error), causes };
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
