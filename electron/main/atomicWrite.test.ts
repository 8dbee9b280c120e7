import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'review-desk-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temporary file behind', async () => {
    const target = path.join(dir, '结果.xlsx');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['结果.xlsx']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'a.json');
    await writeFile(target, 'old content that is longer');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('applies the requested mode to the new file', async () => {
    if (process.platform === 'win32') return;
    const target = path.join(dir, 'key.json');
    await writeFileAtomic(target, new Uint8Array([1]), { mode: 0o600 });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file and cleans up when the write fails', async () => {
    const target = path.join(dir, 'a.json');
    await writeFile(target, 'old');
    // Renaming a file over a non-empty directory fails, after the temporary file was written.
    const blocker = path.join(dir, 'blocked');
    await mkdir(path.join(blocker, 'child'), { recursive: true });
    await expect(writeFileAtomic(blocker, new Uint8Array([9]))).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'blocked']);
  });

  it('fails when the folder does not exist', async () => {
    await expect(
      writeFileAtomic(path.join(dir, 'missing', 'a.json'), new Uint8Array()),
    ).rejects.toThrow();
  });
});
