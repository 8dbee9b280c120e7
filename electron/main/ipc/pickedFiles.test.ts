import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IpcFailure } from './ipcFailure';
import { createPickedFiles } from './pickedFiles';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'review-desk-pick-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('picked files', () => {
  it('registers each file by base name and size, and reads any piece of it', async () => {
    await writeFile(path.join(dir, '评审包.zip'), Buffer.from([80, 75, 3, 4, 5, 6]));
    await writeFile(path.join(dir, 'b.xlsx'), Buffer.from([1]));
    const picked = createPickedFiles();
    const refs = await picked.register([path.join(dir, '评审包.zip'), path.join(dir, 'b.xlsx')]);
    expect(refs.map(({ name, size }) => [name, size])).toEqual([
      ['评审包.zip', 6],
      ['b.xlsx', 1],
    ]);
    expect(refs[0]!.handle).toMatch(/^[0-9a-f-]{36}$/);
    expect([...(await picked.read(refs[0]!.handle, 2, 3))]).toEqual([3, 4, 5]);
    const whole = await picked.read(refs[1]!.handle, 0, 1);
    expect(whole.byteOffset).toBe(0);
    expect(whole.buffer.byteLength).toBe(1);
  });

  it('reads only what the user picked last, and only within it', async () => {
    await writeFile(path.join(dir, 'a.bin'), Buffer.alloc(10));
    await writeFile(path.join(dir, 'b.bin'), Buffer.alloc(10));
    const picked = createPickedFiles();
    const [first] = await picked.register([path.join(dir, 'a.bin')]);
    await expect(picked.read(first!.handle, 8, 3)).rejects.toMatchObject({ code: 'out-of-range' });
    await picked.register([path.join(dir, 'b.bin')]);
    await expect(picked.read(first!.handle, 0, 1)).rejects.toMatchObject({ code: 'not-picked' });
    await expect(picked.read('00000000-0000-4000-8000-000000000000', 0, 1)).rejects.toBeInstanceOf(
      IpcFailure,
    );
  });

  it('refuses files whose total size exceeds the cap, before reading them', async () => {
    await writeFile(path.join(dir, 'a.bin'), Buffer.alloc(600));
    await writeFile(path.join(dir, 'b.bin'), Buffer.alloc(600));
    const picked = createPickedFiles(1000);
    const attempt = picked.register([path.join(dir, 'a.bin'), path.join(dir, 'b.bin')]);
    await expect(attempt).rejects.toMatchObject({ code: 'too-large' });
    await expect(picked.register([path.join(dir, 'a.bin')])).resolves.toHaveLength(1);
  });

  it('refuses a folder, and returns nothing for nothing', async () => {
    await mkdir(path.join(dir, 'folder'));
    const picked = createPickedFiles();
    await expect(picked.register([path.join(dir, 'folder')])).rejects.toMatchObject({
      code: 'not-a-file',
    });
    await expect(picked.register([])).resolves.toEqual([]);
  });
});
