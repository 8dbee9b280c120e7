import type { SessionCall, WiringEvent } from './electronStandIn';

/** What the desktop app's start-up must have done, judged from the stand-in's log alone. */
export interface WiringExpectation {
  /** Every channel of the IPC contract. */
  channels: readonly string[];
  /** The built preload file the window must load. */
  preloadPath: string;
  /** The custom scheme the renderer is served from, and the page the window opens. */
  scheme: string;
  entryUrl: string;
}

/** The session's part of "no network, no remote content", all needed before any page exists. */
export const SESSION_HARDENING: readonly SessionCall[] = [
  'webRequest.onBeforeRequest',
  'webRequest.onHeadersReceived',
  'setPermissionRequestHandler',
  'setPermissionCheckHandler',
  'setDevicePermissionHandler',
  'setSpellCheckerEnabled',
];

/** What every web contents gets before it loads anything: navigation and window policy. */
export const CONTENTS_HARDENING = [
  'will-navigate',
  'will-redirect',
  'window-open-handler',
  'will-attach-webview',
] as const;

type Kind = WiringEvent['kind'];
type EventOf<K extends Kind> = Extract<WiringEvent, { kind: K }>;

const firstIndex = (log: readonly WiringEvent[], match: (event: WiringEvent) => boolean) =>
  log.findIndex(match);

/**
 * Every wiring slip found in the log, in words; [] when start-up is wired right. Pure, so a test
 * can show it catches a misordered log as well as it passes the real one.
 */
export function wiringProblems(log: readonly WiringEvent[], expected: WiringExpectation): string[] {
  const problems: string[] = [];
  const of = <K extends Kind>(kind: K) =>
    log.flatMap((event, index) =>
      event.kind === kind ? [{ event: event as EventOf<K>, index }] : [],
    );

  const ready = firstIndex(log, (event) => event.kind === 'ready');
  if (ready < 0) problems.push("'ready' never came");
  const beforeReady = (index: number) => ready >= 0 && index >= 0 && index < ready;

  // Chromium fixes these at start-up: after 'ready' they are ignored (or throw).
  const sandbox = firstIndex(log, (event) => event.kind === 'sandbox-enabled');
  if (!beforeReady(sandbox)) problems.push('app.enableSandbox() is not called before ready');
  const scheme = of('scheme-privileged').find(({ event }) =>
    event.schemes.some(
      (s) => s.scheme === expected.scheme && s.privileges?.standard && s.privileges.secure,
    ),
  );
  if (scheme === undefined || !beforeReady(scheme.index)) {
    problems.push(`the ${expected.scheme}: scheme is not registered as privileged before ready`);
  }
  const switches = of('switch');
  if (switches.length === 0) problems.push('no Chromium switch is applied');
  for (const { event, index } of switches) {
    if (!beforeReady(index)) problems.push(`Chromium switch ${event.name} is applied after ready`);
  }

  // Electron refuses these before 'ready' (the default session and windows do not exist yet).
  const tooEarly: Partial<Record<Kind, string>> = {
    session: 'the session is configured',
    'window-created': 'a window is created',
    'protocol-handler': 'a protocol is served',
  };
  for (const [index, event] of log.entries()) {
    const what = tooEarly[event.kind];
    if (what !== undefined && beforeReady(index)) problems.push(`${what} before ready`);
  }

  // Security before the first window: its web contents must be hardened as they are created.
  const windows = of('window-created');
  const firstWindow = windows[0];
  if (firstWindow === undefined) {
    problems.push('no window is created');
  } else {
    const beforeWindow = (index: number) => index >= 0 && index < firstWindow.index;
    for (const call of SESSION_HARDENING) {
      const at = firstIndex(log, (event) => event.kind === 'session' && event.call === call);
      if (!beforeWindow(at)) problems.push(`session ${call} is not set before the first window`);
    }
    for (const event of ['web-contents-created', 'session-created']) {
      const at = firstIndex(log, (e) => e.kind === 'app-listener' && e.event === event);
      if (!beforeWindow(at)) problems.push(`app '${event}' is not handled before the first window`);
    }
    const prefs = firstWindow.event.webPreferences;
    if (prefs.preload !== expected.preloadPath) {
      problems.push(`the window's preload is ${String(prefs.preload)}, not the built preload`);
    }
    if (prefs.contextIsolation !== true) problems.push('the window has no contextIsolation');
    if (prefs.sandbox !== true) problems.push('the window is not sandboxed');
    for (const key of [
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
    ] as const) {
      if (prefs[key] === true) problems.push(`the window has ${key}`);
    }
  }

  // The page: loaded only after it is served, hardened and answered.
  const loads = of('url-loaded');
  const firstLoad = loads[0];
  if (firstLoad === undefined) {
    problems.push('no page is loaded');
  } else {
    const beforeLoad = (index: number) => index >= 0 && index < firstLoad.index;
    for (const { event } of loads) {
      if (event.url !== expected.entryUrl) problems.push(`a window loads ${event.url}`);
    }
    const served = firstIndex(
      log,
      (event) => event.kind === 'protocol-handler' && event.scheme === expected.scheme,
    );
    if (!beforeLoad(served)) {
      problems.push(`the ${expected.scheme}: protocol is not served before the page loads`);
    }
    for (const listener of CONTENTS_HARDENING) {
      const at = firstIndex(
        log,
        (event) =>
          event.kind === 'contents-listener' &&
          event.windowId === firstLoad.event.windowId &&
          event.event === listener,
      );
      if (!beforeLoad(at))
        problems.push(`the window's contents get no ${listener} before the page loads`);
    }
    const registrations = of('ipc');
    for (const channel of expected.channels) {
      const found = registrations.filter(({ event }) => event.channel === channel);
      if (found.length !== 1) problems.push(`IPC ${channel} is registered ${found.length} times`);
      else if (!beforeLoad(found[0]?.index ?? -1))
        problems.push(`IPC ${channel} is registered after the page loads`);
    }
    for (const { event } of registrations) {
      if (!expected.channels.includes(event.channel))
        problems.push(`IPC ${event.channel} is not in the contract`);
      else if (event.method !== 'handle')
        problems.push(`IPC ${event.channel} uses ipcMain.${event.method}`);
    }
  }
  return problems;
}
