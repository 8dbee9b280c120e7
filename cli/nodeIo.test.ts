import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeViaTemp } from './nodeIo';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-desk-io-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeViaTemp: the CLI’s file writes', () => {
  it('an exclusive write refuses an existing file with EEXIST and leaves it and the folder as they were', async () => {
    const dir = freshDir();
    const path = join(dir, 'r.xlsx');
    writeFileSync(path, 'mine');
    await expect(writeViaTemp(path, bytes('new'), { exclusive: true })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readFileSync(path, 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['r.xlsx']);
  });

  it('writes a new file whole, owner-only when private, with no temporary file left', async () => {
    const dir = freshDir();
    const path = join(dir, 'k.pem');
    await writeViaTemp(path, bytes('key'), { exclusive: true, private: true });
    expect(readFileSync(path, 'utf8')).toBe('key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['k.pem']);
  });

  it('without exclusive (--force) replaces the file', async () => {
    const dir = freshDir();
    const path = join(dir, 'r.xlsx');
    writeFileSync(path, 'old');
    await writeViaTemp(path, bytes('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['r.xlsx']);
  });

  it('a write into a missing folder fails and creates nothing', async () => {
    const dir = freshDir();
    await expect(writeViaTemp(join(dir, 'no', 'r.xlsx'), bytes('x'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
