import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '@shared/ipc/contract';
import { handleIpc, type IpcImpls, type IpcSender } from './dispatch';

function senderOf(event: IpcMainInvokeEvent, mainWindow: BrowserWindow | null): IpcSender {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    fromMainWindow:
      mainWindow !== null && !mainWindow.isDestroyed() && event.sender === mainWindow.webContents,
    fromTopFrame: frame !== null && frame.parent === null,
  };
}

/** One handler per contract channel; nothing else is listened to. */
export function registerIpc(impls: IpcImpls, mainWindow: () => BrowserWindow | null): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      handleIpc(channel, senderOf(event, mainWindow()), args, impls, (message, error) =>
        console.error(message, error),
      ),
    );
  }
}
