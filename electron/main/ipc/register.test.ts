import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { ipcChannels } from '@shared/ipc/contract';
import type { IpcImpls } from './dispatch';

// The real 'electron' module cannot load outside Electron; only ipcMain.handle is needed here.
const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (
      channel: string,
      handler: (event: unknown, ...args: unknown[]) => Promise<unknown>,
    ) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
  },
}));

const { registerIpc } = await import('./register');

const mainFrame = { url: 'app://review-desk/index.html', parent: null };
const webContents = { mainFrame };
const mainWindow = { webContents, isDestroyed: () => false } as unknown as BrowserWindow;

const impls = {
  'review:app:version': async () => '0.1.0',
} as unknown as IpcImpls;

beforeEach(() => {
  handlers.clear();
  registerIpc(impls, () => mainWindow);
});

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...handlers.keys()].sort()).toEqual([...ipcChannels].sort());
  });

  it('answers the main window', async () => {
    const handler = handlers.get('review:app:version');
    const result = await handler?.({ sender: webContents, senderFrame: mainFrame });
    expect(result).toEqual({ ok: true, value: '0.1.0' });
  });

  it('refuses another webContents, even on our origin', async () => {
    const handler = handlers.get('review:app:version');
    const stranger = { mainFrame };
    const result = await handler?.({ sender: stranger, senderFrame: mainFrame });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses an iframe of the main window', async () => {
    const handler = handlers.get('review:app:version');
    const iframe = { url: 'app://review-desk/index.html', parent: mainFrame };
    const result = await handler?.({ sender: webContents, senderFrame: iframe });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses when the frame is gone', async () => {
    const handler = handlers.get('review:app:version');
    const result = await handler?.({ sender: webContents, senderFrame: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses everything once the main window is closed', async () => {
    handlers.clear();
    registerIpc(impls, () => null);
    const handler = handlers.get('review:app:version');
    const result = await handler?.({ sender: webContents, senderFrame: mainFrame });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
