import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { PickedFileRef } from '@shared/ipc/contract';
import type { OpenFilesRequest, SaveFileRequest, SaveOutcome } from '@shared/platform/Platform';
import { writeFileAtomic } from '../atomicWrite';
import type { PickedFiles } from './pickedFiles';

/** The user's choice, registered for reading in pieces (pickedFiles.ts); [] when cancelled. */
export async function openFiles(
  window: BrowserWindow,
  request: OpenFilesRequest,
  picked: PickedFiles,
): Promise<PickedFileRef[]> {
  const result = await dialog.showOpenDialog(window, {
    title: request.title,
    filters: request.filters,
    properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
  });
  if (result.canceled) return [];
  return picked.register(result.filePaths);
}

/** Asks where to save (starting in Documents) and writes there atomically. */
export async function saveWithDialog(
  window: BrowserWindow,
  request: Omit<SaveFileRequest, 'bytes'>,
  bytes: Uint8Array,
): Promise<SaveOutcome> {
  const result = await dialog.showSaveDialog(window, {
    title: request.title,
    // suggestedName is a bare file name (the contract refuses separators), so this stays put.
    defaultPath: path.join(app.getPath('documents'), request.suggestedName),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || result.filePath === '') {
    return { saved: false };
  }
  await writeFileAtomic(result.filePath, bytes);
  return { saved: true, location: result.filePath };
}

/** A folder the user picks (and may create); null when cancelled. */
export async function chooseFolder(window: BrowserWindow, title: string): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, {
    title,
    defaultPath: app.getPath('documents'),
    properties: ['openDirectory', 'createDirectory'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
