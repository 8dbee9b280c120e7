import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { APP_ENTRY_URL } from './appOrigin';
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

function createMainWindow(): void {
  const window = new BrowserWindow(windowOptions(preloadPath, { devTools: !app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
}

registerPrivilegedScheme();
app.enableSandbox();

// A second copy would race the first over the same IndexedDB and key file.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    applySecurity(app, session.defaultSession);
    registerAppProtocol(rendererRoot);
    const keys = createDeviceKeyCustody({
      filePath: path.join(app.getPath('userData'), 'device-key.json'),
      secrets: safeStorageSecrets,
    });
    registerIpc(
      createImpls({ appVersion: () => app.getVersion(), mainWindow: () => mainWindow, keys }),
      () => mainWindow,
    );
    createMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
