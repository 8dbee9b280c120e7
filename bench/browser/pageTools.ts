/** Helpers that run inside the page: bare Dexie for baselines, heap sampling, first paint of a selector. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { schemaVersions } from '../../renderer/src/data/schema';

/**
 * Dexie's UMD build evaluated in the page (through the DevTools protocol, which the page's CSP
 * does not govern) so that baselines use the same library as the app, with none of its code.
 */
export async function injectDexie(page: Page): Promise<void> {
  const source = readFileSync(join('node_modules', 'dexie', 'dist', 'dexie.js'), 'utf8');
  await page.evaluate(`(() => { ${source}\n })()`);
  // The UMD wrapper attaches to `this`; make sure it is on window whatever it found.
  const ok = await page.evaluate(() => typeof (window as unknown as { Dexie?: unknown }).Dexie);
  if (ok !== 'function') throw new Error('Dexie did not load in the page');
}

/** The app's current stores (every version merged), for a bare database of the same shape. */
export function currentStores(): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const { stores: declared } of schemaVersions) Object.assign(stores, declared);
  return stores;
}

/** Samples the main thread's JS heap (CDP Performance.getMetrics) until stopped; peak in MiB. */
export async function sampleHeap(page: Page): Promise<{ stop(): Promise<number> }> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { metrics } = await session.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        peak = Math.max(peak, used);
      } catch {
        // page navigating
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await session.detach().catch(() => undefined);
      return peak / 1048576;
    },
  };
}

/**
 * Before any page script runs, watch the DOM for `selector` and record (performance.now(), i.e.
 * milliseconds since navigation start) when it first has a match, in `window.__benchSeen`.
 */
export async function watchFirstMatch(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel: string) => {
    const w = window as unknown as { __benchSeen?: number };
    const check = () => {
      if (w.__benchSeen === undefined && document.querySelector(sel)) {
        w.__benchSeen = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
}

/** Navigate and return ms from navigation start to the first match of the watched selector. */
export async function timeToFirstMatch(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __benchSeen?: number }).__benchSeen !== undefined,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  return page.evaluate(() => (window as unknown as { __benchSeen: number }).__benchSeen);
}

/** A CPU profile of the page's main thread (open the file in Chrome DevTools › Performance). */
export async function startProfile(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      await session.detach().catch(() => undefined);
    },
  };
}

/**
 * Collect the page's garbage now. A Blob's bytes stay in the browser's blob store for as long as
 * its small page object lives, so Blobs a previous run let go of still fill the store until V8
 * gets round to collecting them, and the next run's new Blobs are then paged to disk.
 */
export async function collectGarbage(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
  } finally {
    await session.detach().catch(() => undefined);
  }
}
