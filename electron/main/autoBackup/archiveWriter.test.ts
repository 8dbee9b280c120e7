import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autoBackupName } from '@shared/backup/autoBackupName';
import { IpcFailure } from '../ipc/ipcFailure';
import { explainWriteError, writeAutoBackupArchive } from './archiveWriter';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'review-desk-archives-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 2, minute, 0));
const bytes = (n: number) => new Uint8Array([n, n, n]);

describe('writeAutoBackupArchive', () => {
  it('writes the archive into the folder and says where', async () => {
    const name = autoBackupName('R1', at(0));
    const written = await writeAutoBackupArchive(dir, name, bytes(1), { keep: 10 });
    expect(written).toEqual({ location: path.join(dir, name), pruned: [] });
    expect([...(await readFile(path.join(dir, name)))]).toEqual([1, 1, 1]);
    expect(await readdir(dir)).toEqual([name]);
  });

  it('keeps the newest `keep` archives of the round and leaves everything else alone', async () => {
    const others = ['R1-202611210200.rdbackup', autoBackupName('R2', at(0)), 'notes.txt'];
    for (const other of others) await writeFile(path.join(dir, other), 'x');
    const names: string[] = [];
    for (let minute = 0; minute < 12; minute++) {
      const name = autoBackupName('R1', at(minute));
      names.push(name);
      await writeAutoBackupArchive(dir, name, bytes(minute), { keep: 10 });
    }
    expect((await readdir(dir)).sort()).toEqual([...others, ...names.slice(2)].sort());
  });

  it('reports what it pruned', async () => {
    const first = autoBackupName('R1', at(0));
    await writeAutoBackupArchive(dir, first, bytes(0), { keep: 1 });
    const second = autoBackupName('R1', at(1));
    await expect(writeAutoBackupArchive(dir, second, bytes(1), { keep: 1 })).resolves.toEqual({
      location: path.join(dir, second),
      pruned: [first],
    });
  });

  it.each(['../R1-20261121-020000.rdbackup', 'R1-202611210200.rdbackup', 'x.exe'])(
    'refuses the name %s without writing',
    async (name) => {
      await expect(writeAutoBackupArchive(dir, name, bytes(1), { keep: 10 })).rejects.toMatchObject(
        { code: 'bad-request' },
      );
      expect(await readdir(dir)).toEqual([]);
      expect(await readdir(path.dirname(dir))).not.toContain('R1-20261121-020000.rdbackup');
    },
  );

  it('says the folder is missing, with the folder and what to do, and leaves nothing behind', async () => {
    const gone = path.join(dir, 'U 盘');
    const failure = writeAutoBackupArchive(gone, autoBackupName('R1', at(0)), bytes(1), {
      keep: 10,
    });
    await expect(failure).rejects.toMatchObject({ code: 'backup-folder-missing' });
    await expect(failure).rejects.toThrow(/“.*U 盘”不存在.*重新选择文件夹/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('says the folder is missing when the path is a file', async () => {
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'x');
    await expect(
      writeAutoBackupArchive(file, autoBackupName('R1', at(0)), bytes(1), { keep: 10 }),
    ).rejects.toMatchObject({ code: 'backup-folder-missing' });
  });
});

describe('explainWriteError', () => {
  const withCode = (code: string) => Object.assign(new Error(code), { code });

  it.each([
    ['EACCES', 'backup-folder-denied', /没有权限写入.*“\/b”.*可以写入的文件夹/],
    ['EPERM', 'backup-folder-denied', /没有权限/],
    ['EROFS', 'backup-folder-denied', /没有权限/],
    ['ENOSPC', 'backup-disk-full', /“\/b”所在的磁盘空间不足.*腾出空间/],
    ['EDQUOT', 'backup-disk-full', /空间不足/],
    ['ENOENT', 'backup-folder-missing', /不存在/],
  ])('turns %s into %s', (code, expected, message) => {
    const explained = explainWriteError(withCode(code), '/b');
    expect(explained).toBeInstanceOf(IpcFailure);
    expect(explained).toMatchObject({ code: expected });
    expect((explained as Error).message).toMatch(message);
  });

  it('passes anything else through unchanged', () => {
    const error = withCode('EIO');
    expect(explainWriteError(error, '/b')).toBe(error);
  });
});
