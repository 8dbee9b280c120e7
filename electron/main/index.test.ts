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
    webContents = {
      on: (event: string) => log.push(`webContents on ${event}`),
      send: () => {},
    };
    constructor(options: { show?: boolean; webPreferences?: { sandbox?: boolean } }) {
      log.push(`window show=${options.show} sandbox=${options.webPreferences?.sandbox}`);
    }
    once(event: string) {
      log.push(`window once ${event}`);
    }
    on(event: string) {
      log.push(`window on ${event}`);
    }
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
      // A folder that does not exist: the auto-backup settings load as "no folder".
      getPath: (name: string) => `/nonexistent/review-desk-test/${name}`,
      getVersion: () => '0.1.0',
      enableSandbox: () => log.push('enableSandbox'),
      commandLine: {
        getSwitchValue: () => '',
        appendSwitch: (name: string, value?: string) => log.push(`switch ${name}=${value}`),
      },
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
    // The window is created after the auto-backup settings were read from disk.
    await vi.waitFor(() => expect(log).toContain('load app://review-desk/index.html'));
    const at = (entry: string) => {
      const index = log.indexOf(entry);
      expect(index, entry).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('whenReady'));
    expect(at('enableSandbox')).toBeLessThan(at('whenReady'));
    // Chromium reads its switches at start-up: they must be set before 'ready'.
    expect(at('switch disable-features=DeferRendererTasksAfterInput')).toBeLessThan(
      at('whenReady'),
    );
    expect(at('session hardened')).toBeLessThan(at('window show=false sandbox=true'));
    expect(at('protocol.handle app')).toBeLessThan(at('load app://review-desk/index.html'));
    for (const channel of ipcChannels)
      expect(at(`ipc ${channel}`)).toBeLessThan(at('load app://review-desk/index.html'));
    expect(at('window once ready-to-show')).toBeGreaterThan(at('window show=false sandbox=true'));
    expect(log).toContain('app.on web-contents-created');
    expect(log).toContain('app.on window-all-closed');
    // The automatic backup's close guard: on the window's close, released by a crashed page,
    // and told about quits.
    expect(at('window on close')).toBeGreaterThan(at('window show=false sandbox=true'));
    expect(log).toContain('webContents on render-process-gone');
    expect(log).toContain('app.on before-quit');
    expect(log.some((entry) => entry.startsWith('load ') && !entry.startsWith('load app://'))).toBe(
      false,
    );
    expect(log).not.toContain('quit');
  });
});
