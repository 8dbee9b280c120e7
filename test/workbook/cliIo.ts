/**
 * An in-memory CliIo for running the CLI through run(): memory for everything written; reads
 * of paths not written fall through to the disk (the fixture files).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { CliIo, WriteOptions } from '../../cli/io';

export function memoryIo(files: Record<string, Uint8Array> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const writes: { path: string; options: WriteOptions | undefined }[] = [];
  const enoent = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  const io: CliIo = {
    env: (name) => env[name],
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => {
      if (path in files) return Promise.resolve(files[path]!);
      try {
        return Promise.resolve(new Uint8Array(readFileSync(path)));
      } catch {
        return Promise.reject(enoent(path));
      }
    },
    exists: (path) => {
      if (path in files) return Promise.resolve(true);
      try {
        statSync(path);
        return Promise.resolve(true);
      } catch {
        return Promise.resolve(false);
      }
    },
    writeFile: (path, bytes, options) => {
      writes.push({ path, options });
      if (options?.exclusive && path in files) {
        return Promise.reject(Object.assign(new Error('EEXIST'), { code: 'EEXIST' }));
      }
      files[path] = bytes;
      return Promise.resolve();
    },
    listDir: (path) => {
      if (path in files) return Promise.resolve(null);
      try {
        return Promise.resolve(statSync(path).isDirectory() ? readdirSync(path) : null);
      } catch {
        return Promise.reject(enoent(path));
      }
    },
  };
  return { io, files, writes, stdout: () => out.join(''), stderr: () => err.join('') };
}
