import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '@shared/ipc/contract';
import { buildElectron, loadWithElectron } from './builtMain';
import {
  createElectronStandIn,
  standInEvent,
  type ElectronStandIn,
  type IpcHandler,
  type WindowPreferences,
  type WiringEvent,
} from './electronStandIn';
import { wiringProblems, type WiringExpectation } from './wiringCheck';

// The built main process as a whole (dist-electron/main.cjs, built here from this tree), run in
// Node against a recording stand-in for Electron: the order and wiring of start-up, which no
// unit test of the policy functions can see.

const ENTRY_URL = 'app://review-desk/index.html';
const INDEX_HTML = '<!doctype html><title>评审台 wiring test</title>';
const SECRET = 'outside the renderer folder';

let tmp: string;
let preloadPath: string;
let electron: ElectronStandIn;
let expected: WiringExpectation;
let startLog: WiringEvent[];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'review-desk-wiring-'));
  const built = await buildElectron(path.join(tmp, 'dist-electron'));
  preloadPath = built.preload;
  // The app folder main serves from: its dist/renderer, and a file beside it that must stay out.
  const appPath = path.join(tmp, 'app');
  mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), INDEX_HTML);
  writeFileSync(path.join(appPath, 'dist', 'secret.txt'), SECRET);

  electron = createElectronStandIn({
    appPath,
    userData: path.join(tmp, 'userData'),
    version: '9.8.7',
  });
  loadWithElectron(built.main, electron.module);
  electron.emitReady();
  await vi.waitFor(() => {
    if (!electron.log.some((event) => event.kind === 'url-loaded')) throw new Error('no page yet');
  });
  startLog = [...electron.log];
  expected = { channels: ipcChannels, preloadPath, scheme: 'app', entryUrl: ENTRY_URL };
}, 30_000);

afterAll(() => {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
});

/** The real start-up log with one change, for showing what the checker refuses. */
function edited(change: (log: WiringEvent[]) => void): WiringEvent[] {
  const copy = structuredClone(startLog);
  change(copy);
  return copy;
}

function move(
  log: WiringEvent[],
  match: (event: WiringEvent) => boolean,
  after: WiringEvent['kind'],
) {
  const from = log.findIndex(match);
  const [event] = log.splice(from, 1);
  if (event === undefined) throw new Error('nothing to move');
  log.splice(log.findIndex((e) => e.kind === after) + 1, 0, event);
}

const firstWindow = () => {
  const window = electron.windows[0];
  if (window === undefined) throw new Error('no window');
  return window;
};

describe('desktop start-up, as built', () => {
  it('is wired in order: sandbox, scheme and switches before ready; security before the window; every IPC channel once', () => {
    expect(wiringProblems(startLog, expected)).toEqual([]);
    expect(electron.windows).toHaveLength(1);
    expect(startLog).not.toContainEqual({ kind: 'quit' });
  });

  it('points the window at the built preload, which is on disk and is the bridge', () => {
    const created = startLog.find((event) => event.kind === 'window-created');
    expect(created).toMatchObject({
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      },
    });
    expect(existsSync(preloadPath)).toBe(true);
    expect(readFileSync(preloadPath, 'utf8')).toContain('exposeInMainWorld("reviewDesk"');
  });

  it('serves dist/renderer on app:// and refuses a climb out of it', async () => {
    const serve = electron.protocolHandlers.get('app');
    if (serve === undefined) throw new Error('app: is not served');
    const index = await serve({ method: 'GET', url: ENTRY_URL });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toBe(INDEX_HTML);
    // A client-side route is the single-page app's entry.
    expect(await (await serve({ method: 'GET', url: 'app://review-desk/results' })).text()).toBe(
      INDEX_HTML,
    );
    for (const url of [
      'app://review-desk/../secret.txt',
      'app://review-desk/..%2fsecret.txt',
      'app://review-desk/%2e%2e/secret.txt',
    ]) {
      const answer = await serve({ method: 'GET', url });
      expect(answer.status, url).toBe(403);
      expect(await answer.text(), url).not.toContain(SECRET);
    }
    // The same climb after URL parsing (as Chromium canonicalises it) stays inside: not found.
    const parsed = new Request('app://review-desk/../secret.txt');
    const answer = await serve({ method: parsed.method, url: parsed.url });
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toContain(SECRET);
  });

  it("applies the shell's policy to the window it created: no way out, no network, no permission", () => {
    const contents = firstWindow().webContents;
    const away = standInEvent('https://example.com/');
    contents.listeners.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const within = standInEvent('app://review-desk/index.html#/results');
    contents.listeners.emit('will-navigate', within);
    expect(within.defaultPrevented).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'app://review-desk/index.html' })).toEqual({
      action: 'deny',
    });
    const webview = standInEvent();
    contents.listeners.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);

    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      electron.sessionHandlers.beforeRequest?.({ url }, (response) => {
        answer = response.cancel;
      });
      return answer;
    };
    expect(cancelled('https://example.com/')).toBe(true);
    expect(cancelled(ENTRY_URL)).toBe(false);
    let granted: boolean | undefined;
    electron.sessionHandlers.permissionRequest?.(contents, 'geolocation', (g) => (granted = g), {
      requestingUrl: ENTRY_URL,
    });
    expect(granted).toBe(false);
  });

  it('turns off the input-deferral feature before ready, so a save is not held for a frame', () => {
    const ready = startLog.findIndex((event) => event.kind === 'ready');
    const at = startLog.findIndex(
      (event) =>
        event.kind === 'switch' &&
        event.name === 'disable-features' &&
        event.value?.split(',').includes('DeferRendererTasksAfterInput'),
    );
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(ready);
  });

  it('guards the close for the automatic backup: the window, a crashed page and a quit', () => {
    expect(firstWindow().listeners.has('close')).toBe(true);
    expect(startLog).toContainEqual({
      kind: 'contents-listener',
      windowId: firstWindow().id,
      event: 'render-process-gone',
    });
    expect(startLog).toContainEqual({ kind: 'app-listener', event: 'before-quit' });
  });

  it('answers IPC from the main window only', async () => {
    const [version, ...more] = electron.ipcHandlers.get('review:app:version') ?? [];
    expect(more).toEqual([]);
    const invoke: IpcHandler = version ?? (() => Promise.reject(new Error('no handler')));
    const frame = { url: ENTRY_URL, parent: null };
    expect(await invoke({ sender: firstWindow().webContents, senderFrame: frame })).toEqual({
      ok: true,
      value: '9.8.7',
    });
    expect(await invoke({ sender: {}, senderFrame: frame })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('shows the window when it is ready, and a window opened later is hardened too', () => {
    const window = firstWindow();
    expect(window.visible).toBe(false);
    window.listeners.emit('ready-to-show');
    expect(window.visible).toBe(true);

    // macOS: the last window closed, the dock icon clicked.
    window.destroyed = true;
    electron.emitApp('activate');
    const second = electron.windows[1];
    expect(second).toBeDefined();
    const secondLog = electron.log.filter(
      (event) => 'windowId' in event && event.windowId === second?.id,
    );
    expect(secondLog.map((event) => event.kind === 'contents-listener' && event.event)).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'window-open-handler']),
    );
    expect(secondLog.at(-1)).toEqual({ kind: 'url-loaded', windowId: second?.id, url: ENTRY_URL });

    // Elsewhere than macOS, the app quits with its last window.
    electron.emitApp('window-all-closed');
    expect(electron.log.at(-1)).toEqual(
      process.platform === 'darwin' ? expect.anything() : { kind: 'quit' },
    );
  });
});

