/**
 * Figure 6, start: navigation → the first interactive screen (the home page with its round list
 * and working links) with the big round in the database, against the same app on an empty one.
 */
import type { BrowserContext } from 'playwright-core';
import type { Row } from '../report';
import { TARGETS } from '../targets';
import { median } from '../stats';
import { timeToFirstMatch, watchFirstMatch } from './pageTools';

export async function timeStarts(
  context: BrowserContext,
  url: string,
  selector: string,
  repeats: number,
): Promise<number[]> {
  const times: number[] = [];
  // One untimed start first: the HTTP cache and the database files are warm afterwards, as
  // they are on a laptop that has opened the app before.
  for (let i = 0; i <= repeats; i++) {
    const page = await context.newPage();
    await watchFirstMatch(page, selector);
    const ms = await timeToFirstMatch(page, url);
    if (i > 0) times.push(ms);
    await page.close();
  }
  return times;
}

export const LOADED_HOME = 'main.page .round-list a.button';
export const EMPTY_HOME = 'main.page.empty-state .actions button';

export function startRow(ours: number[], baseline: number[], packets: number): Row {
  return {
    figure: '6 start',
    measure: `navigation → interactive home, ${packets.toLocaleString('en')}-packet round stored`,
    unit: 'ms',
    ours: median(ours),
    baselineLabel: 'same app, empty database',
    baseline: median(baseline),
    target: TARGETS.start,
    detail: `runs ${ours.map((t) => t.toFixed(0)).join(', ')} ms; empty ${baseline.map((t) => t.toFixed(0)).join(', ')} ms`,
  };
}
