import type { KEY_ERROR } from '@shared/platform/Platform';

/**
 * The desktop bridge puts main's stable error code in Error.name (electron/preload/api.ts);
 * these tell the key screens which question to ask rather than showing a bare failure.
 */
export function isKeyError(error: unknown, code: (typeof KEY_ERROR)[keyof typeof KEY_ERROR]) {
  return error instanceof Error && error.name === code;
}

export const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);
