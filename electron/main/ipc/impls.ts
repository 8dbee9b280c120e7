import type { BrowserWindow } from 'electron';
import { createAutoBackupImpls, type AutoBackupDeps } from '../autoBackup/backupImpls';
import type { DeviceKeyCustody } from '../keys';
import type { IpcImpls } from './dispatch';
import { chooseFolder, openFiles, saveWithDialog } from './fileDialogs';
import { IpcFailure } from './ipcFailure';
import { createPickedFiles } from './pickedFiles';
import { printToPdf } from './printToPdf';

export interface ImplDeps {
  appVersion: () => string;
  mainWindow: () => BrowserWindow | null;
  keys: DeviceKeyCustody;
  /** The folder dialog is added here, modal to the main window. */
  autoBackup: Omit<AutoBackupDeps, 'pickFolder'>;
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
  return {
    'review:app:version': async () => deps.appVersion(),
    'review:file:open': async (request) => openFiles(requireWindow(deps), request, picked),
    'review:file:read': (handle, offset, length) => picked.read(handle, offset, length),
    'review:file:save': async ({ bytes, ...request }) =>
      saveWithDialog(requireWindow(deps), request, bytes),
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
    }),
  };
}
