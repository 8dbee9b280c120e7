import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutoBackupImpls } from './backupImpls';
import { createCloseGuard, type CloseGuard } from './closeGuard';
import { createBackupFolderStore, type BackupFolderStore } from './folderSettings';

let dir: string;
let folder: string;
let folders: BackupFolderStore;
let guard: CloseGuard;
let picked: string | null;
const closed: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'review-desk-backup-impls-'));
  folder = await mkdtemp(path.join(dir, 'folder-'));
  folders = createBackupFolderStore({ filePath: path.join(dir, 'auto-backup.json') });
  guard = createCloseGuard({
    hasFolder: () => folders.current() !== null,
    requestBackup: () => {},
    closeWindow: () => closed.push('close'),
    quit: () => closed.push('quit'),
  });
  picked = folder;
  closed.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const impls = () =>
  createAutoBackupImpls({ folders, guard: () => guard, pickFolder: async () => picked, keep: 2 });
const NAME = 'R1-20261121-020304.rdbackup';
const holdClose = () => guard.onClose({ preventDefault: () => {} });

describe('automatic backup IPC implementations', () => {
  it('has no folder until one is chosen, then keeps it across starts', async () => {
    const calls = impls();
    await expect(calls['review:backup:folder']()).resolves.toBeNull();
    await expect(calls['review:backup:choose-folder']()).resolves.toBe(folder);
    await expect(calls['review:backup:folder']()).resolves.toBe(folder);
    const nextStart = createBackupFolderStore({ filePath: path.join(dir, 'auto-backup.json') });
    await nextStart.load();
    expect(nextStart.current()).toBe(folder);
  });

  it('keeps the old folder when the dialog is cancelled', async () => {
    const calls = impls();
    await calls['review:backup:choose-folder']();
    picked = null;
    await expect(calls['review:backup:choose-folder']()).resolves.toBeNull();
    expect(folders.current()).toBe(folder);
  });

  it('refuses a folder it cannot write into when it is chosen, keeping the old one', async () => {
    const calls = impls();
    await calls['review:backup:choose-folder']();
    picked = path.join(dir, 'no such folder');
    await expect(calls['review:backup:choose-folder']()).rejects.toMatchObject({
      code: 'backup-folder-missing',
    });
    expect(folders.current()).toBe(folder);
  });

  it('clears the folder, after which closing no longer waits', async () => {
    const calls = impls();
    await calls['review:backup:choose-folder']();
    await expect(calls['review:backup:clear-folder']()).resolves.toBeNull();
    expect(folders.current()).toBeNull();
    const event = { preventDefault: vi.fn() };
    guard.onClose(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('writes an archive only while a close is held for the backup', async () => {
    const calls = impls();
    await calls['review:backup:choose-folder']();
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(calls['review:backup:write'](NAME, bytes)).rejects.toMatchObject({
      code: 'not-closing',
    });
    holdClose();
    await expect(calls['review:backup:write'](NAME, bytes)).rejects.toMatchObject({
      code: 'not-closing',
    });
    expect(await readdir(folder)).toEqual([]);

    await calls['review:backup:close-ack']();
    await expect(calls['review:backup:write'](NAME, bytes)).resolves.toEqual({
      location: path.join(folder, NAME),
    });
    expect([...(await readFile(path.join(folder, NAME)))]).toEqual([1, 2, 3]);
  });

  it('prunes to `keep` archives per round', async () => {
    const calls = impls();
    await calls['review:backup:choose-folder']();
    holdClose();
    await calls['review:backup:close-ack']();
    for (const second of ['01', '02', '03']) {
      await calls['review:backup:write'](`R1-20261121-0203${second}.rdbackup`, new Uint8Array());
    }
    expect((await readdir(folder)).sort()).toEqual([
      'R1-20261121-020302.rdbackup',
      'R1-20261121-020303.rdbackup',
    ]);
  });

  it('refuses a write when the folder was cleared meanwhile', async () => {
    const calls = impls();
    await calls['review:backup:choose-folder']();
    holdClose();
    await calls['review:backup:close-ack']();
    await calls['review:backup:clear-folder']();
    await expect(calls['review:backup:write'](NAME, new Uint8Array())).rejects.toMatchObject({
      code: 'no-backup-folder',
    });
  });

  it('drives the close guard: ack, then close now or cancel', async () => {
    const calls = impls();
    await calls['review:backup:choose-folder']();
    holdClose();
    await calls['review:backup:close-ack']();
    expect(guard.state()).toBe('backing-up');
    await calls['review:backup:close-cancel']();
    expect(guard.state()).toBe('open');
    holdClose();
    await calls['review:backup:close-ack']();
    await calls['review:backup:close-now']();
    expect(guard.state()).toBe('released');
    expect(closed).toEqual(['close']);
  });

  it('does nothing for the close calls when there is no window', async () => {
    const calls = createAutoBackupImpls({
      folders,
      guard: () => null,
      pickFolder: async () => null,
    });
    await expect(calls['review:backup:close-ack']()).resolves.toBeNull();
    await expect(calls['review:backup:close-now']()).resolves.toBeNull();
    await expect(calls['review:backup:close-cancel']()).resolves.toBeNull();
    await expect(calls['review:backup:write'](NAME, new Uint8Array())).rejects.toMatchObject({
      code: 'not-closing',
    });
  });
});
