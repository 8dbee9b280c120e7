/**
 * Figure 3, scoring: a real keystroke in a points field → the save indicator says 已保存, which
 * it does only once Dexie's strict-durability transaction has committed. Baseline: a bare Dexie
 * put of the same sheet row in the same page, one transaction per edit, also strict.
 */
import type { Locator, Page } from 'playwright-core';
import { expertKey } from '../../renderer/src/data/repositories/keys';
import type { CheckInRow } from '../../renderer/src/data/rows';
import type { Row } from '../report';
import { TARGETS } from '../targets';
import { percentile } from '../stats';
import { injectDexie, startProfile } from './pageTools';

interface BenchWindow {
  __bench: { keys: number[]; saves: number[] };
}

/**
 * 签到 as the secretariat records it at the desk: only a checked-in expert may choose a PIN on
 * this laptop. Written straight into the app's database (the check-in screen is not what this
 * figure times), before the sheet's page opens.
 */
async function checkIn(page: Page, url: string, roundId: string, expertId: string) {
  await page.goto(url);
  await injectDexie(page);
  const row: CheckInRow = {
    key: expertKey(roundId, expertId),
    roundId,
    expertId,
    at: new Date().toISOString(),
  };
  await page.evaluate(async (checkInRow) => {
    const Dexie = (window as unknown as { Dexie: BareDexie }).Dexie;
    const app = new Dexie('review-desk');
    await app.open();
    try {
      await app.table('checkIns').put(checkInRow);
    } finally {
      app.close();
    }
  }, row);
  // The sheet then loads in a fresh document, as it does without this step.
  await page.goto('about:blank');
}

async function unlock(page: Page, pin: string) {
  const set = page.getByRole('heading', { name: '首次使用：设置 PIN' });
  const enter = page.getByRole('heading', { name: '请输入 PIN' });
  await set.or(enter).waitFor();
  if (await set.isVisible()) {
    await page.getByLabel('新 PIN（4–8 位数字）').fill(pin);
    await page.getByLabel('再次输入 PIN').fill(pin);
    await page.getByRole('button', { name: '设置并进入' }).click();
  } else {
    await page.getByLabel('PIN', { exact: true }).fill(pin);
    await page.getByRole('button', { name: '进入' }).click();
  }
}

type BareDb = InstanceType<BareDexie>;
interface BareWindow {
  __bare: { db: BareDb; row: object };
}

type BareDexie = {
  new (
    name: string,
    options?: object,
  ): {
    version(n: number): { stores(s: Record<string, string>): unknown };
    open(): Promise<unknown>;
    close(): void;
    table(name: string): {
      get(key: string): Promise<Record<string, unknown> | undefined>;
      put(row: unknown): Promise<unknown>;
      delete(key: string): Promise<void>;
    };
    transaction(mode: string, table: string, work: () => Promise<unknown>): Promise<unknown>;
  };
  delete(name: string): Promise<void>;
};

/** Blocks of edits, each followed by as many bare puts. */
const BLOCKS = 10;

/** Edits `from` to `until` (exclusive): one keystroke each, timed from keydown to 已保存. */
async function typeEdits(
  page: Page,
  points: Locator,
  fields: number,
  from: number,
  until: number,
): Promise<number[]> {
  for (let i = from; i < until; i++) {
    // A digit into an empty field, then Backspace to empty it again; every second edit moves
    // on to the next criterion.
    if (i % 2 === 0) {
      const field = points.nth((i / 2) % fields);
      await field.focus();
      await field.evaluate((el: HTMLInputElement) => el.select());
    }
    await page.keyboard.press(i % 2 === 0 ? String(1 + ((i / 2) % 4)) : 'Backspace');
    await page.waitForFunction(
      (n) => (window as unknown as BenchWindow).__bench.saves.length >= n,
      i + 1,
      { polling: 'raf', timeout: 30_000 },
    );
  }
  const { keys, saves } = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
  if (keys.length !== until || saves.length !== until) {
    throw new Error(`scoring: ${keys.length} keystrokes, ${saves.length} saves for ${until} edits`);
  }
  return keys.slice(from, until).map((k, i) => saves[from + i]! - k);
}

/**
 * The baseline's database: a copy of the stored sheet row, in a database of its own with the
 * sheets store's indexes and the app's durability, kept open on the page between blocks.
 */
async function openBareSheets(page: Page, key: string): Promise<void> {
  await injectDexie(page);
  await page.evaluate(async (key) => {
    const Dexie = (window as unknown as { Dexie: BareDexie }).Dexie;
    const app = new Dexie('review-desk');
    const row = await (
      (await app.open()) as unknown as { table(n: string): { get(k: string): Promise<unknown> } }
    )
      .table('sheets')
      .get(key);
    app.close();
    await Dexie.delete('bench-sheets');
    const db = new Dexie('bench-sheets', { chromeTransactionDurability: 'strict' });
    db.version(1).stores({ sheets: '&key, roundId, packetId, expertId, status' });
    await db.open();
    (window as unknown as BareWindow).__bare = { db, row: row ?? { key } };
  }, key);
}