describe('the wiring check', () => {
  const problems = (log: WiringEvent[]) => wiringProblems(log, expected);

  it('refuses a Chromium switch, the sandbox or the scheme applied after ready', () => {
    expect(problems(edited((log) => move(log, (e) => e.kind === 'switch', 'ready')))).toEqual([
      'Chromium switch disable-features is applied after ready',
    ]);
    expect(
      problems(edited((log) => move(log, (e) => e.kind === 'sandbox-enabled', 'ready'))),
    ).toEqual(['app.enableSandbox() is not called before ready']);
    expect(
      problems(edited((log) => move(log, (e) => e.kind === 'scheme-privileged', 'ready'))),
    ).toEqual(['the app: scheme is not registered as privileged before ready']);
    // Electron has no default session before ready.
    expect(
      problems(edited((log) => move(log, (e) => e.kind === 'session', 'sandbox-enabled'))),
    ).toEqual(['the session is configured before ready']);
  });

  it('refuses a window created before the session is hardened or web contents are watched', () => {
    expect(
      problems(
        edited((log) =>
          move(
            log,
            (e) => e.kind === 'session' && e.call === 'setPermissionRequestHandler',
            'window-created',
          ),
        ),
      ),
    ).toEqual(['session setPermissionRequestHandler is not set before the first window']);
    expect(
      problems(
        edited((log) =>
          move(
            log,
            (e) => e.kind === 'app-listener' && e.event === 'web-contents-created',
            'url-loaded',
          ),
        ),
      ),
    ).toContain("app 'web-contents-created' is not handled before the first window");
  });

  it('refuses an IPC channel registered twice, missing, or outside the contract', () => {
    const twice = edited((log) => {
      const at = log.findIndex((e) => e.kind === 'ipc');
      const registration = log[at];
      if (registration !== undefined) log.splice(at, 0, registration);
    });
    expect(problems(twice)).toEqual([`IPC ${ipcChannels[0]} is registered 2 times`]);
    const missing = edited((log) => {
      const last = log.map((e) => e.kind).lastIndexOf('ipc');
      log.splice(last, 1);
    });
    expect(problems(missing)).toEqual([`IPC ${ipcChannels.at(-1)} is registered 0 times`]);
    const extra = edited((log) =>
      log.unshift({ kind: 'ipc', method: 'on', channel: 'review:eval' }),
    );
    expect(problems(extra)).toEqual(['IPC review:eval is not in the contract']);
  });

  it('refuses a wrong preload, a window without isolation or sandbox, and a page loaded before it is served', () => {
    const window = (change: (prefs: WindowPreferences) => void) =>
      problems(
        edited((log) => {
          for (const event of log)
            if (event.kind === 'window-created') change(event.webPreferences);
        }),
      );
    expect(window((prefs) => (prefs.preload = path.join(tmp, 'preload.js')))).toEqual([
      `the window's preload is ${path.join(tmp, 'preload.js')}, not the built preload`,
    ]);
    expect(window((prefs) => (prefs.sandbox = false))).toEqual(['the window is not sandboxed']);
    expect(window((prefs) => delete prefs.contextIsolation)).toEqual([
      'the window has no contextIsolation',
    ]);
    expect(window((prefs) => (prefs.nodeIntegration = true))).toEqual([
      'the window has nodeIntegration',
    ]);
    expect(
      problems(edited((log) => move(log, (e) => e.kind === 'protocol-handler', 'url-loaded'))),
    ).toEqual(['the app: protocol is not served before the page loads']);
  });
});
