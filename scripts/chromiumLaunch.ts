/**
 * How this project starts Debian's Chromium (Playwright cannot download its own browser here):
 * one definition for the end-to-end tests and the benchmark. Without the background-networking
 * flags Chromium keeps trying to reach Google's hosts through a closed network. The features
 * the desktop app turns off (electron/main/chromiumSwitches.ts) are off here too, so the tests
 * and the bench see the renderer as the app runs it. Chromium keeps the last --disable-features
 * it is given, so ours replaces the list Playwright passes first (Google services, Edge's
 * updater, paint holding …): closer to the desktop app, whose Chromium has no such list.
 */
import { chromiumFeatureFlags } from '../electron/main/chromiumSwitches';

export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  ...chromiumFeatureFlags(),
];
