/**
 * A recording stand-in for the `electron` module, for loading the built main process in plain
 * Node. It implements only what main touches, writes every wiring step to one ordered log, and
 * keeps the handlers main installs so a test can call them as Electron would.
 */

export interface WindowPreferences {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webviewTag?: boolean;
}

export type SessionCall =
  | 'webRequest.onBeforeRequest'
  | 'webRequest.onHeadersReceived'
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setSpellCheckerEnabled';

export interface PrivilegedScheme {
  scheme: string;
  privileges?: Record<string, boolean | undefined>;
}

export type IpcMethod = 'handle' | 'handleOnce' | 'on' | 'once';

/** One wiring step, in the order main took it. */
export type WiringEvent =
  | { kind: 'scheme-privileged'; schemes: readonly PrivilegedScheme[] }
  | { kind: 'sandbox-enabled' }
  | { kind: 'switch'; name: string; value: string | undefined }
  | { kind: 'ready' }
  | { kind: 'app-listener'; event: string }
  | { kind: 'session'; call: SessionCall }
  | { kind: 'protocol-handler'; scheme: string }
  | { kind: 'ipc'; method: IpcMethod; channel: string }
  | { kind: 'window-created'; windowId: number; webPreferences: WindowPreferences }
  | { kind: 'contents-listener'; windowId: number; event: string }
  | { kind: 'url-loaded'; windowId: number; url: string }
  | { kind: 'window-shown'; windowId: number }
  | { kind: 'quit' };

type Listener = (...args: never[]) => unknown;

/** Listeners by event name, called in the order they were added. */
class Listeners {
  private readonly byEvent = new Map<string, Listener[]>();
  add(event: string, listener: Listener): void {
    this.byEvent.set(event, [...(this.byEvent.get(event) ?? []), listener]);
  }
  has(event: string): boolean {
    return (this.byEvent.get(event) ?? []).length > 0;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.byEvent.get(event) ?? []) {
      (listener as (...a: unknown[]) => unknown)(...args);
    }
  }
}

