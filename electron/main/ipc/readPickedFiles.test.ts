import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IpcFailure } from './ipcFailure';
import { readPickedFiles } from './readPickedFiles';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'review-desk-pick-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readPickedFiles', () => {
  it('returns each file by base name with its bytes', async () => {
    await writeFile(path.join(dir, '评审包.zip'), Buffer.from([80, 75, 3, 4]));
    await writeFile(path.join(dir, 'b.xlsx'), Buffer.from([1]));
    const files = await readPickedFiles([path.join(dir, '评审包.zip'), path.join(dir, 'b.xlsx')]);
    expect(files.map((f) => f.name)).toEqual(['评审包.zip', 'b.xlsx']);
    expect(files[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect([...(files[0]?.bytes ?? [])]).toEqual([80, 75, 3, 4]);
  });

  it('returns copies that own their whole buffer', async () => {
    await writeFile(path.join(dir, 'a.bin'), Buffer.from([1, 2]));
    const [file] = await readPickedFiles([path.join(dir, 'a.bin')]);
    expect(file?.bytes.byteOffset).toBe(0);
    expect(file?.bytes.buffer.byteLength).toBe(2);
  });

  it('refuses files whose total size exceeds the cap, before reading them', async () => {
    await writeFile(path.join(dir, 'a.bin'), Buffer.alloc(600));
    await writeFile(path.join(dir, 'b.bin'), Buffer.alloc(600));
    const attempt = readPickedFiles([path.join(dir, 'a.bin'), path.join(dir, 'b.bin')], 1000);
    await expect(attempt).rejects.toBeInstanceOf(IpcFailure);
    await expect(attempt).rejects.toMatchObject({ code: 'too-large' });
    await expect(readPickedFiles([path.join(dir, 'a.bin')], 1000)).resolves.toHaveLength(1);
  });

  it('refuses a folder', async () => {
    await mkdir(path.join(dir, 'folder'));
    await expect(readPickedFiles([path.join(dir, 'folder')])).rejects.toMatchObject({
      code: 'not-a-file',
    });
  });

  it('returns nothing for nothing', async () => {
    await expect(readPickedFiles([])).resolves.toEqual([]);
  });
});
