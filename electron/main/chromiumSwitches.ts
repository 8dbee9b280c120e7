/**
 * Chromium features the desktop app turns off. Main applies them before the app is ready; the
 * end-to-end tests and `npm run bench` launch Debian's Chromium with the same list
 * (scripts/chromiumLaunch.ts), so what they measure is the renderer as the app runs it.
 */
export const DISABLED_FEATURES = [
  // After a key press Chromium holds back the page's other tasks, IndexedDB replies included,
  // until the next frame is painted. Every keystroke in a score sheet is a save the expert waits
  // to see acknowledged, and with the deferral each one waits a frame longer (about 10 ms).
  'DeferRendererTasksAfterInput',
] as const;

/** The value for --disable-features: what is already there (e.g. from the user) plus ours. */
export function mergedFeatureList(existing: string, ours: readonly string[]): string {
  const names = [...existing.split(','), ...ours].map((name) => name.trim()).filter(Boolean);
  return [...new Set(names)].join(',');
}

export interface CommandLineLike {
  getSwitchValue(name: string): string;
  appendSwitch(name: string, value?: string): void;
}

/** Call before app 'ready' (Electron's app.commandLine). */
export function applyChromiumSwitches(commandLine: CommandLineLike): void {
  const existing = commandLine.getSwitchValue('disable-features');
  commandLine.appendSwitch('disable-features', mergedFeatureList(existing, DISABLED_FEATURES));
}

/** The same, as flags for launching Chromium directly. */
export const chromiumFeatureFlags = (): string[] => [
  `--disable-features=${mergedFeatureList('', DISABLED_FEATURES)}`,
];
