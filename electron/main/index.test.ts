import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/ipc/contract';

// Wiring only: a fake 'electron' records the order in which index.ts sets the app up.
const log = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => {
  const session = {
    webRequest: { onBeforeRequest: () => {}, onHeadersReceived: () => {} },
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => log.push('session hardened'),
    setSpellCheckerEnabled: () => {},
  };
  class BrowserWindow {
    webContents = {};
    constructor(options: { show?: boolean; webPreferences?: { sandbox?: boolean } }) {
      log.push(`window show=${options.show} sandbox=${options.webPreferences?.sandbox}`);
    }
    once(event: string) {
      log.push(`window once ${event}`);
    }
    on() {}
    loadURL(url: string) {
      log.push(`load ${url}`);
      return Promise.resolve();
    }
    static getAllWindows() {
      return [];
    }
  }
  return {
    app: {
      on: (event: string) => log.push(`app.on ${event}`),
      getAppPath: () => '/opt/review-desk/resources/app.asar',
      getPath: (name: string) => `/home/u/.config/${name}`,
      getVersion: () => '0.1.0',
      enableSandbox: () => log.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      quit: () => log.push('quit'),
      whenReady: () => {
        log.push('whenReady');
        return Promise.resolve();
      },
      isPackaged: true,
    },
    protocol: {
      registerSchemesAsPrivileged: () => log.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => log.push(`protocol.handle ${scheme}`),
    },
    session: { defaultSession: session },
    ipcMain: { handle: (channel: string) => log.push(`ipc ${channel}`) },
    BrowserWindow,
    safeStorage: {},
    dialog: {},
  };
});

describe('main entry', () => {
  it('registers the scheme and sandbox first, then hardens, serves, listens and loads app://', async () => {
    await import('./index');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const at = (entry: string) => {
      const index = log.indexOf(entry);
      expect(index, entry).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('whenReady'));
    expect(at('enableSandbox')).toBeLessThan(at('whenReady'));
    expect(at('session hardened')).toBeLessThan(at('window show=false sandbox=true'));
    expect(at('protocol.handle app')).toBeLessThan(at('load app://review-desk/index.html'));
    for (const channel of ipcChannels)
      expect(at(`ipc ${channel}`)).toBeLessThan(at('load app://review-desk/index.html'));
    expect(at('window once ready-to-show')).toBeGreaterThan(at('window show=false sandbox=true'));
    expect(log).toContain('app.on web-contents-created');
    expect(log).toContain('app.on window-all-closed');
    expect(log.some((entry) => entry.startsWith('load ') && !entry.startsWith('load app://'))).toBe(
      false,
    );
    expect(log).not.toContain('quit');
  });
});
