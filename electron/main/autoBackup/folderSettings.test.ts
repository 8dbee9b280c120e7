import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBackupFolderStore,
  parseFolderSettings,
  serializeFolderSettings,
} from './folderSettings';

let dir: string;
let filePath: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'review-desk-auto-backup-'));
  filePath = path.join(dir, 'auto-backup.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const folder = path.join(tmpdir(), '评审备份');

describe('folder settings file', () => {
  it('round-trips a folder and no folder', () => {
    expect(parseFolderSettings(serializeFolderSettings(folder))).toEqual({ ok: true, folder });
    expect(parseFolderSettings(serializeFolderSettings(null))).toEqual({ ok: true, folder: null });
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ version: 2, folder })],
    ['a relative folder', JSON.stringify({ version: 1, folder: 'backups' })],
    ['an empty folder', JSON.stringify({ version: 1, folder: '' })],
    ['extra members', JSON.stringify({ version: 1, folder, keep: 100 })],
    ['an array', '[]'],
  ])('refuses %s', (_label, text) => {
    expect(parseFolderSettings(text)).toMatchObject({ ok: false });
  });

  it('never writes a relative folder', () => {
    expect(() => serializeFolderSettings('backups')).toThrow();
  });
});

describe('backup folder store', () => {
  it('has no folder before one is chosen, and when the file is missing', async () => {
    const store = createBackupFolderStore({ filePath });
    expect(store.current()).toBeNull();
    await store.load();
    expect(store.current()).toBeNull();
  });

  it('persists the chosen folder atomically, so the next start loads it', async () => {
    const store = createBackupFolderStore({ filePath });
    await store.set(folder);
    expect(store.current()).toBe(folder);
    expect(await readdir(dir)).toEqual(['auto-backup.json']);
    expect(JSON.parse(await readFile(filePath, 'utf8'))).toEqual({ version: 1, folder });

    const nextStart = createBackupFolderStore({ filePath });
    await nextStart.load();
    expect(nextStart.current()).toBe(folder);
  });

  it('clears the folder on disk and in memory', async () => {
    const store = createBackupFolderStore({ filePath });
    await store.set(folder);
    await store.clear();
    expect(store.current()).toBeNull();
    const nextStart = createBackupFolderStore({ filePath });
    await nextStart.load();
    expect(nextStart.current()).toBeNull();
  });

  it('ignores a damaged file with a log line rather than failing the start', async () => {
    await writeFile(filePath, '{"version":1,"folder":"relative/path"}');
    const log = vi.fn();
    const store = createBackupFolderStore({ filePath, log });
    await store.set(folder);
    await writeFile(filePath, 'garbage');
    await store.load();
    expect(store.current()).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ignored'));
  });

  it('keeps the old folder in memory when saving fails', async () => {
    const store = createBackupFolderStore({ filePath: path.join(dir, 'missing', 'a.json') });
    await expect(store.set(folder)).rejects.toThrow();
    expect(store.current()).toBeNull();
  });
});