/** `count` bare strict puts of the sheet row, one transaction each; milliseconds of each. */
async function barePuts(page: Page, count: number, from: number): Promise<number[]> {
  return page.evaluate(
    async ({ count, from }) => {
      const { db, row } = (window as unknown as BareWindow).__bare;
      const times: number[] = [];
      for (let i = from; i < from + count; i++) {
        const start = performance.now();
        await db.transaction('rw', 'sheets', async () => {
          await db.table('sheets').put({ ...row, updatedAt: String(i) });
        });
        times.push(performance.now() - start);
      }
      return times;
    },
    { count, from },
  );
}

/**
 * Bare strict puts of a copy of the row under another key into the app's own database: how much
 * of a save is the database the app keeps (its indexes, its size on disk) rather than the app.
 */
async function barePutsInAppDatabase(page: Page, key: string, count: number): Promise<number[]> {
  return page.evaluate(
    async ({ key, count }) => {
      const Dexie = (window as unknown as { Dexie: BareDexie }).Dexie;
      const app = new Dexie('review-desk', { chromeTransactionDurability: 'strict' });
      await app.open();
      const sheets = app.table('sheets');
      const row = await sheets.get(key);
      const copy = `${key}:bench`;
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        await app.transaction('rw', 'sheets', async () => {
          await sheets.put({ ...row, key: copy, updatedAt: String(i) });
        });
        times.push(performance.now() - start);
      }
      await app.transaction('rw', 'sheets', () => sheets.delete(copy));
      app.close();
      return times;
    },
    { key, count },
  );
}

async function closeBareSheets(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const Dexie = (window as unknown as { Dexie: BareDexie }).Dexie;
    (window as unknown as BareWindow).__bare.db.close();
    await Dexie.delete('bench-sheets');
  });
}

export async function scoringFigure(
  page: Page,
  url: string,
  roundId: string,
  expertId: string,
  packetId: string,
  edits: number,
  profileTo?: string,
): Promise<Row[]> {
  await checkIn(page, url, roundId, expertId);
  await page.goto(`${url}#/rounds/${roundId}/experts/${expertId}/sheets/${packetId}`);
  await unlock(page, '2580');
  const points = page.getByRole('form', { name: '评分表' }).locator('input.points');
  await points.first().waitFor();
  const fields = await points.count();
  await page.evaluate(() => {
    const state = { keys: [] as number[], saves: [] as number[] };
    (window as unknown as BenchWindow).__bench = state;
    window.addEventListener('keydown', () => state.keys.push(performance.now()), true);
    const indicator = document.querySelector('[data-testid="save-state"]')!;
    let saved = indicator.classList.contains('saved');
    new MutationObserver(() => {
      const now = indicator.classList.contains('saved');
      if (now && !saved) state.saves.push(performance.now());
      saved = now;
    }).observe(indicator, {
      attributes: true,
      childList: true,
      characterData: true,
      subtree: true,
    });
  });

  // Ours and the baseline alternate in blocks, so that a change in the machine's load while the
  // figure runs hits both sides alike; each block's p50 ratio shows how much the ratio moved.
  const key = `${roundId}:${packetId}:${expertId}`;
  await openBareSheets(page, key);
  const blocks = Math.min(BLOCKS, Math.max(1, Math.floor(edits / 2)));
  const latencies: number[] = [];
  const bare: number[] = [];
  const blockRatios: number[] = [];
  const profiler = profileTo ? await startProfile(page) : undefined;
  let done = 0;
  for (let b = 0; b < blocks; b++) {
    // An even number of edits per block: each field gets its digit and its Backspace.
    const until = b === blocks - 1 ? edits : 2 * Math.round((edits * (b + 1)) / blocks / 2);
    const oursBlock = await typeEdits(page, points, fields, done, until);
    // (A profile also holds the bare puts: the anonymous function evaluated by the bench.)
    const bareBlock = await barePuts(page, until - done, done);
    latencies.push(...oursBlock);
    bare.push(...bareBlock);
    blockRatios.push(percentile(oursBlock, 50) / percentile(bareBlock, 50));
    done = until;
  }
  if (profiler && profileTo) await profiler.stop(profileTo);
  await closeBareSheets(page);
  const inApp = await barePutsInAppDatabase(page, key, Math.min(edits, 100));
  const spread = (values: number[]) =>
    `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}×`;
  const common = {
    figure: '3 scoring',
    unit: 'ms' as const,
    baselineLabel: 'bare Dexie put',
  };
  return [
    {
      ...common,
      measure: `keystroke → durable save, p50 of ${edits.toLocaleString('en')} edits`,
      ours: percentile(latencies, 50),
      baseline: percentile(bare, 50),
      target: TARGETS.saveP50,
    },
    {
      ...common,
      measure: `keystroke → durable save, p95 of ${edits.toLocaleString('en')} edits`,
      ours: percentile(latencies, 95),
      baseline: percentile(bare, 95),
      target: TARGETS.saveP95,
      detail: `max ${Math.max(...latencies).toFixed(1)} ms; bare put max ${Math.max(...bare).toFixed(1)} ms; ${blocks} alternating blocks, p50 ratio per block ${spread(blockRatios)}; the same bare put into the app's own database (its sheets store, indexes and size): p50 ${percentile(inApp, 50).toFixed(1)} ms, p95 ${percentile(inApp, 95).toFixed(1)} ms`,
    },
  ];
}
