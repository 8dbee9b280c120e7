import type { BrowserWindow } from 'electron';
import { createAutoBackupImpls, type AutoBackupDeps } from '../autoBackup/backupImpls';
import type { DeviceKeyCustody } from '../keys';
import type { IpcImpls } from './dispatch';
import { chooseFolder, openFiles, saveWithDialog } from './fileDialogs';
import { IpcFailure } from './ipcFailure';
import { createPickedFiles } from './pickedFiles';
import { createUploads } from './uploads';
import { printToPdf } from './printToPdf';

export interface ImplDeps {
  appVersion: () => string;
  mainWindow: () => BrowserWindow | null;
  keys: DeviceKeyCustody;
  /** The folder dialog and the upload registry are added here. */
  autoBackup: Omit<AutoBackupDeps, 'pickFolder' | 'bytesOf'>;
}

/** Dialogs are modal to the main window, so there must be one. */
function requireWindow(deps: ImplDeps): BrowserWindow {
  const window = deps.mainWindow();
  if (window === null || window.isDestroyed()) {
    throw new IpcFailure('no-window', '评审台主窗口不可用。');
  }
  return window;
}

export function createImpls(deps: ImplDeps): IpcImpls {
  const picked = createPickedFiles();
  const uploads = createUploads();
  return {
    'review:app:version': async () => deps.appVersion(),
    'review:file:open': async (request) => openFiles(requireWindow(deps), request, picked),
    'review:file:read': (handle, offset, length) => picked.read(handle, offset, length),
    'review:file:save': async ({ bytes, ...request }) =>
      saveWithDialog(requireWindow(deps), request, uploads.take(bytes)),
    'review:upload:begin': async (size) => uploads.begin(size),
    'review:upload:piece': async (id, offset, bytes) => {
      uploads.piece(id, offset, bytes);
      return null;
    },
    'review:key:info': () => deps.keys.info(),
    'review:key:create': (options) => deps.keys.create(options),
    'review:key:unlock': async (passphrase) => {
      await deps.keys.unlock(passphrase);
      return null;
    },
    'review:key:sign': (message) => deps.keys.sign(message),
    'review:print:pdf': async (request) => printToPdf(requireWindow(deps), request),
    ...createAutoBackupImpls({
      ...deps.autoBackup,
      pickFolder: () => chooseFolder(requireWindow(deps), '选择自动备份文件夹'),
      bytesOf: (source) => uploads.take(source),
    }),
  };
}
