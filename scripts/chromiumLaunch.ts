/**
 * How this project starts Debian's Chromium (Playwright cannot download its own browser here):
 * one definition for the end-to-end tests and the benchmark. Without the background-networking
 * flags Chromium keeps trying to reach Google's hosts through a closed network.
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