/** What a cancellable Electron event offers the handlers main installs. */
export interface StandInEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function standInEvent(url?: string): StandInEvent {
  const event: StandInEvent = {
    url,
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export interface AppRequest {
  method: string;
  url: string;
}
export type ProtocolHandler = (request: AppRequest) => Promise<Response>;
export type BeforeRequest = (
  details: { url: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;
export type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; mediaTypes?: string[] },
) => void;
export type WindowOpenHandler = (details: { url: string }) => { action: string };
export interface InvokeEvent {
  sender: unknown;
  senderFrame: { url: string; parent: null | object } | null;
}
export type IpcHandler = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

export interface StandInOptions {
  appPath: string;
  userData: string;
  version: string;
}

/** Builds a fresh stand-in; one per load of main. */
export function createElectronStandIn(options: StandInOptions) {
  const log: WiringEvent[] = [];
  const appListeners = new Listeners();
  const windows: StandInWindow[] = [];
  const protocolHandlers = new Map<string, ProtocolHandler>();
  const ipcHandlers = new Map<string, IpcHandler[]>();
  const sessionHandlers: {
    beforeRequest?: BeforeRequest;
    permissionRequest?: PermissionRequest;
  } = {};
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  class StandInContents {
    readonly listeners = new Listeners();
    windowOpenHandler: WindowOpenHandler | null = null;
    readonly sent: string[] = [];
    constructor(readonly windowId: number) {}
    on(event: string, listener: Listener) {
      log.push({ kind: 'contents-listener', windowId: this.windowId, event });
      this.listeners.add(event, listener);
      return this;
    }
    setWindowOpenHandler(handler: WindowOpenHandler) {
      log.push({
        kind: 'contents-listener',
        windowId: this.windowId,
        event: 'window-open-handler',
      });
      this.windowOpenHandler = handler;
    }
    send(channel: string) {
      this.sent.push(channel);
    }
  }

  class StandInWindow {
    readonly id = windows.length + 1;
    readonly webContents = new StandInContents(this.id);
    readonly listeners = new Listeners();
    visible: boolean;
    destroyed = false;
    constructor(windowOptions: { show?: boolean; webPreferences?: WindowPreferences }) {
      // As in Electron, a window is shown at once unless created with show: false.
      this.visible = windowOptions.show !== false;
      windows.push(this);
      log.push({
        kind: 'window-created',
        windowId: this.id,
        webPreferences: { ...windowOptions.webPreferences },
      });
      // As in Electron: the window's web contents exist, and are announced, before it returns.
      appListeners.emit('web-contents-created', standInEvent(), this.webContents);
    }
    static getAllWindows() {
      return windows.filter((window) => !window.destroyed);
    }
    on(event: string, listener: Listener) {
      this.listeners.add(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    loadURL(url: string) {
      log.push({ kind: 'url-loaded', windowId: this.id, url });
      return Promise.resolve();
    }
    show() {
      this.visible = true;
      log.push({ kind: 'window-shown', windowId: this.id });
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    restore() {}
    focus() {}
    close() {
      this.destroyed = true;
    }
  }

  const session = {
    webRequest: {
      onBeforeRequest(listener: BeforeRequest) {
        log.push({ kind: 'session', call: 'webRequest.onBeforeRequest' });
        sessionHandlers.beforeRequest = listener;
      },
      onHeadersReceived() {
        log.push({ kind: 'session', call: 'webRequest.onHeadersReceived' });
      },
    },
    setPermissionRequestHandler(handler: PermissionRequest) {
      log.push({ kind: 'session', call: 'setPermissionRequestHandler' });
      sessionHandlers.permissionRequest = handler;
    },
    setPermissionCheckHandler() {
      log.push({ kind: 'session', call: 'setPermissionCheckHandler' });
    },
    setDevicePermissionHandler() {
      log.push({ kind: 'session', call: 'setDevicePermissionHandler' });
    },
    setSpellCheckerEnabled() {
      log.push({ kind: 'session', call: 'setSpellCheckerEnabled' });
    },
  };

  const ipcRegistration = (method: IpcMethod) => (channel: string, handler: IpcHandler) => {
    log.push({ kind: 'ipc', method, channel });
    ipcHandlers.set(channel, [...(ipcHandlers.get(channel) ?? []), handler]);
  };

  const electron = {
    app: {
      isPackaged: true,
      commandLine: {
        getSwitchValue: () => '',
        appendSwitch: (name: string, value?: string) => log.push({ kind: 'switch', name, value }),
        appendArgument: (value: string) =>
          log.push({ kind: 'switch', name: value, value: undefined }),
      },
      getAppPath: () => options.appPath,
      getPath: (name: string) => `${options.userData}/${name}`,
      getVersion: () => options.version,
      enableSandbox: () => log.push({ kind: 'sandbox-enabled' }),
      requestSingleInstanceLock: () => true,
      whenReady: () => ready,
      quit: () => log.push({ kind: 'quit' }),
      on(event: string, listener: Listener) {
        log.push({ kind: 'app-listener', event });
        appListeners.add(event, listener);
        return electron.app;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: readonly PrivilegedScheme[]) =>
        log.push({ kind: 'scheme-privileged', schemes }),
      handle(scheme: string, handler: ProtocolHandler) {
        log.push({ kind: 'protocol-handler', scheme });
        protocolHandlers.set(scheme, handler);
      },
    },
    session: { defaultSession: session },
    ipcMain: {
      handle: ipcRegistration('handle'),
      handleOnce: ipcRegistration('handleOnce'),
      on: ipcRegistration('on'),
      once: ipcRegistration('once'),
    },
    BrowserWindow: StandInWindow,
    safeStorage: {},
    dialog: {},
  };

  return {
    /** What `require('electron')` returns to main. */
    module: electron,
    log,
    windows,
    protocolHandlers,
    ipcHandlers,
    sessionHandlers,
    /** Electron's 'ready': resolves whenReady() and tells 'ready' listeners. */
    emitReady() {
      log.push({ kind: 'ready' });
      appListeners.emit('ready', standInEvent());
      markReady();
    },
    emitApp(event: string, ...args: unknown[]) {
      appListeners.emit(event, ...args);
    },
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
