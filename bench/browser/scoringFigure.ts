/**
 * Figure 3, scoring: a real keystroke in a points field → the save indicator says 已保存, which
 * it does only once Dexie's strict-durability transaction has committed. Baseline: a bare Dexie
 * put of the same sheet row in the same page, one transaction per edit, also strict.
 */
import type { Page } from 'playwright-core';
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
    };
    transaction(mode: string, table: string, work: () => Promise<unknown>): Promise<unknown>;
  };
  delete(name: string): Promise<void>;
};

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

  const profiler = profileTo ? await startProfile(page) : undefined;
  // Each edit is one keystroke that changes a field: a digit into an empty field, then
  // Backspace to empty it again; every second edit moves on to the next criterion.
  for (let i = 0; i < edits; i++) {
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
  if (profiler && profileTo) await profiler.stop(profileTo);
  const { keys, saves } = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
  if (keys.length !== edits || saves.length !== edits) {
    throw new Error(`scoring: ${keys.length} keystrokes, ${saves.length} saves for ${edits} edits`);
  }
  const latencies = keys.map((k, i) => saves[i]! - k);

  // Baseline: the same row, put by bare Dexie with the app's durability, `edits` times.
  await injectDexie(page);
  const bare = await page.evaluate(
    async ({ key, edits }) => {
      const Dexie = (window as unknown as { Dexie: BareDexie }).Dexie;
      const app = new Dexie('review-desk');
      const row = await (
        (await app.open()) as unknown as { table(n: string): { get(k: string): Promise<unknown> } }
      )
        .table('sheets')
        .get(key);
      app.close();
      if (!row) throw new Error(`sheet ${key} not stored`);
      await Dexie.delete('bench-sheets');
      const db = new Dexie('bench-sheets', { chromeTransactionDurability: 'strict' });
      db.version(1).stores({ sheets: '&key, roundId, packetId, expertId, status' });
      await db.open();
      const times: number[] = [];
      for (let i = 0; i < edits; i++) {
        const start = performance.now();
        await db.transaction('rw', 'sheets', async () => {
          await db.table('sheets').put({ ...(row as object), updatedAt: String(i) });
        });
        times.push(performance.now() - start);
      }
      db.close();
      await Dexie.delete('bench-sheets');
      return times;
    },
    { key: `${roundId}:${packetId}:${expertId}`, edits },
  );
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
      detail: `max ${Math.max(...latencies).toFixed(1)} ms; bare put max ${Math.max(...bare).toFixed(1)} ms`,
    },
  ];
}
