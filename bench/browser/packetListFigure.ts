/**
 * Figure 2, packet list: navigation → first rendered rows of the list, and search as you type
 * (the input event → the list showing the new matches, up to the next frame).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { packetMatches } from '../../renderer/src/data/repositories/queries';
import type { PacketRow } from '../../renderer/src/data/rows';
import type { Packet } from '@shared/model/roundPackage';
import type { Row } from '../report';
import { TARGETS } from '../targets';
import { median, percentile } from '../stats';
import { injectDexie } from './pageTools';
import { LOADED_HOME, timeStarts } from './startFigure';

const FIRST_ROW = 'table.data-table tbody tr:not(.spacer) td a';

/** What is typed: prefixes as keystrokes, then deleting them again; IME-style whole words. */
function searchSteps(packets: readonly Packet[]): string[] {
  const target = packets[Math.floor(packets.length * 0.86)]!;
  const typeAndDelete = (word: string) => {
    const prefixes = Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1));
    return [...prefixes, ...prefixes.slice(0, -1).reverse(), ''];
  };
  return [
    ...typeAndDelete(target.id),
    ...typeAndDelete(target.applicant.city),
    '凉山',
    '凉山彝族自治州西昌市',
    '',
    '技能大师',
    '技能大师工作室',
    '',
    ...typeAndDelete(target.applicant.name.slice(0, 6)),
  ];
}

interface SearchWindow {
  __search(value: string, expected: number): Promise<number>;
}

export async function packetListFigure(
  context: BrowserContext,
  url: string,
  roundId: string,
  packets: readonly Packet[],
  repeats: number,
): Promise<Row[]> {
  const listUrl = `${url}#/rounds/${roundId}/packets`;
  const firstRows = await timeInAppNavigations(
    context,
    url,
    `#/rounds/${roundId}/packets`,
    repeats,
  );
  const coldRows = await timeStarts(context, listUrl, FIRST_ROW, repeats);

  const page: Page = await context.newPage();
  await page.goto(listUrl);
  await page.locator(FIRST_ROW).first().waitFor();

  // Floor of the first rows: opening the database and reading the round's packet rows.
  await injectDexie(page);
  const reads = await page.evaluate(
    async ({ roundId, repeats }) => {
      type D = {
        new (name: string): {
          open(): Promise<{
            table(n: string): {
              where(i: string): { equals(v: string): { toArray(): Promise<unknown[]> } };
            };
            close(): void;
          }>;
        };
      };
      const Dexie = (window as unknown as { Dexie: D }).Dexie;
      const openAndRead: number[] = [];
      const read: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const start = performance.now();
        const db = await new Dexie('review-desk').open();
        const opened = performance.now();
        const rows = await db.table('packets').where('roundId').equals(roundId).toArray();
        openAndRead.push(performance.now() - start);
        read.push(performance.now() - opened);
        (window as unknown as { __benchRows: unknown[] }).__benchRows = rows;
        db.close();
      }
      return { openAndRead, read };
    },
    { roundId, repeats },
  );

  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const status = document.querySelector('main [role="status"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const shownCount = () => Number(/\d+/.exec(status.textContent ?? '')?.[0] ?? NaN);
    (window as unknown as SearchWindow).__search = (value, expected) =>
      new Promise((resolve) => {
        const start = performance.now();
        const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
        const observer = new MutationObserver(() => {
          if (shownCount() === expected) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
  });

  const rows = packets.map((p) => ({ ...p, key: p.id, roundId }) as PacketRow);
  const floor: number[] = [];
  const latencies: number[] = [];
  let previous = rows.length;
  for (const step of searchSteps(packets)) {
    const expected = rows.filter((p) => packetMatches(p, step)).length;
    if (expected === previous) {
      // Nothing on screen would change: apply it, but there is no end to time.
      await page.evaluate(
        ([v]) => {
          const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        [step] as const,
      );
      await page.waitForTimeout(50);
      continue;
    }
    latencies.push(
      await page.evaluate(([v, n]) => (window as unknown as SearchWindow).__search(v, n), [
        step,
        expected,
      ] as const),
    );
    previous = expected;
    // The floor: the same match as a bare loop over the same rows in the page, no rendering.
    floor.push(
      await page.evaluate(
        ([query]) => {
          const all = (window as unknown as { __benchRows: PacketRow[] }).__benchRows;
          const start = performance.now();
          const needle = query.trim().toLowerCase();
          let count = 0;
          for (const p of all) {
            if (
              !needle ||
              [p.id, p.title, p.applicant.name, p.applicant.city, p.applicant.county].some((f) =>
                f.toLowerCase().includes(needle),
              )
            )
              count++;
          }
          return performance.now() - start + count * 0;
        },
        [step] as const,
      ),
    );
  }
  await page.close();
  return [
    {
      figure: '2 packet list',
      measure: `navigation → first rows, ${packets.length.toLocaleString('en')} packets`,
      unit: 'ms',
      ours: median(firstRows),
      baselineLabel: 'bare Dexie read',
      baseline: median(reads.read),
      target: TARGETS.packetList,
      detail: `in the running app (home → list); runs ${firstRows.map((t) => t.toFixed(0)).join(', ')} ms`,
    },
    {
      figure: '2 packet list',
      measure: `cold start at the list's address → first rows`,
      unit: 'ms',
      ours: median(coldRows),
      baselineLabel: 'bare Dexie open + read',
      baseline: median(reads.openAndRead),
      target: null,
      detail: `loading and starting the app (figure 6) and then the list; runs ${coldRows.map((t) => t.toFixed(0)).join(', ')} ms`,
    },
    {
      figure: '2 packet list',
      measure: `search as you type, p95 of ${latencies.length} keystrokes`,
      unit: 'ms',
      ours: percentile(latencies, 95),
      baselineLabel: 'bare filter loop',
      baseline: percentile(floor, 95),
      target: TARGETS.search,
      detail: `median ${median(latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    },
  ];
}

/**
 * The list as a user reaches it: the app is running (home page shown), the route changes to the
 * list, until its first row is in the DOM. A fresh page each time, so no query is cached.
 */
async function timeInAppNavigations(
  context: BrowserContext,
  url: string,
  hash: string,
  repeats: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= repeats; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(LOADED_HOME).first().waitFor();
    const ms = await page.evaluate(
      ([selector, target]) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (!document.querySelector(selector)) return;
            observer.disconnect();
            resolve(performance.now() - start);
          });
          observer.observe(document, { childList: true, subtree: true });
          location.hash = target;
        }),
      [FIRST_ROW, hash] as const,
    );
    // The first navigation warms the HTTP cache for the list's code, as on a laptop in use.
    if (i > 0) times.push(ms);
    await page.close();
  }
  return times;
}
