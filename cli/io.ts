/** What a command may touch. Tests pass an in-memory implementation; index.ts the real one. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Write a whole file. `exclusive`: fail with EEXIST rather than overwrite; `private`:
   * owner-only (keys). The real implementation writes a temporary file and renames it into place,
   * so a failed write never leaves a partial file under `path`.
   */
  writeFile(path: string, bytes: Uint8Array, options?: WriteOptions): Promise<void>;
  /** Whether something exists at `path` (lets a command refuse before doing the work). */
  exists?(path: string): Promise<boolean>;
  /** Entry names when `path` is a folder, null when it is a file (compile --scores DIR). */
  listDir?(path: string): Promise<string[] | null>;
  /** An environment variable (`--passphrase-env VAR`: a passphrase never on the command line). */
  env?(name: string): string | undefined;
}

export interface WriteOptions {
  exclusive?: boolean;
  private?: boolean;
}

/** Exit codes shared by every command (docs/formats.md): the central system scripts against them. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNREADABLE = 2;
/** verify: the signature is valid, but nobody said whose key is trusted (no --trust). */
export const EXIT_SIGNER_UNCHECKED = 3;

export type ExitCode =
  typeof EXIT_OK | typeof EXIT_INVALID | typeof EXIT_UNREADABLE | typeof EXIT_SIGNER_UNCHECKED;

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    if (code === 'ENOENT') return '文件不存在';
    if (code === 'EACCES' || code === 'EPERM') return '没有访问权限';
    if (code === 'EISDIR') return '这是一个文件夹，不是文件';
    if (code === 'EEXIST') return '文件已存在';
    return error.message;
  }
  return String(error);
}

/**
 * C0 and C1 control characters (tab and newline excepted) and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069): a title or name holding them could clear the screen,
 * move the cursor or reorder what a person reads on the terminal.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text as it may reach a terminal: every unsafe character spelled out as `\u001b`. */
export function escapeForTerminal(text: string): string {
  return text.replace(
    UNSAFE_FOR_TERMINAL,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `io` with stdout and stderr escaped: everything the CLI prints passes through here. */
export function terminalSafe(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(escapeForTerminal(text)),
    stderr: (text) => io.stderr(escapeForTerminal(text)),
  };
}
