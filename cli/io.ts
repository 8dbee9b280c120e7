/** What a command may touch. Tests pass an in-memory implementation; index.ts the real one. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** `exclusive`: fail with EEXIST rather than overwrite; `private`: owner-only (keys). */
  writeFile(path: string, bytes: Uint8Array, options?: WriteOptions): Promise<void>;
  /** Entry names when `path` is a folder, null when it is a file (compile --scores DIR). */
  listDir?(path: string): Promise<string[] | null>;
  /** An environment variable (`--passphrase-env VAR`: a passphrase never on the command line). */
  env?(name: string): string | undefined;
}

export interface WriteOptions {
  exclusive?: boolean;
  private?: boolean;
}

/** Exit codes shared by every command (design.md): the central system scripts against them. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNREADABLE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_INVALID | typeof EXIT_UNREADABLE;

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
