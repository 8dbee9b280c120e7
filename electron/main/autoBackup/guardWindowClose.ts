import type { BrowserWindow } from 'electron';
import type { IpcEventChannel } from '@shared/ipc/contract';
import { createCloseGuard, type CloseGuard } from './closeGuard';

const CLOSE_REQUESTED: IpcEventChannel = 'review:backup:close-requested';

/** The window as the guard's wiring uses it; a fake stands in for it in the tests. */
export type GuardedWindow = Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'send'>;
};

/**
 * Puts a close guard (closeGuard.ts) on the main window: its 'close' event may be held for the
 * automatic backup, and a renderer that crashes meanwhile releases it.
 */
export function guardWindowClose(
  window: GuardedWindow,
  options: { hasFolder: () => boolean; quit: () => void },
): CloseGuard {
  const guard = createCloseGuard({
    hasFolder: options.hasFolder,
    // send() throws once the webContents is destroyed; the guard then closes at once.
    requestBackup: () => window.webContents.send(CLOSE_REQUESTED),
    closeWindow: () => {
      if (!window.isDestroyed()) window.close();
    },
    quit: options.quit,
  });
  window.on('close', (event) => guard.onClose(event));
  window.webContents.on('render-process-gone', () => guard.rendererGone());
  window.webContents.on('destroyed', () => guard.rendererGone());
  return guard;
}
