import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { APP_ENTRY_URL } from './appOrigin';
import { applyChromiumSwitches } from './chromiumSwitches';
import type { CloseGuard } from './autoBackup/closeGuard';
import { createBackupFolderStore } from './autoBackup/folderSettings';
import { guardWindowClose } from './autoBackup/guardWindowClose';
import { createImpls } from './ipc/impls';
import { registerIpc } from './ipc/register';
import { createDeviceKeyCustody } from './keys';
import { registerAppProtocol, registerPrivilegedScheme } from './protocol';
import { safeStorageSecrets } from './safeStorageSecrets';
import { applySecurity } from './security';
import { windowOptions } from './window';

// Thin on purpose: every decision is a tested pure function elsewhere; this file only wires.
// main.cjs and preload.cjs sit side by side in dist-electron/, the renderer in dist/renderer.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');

let mainWindow: BrowserWindow | null = null;
let closeGuard: CloseGuard | null = null;

const log = (message: string, error?: unknown) => console.error(message, error ?? '');

// Loaded before the first window, so its close guard knows the folder when 'close' fires.
const backupFolders = createBackupFolderStore({
  filePath: path.join(app.getPath('userData'), 'auto-backup.json'),
  log,
});

function createMainWindow(): void {
  const window = new BrowserWindow(windowOptions(preloadPath, { devTools: !app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  closeGuard = guardWindowClose(window, {
    hasFolder: () => backupFolders.current() !== null,
    quit: () => app.quit(),
  });
  window.on('closed', () => {
    mainWindow = null;
    closeGuard = null;
  });
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
}

registerPrivilegedScheme();
app.enableSandbox();
applyChromiumSwitches(app.commandLine);

// A second copy would race the first over the same IndexedDB and key file.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(async () => {
    applySecurity(app, session.defaultSession);
    registerAppProtocol(rendererRoot);
    const keys = createDeviceKeyCustody({
      filePath: path.join(app.getPath('userData'), 'device-key.json'),
      secrets: safeStorageSecrets,
    });
    await backupFolders.load();
    registerIpc(
      createImpls({
        appVersion: () => app.getVersion(),
        mainWindow: () => mainWindow,
        keys,
        autoBackup: { folders: backupFolders, guard: () => closeGuard, log },
      }),
      () => mainWindow,
    );
    createMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });

  // A quit closes the window through its guard; once the backup is done it must quit, not only
  // close (macOS keeps running without windows).
  app.on('before-quit', () => closeGuard?.onBeforeQuit());

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
