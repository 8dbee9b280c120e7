/**
 * An expected failure with a stable code and a message for people (Chinese). Implementations
 * throw it; the dispatcher turns it into { ok: false, error } so it crosses IPC as data.
 */
export class IpcFailure extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'IpcFailure';
    this.code = code;
  }
}
