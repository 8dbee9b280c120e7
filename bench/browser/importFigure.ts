/**
 * Figure 1, import: the package through the UI (导入评审包 → file → parse in the worker → one
 * Dexie transaction → the packet list), against a bare Dexie bulkPut of the same rows and blobs
 * in the same page. Also the peak JS heap of the page during the import (figure 6).
 */
import type { Page } from 'playwright-core';
import type { Row } from '../report';
import { rendererPeaksMiB } from './app';
import { currentStores, injectDexie, sampleHeap, startProfile } from './pageTools';

type DexieLike = {
  new (name: string, options?: object): DexieDb;
  delete(name: string): Promise<void>;
};
type DexieTable = {
  toArray(): Promise<Record<string, unknown>[]>;
  bulkPut(rows: unknown[]): Promise<unknown>;
  where(index: string): {
    equals(value: string): { toArray(): Promise<Record<string, unknown>[]> };
  };
};
type DexieDb = {
  open(): Promise<DexieDb>;
  close(): void;
  version(n: number): { stores(s: Record<string, string>): unknown };
  table(name: string): DexieTable;
  transaction(mode: string, tables: string[], work: () => Promise<unknown>): Promise<unknown>;
};

export const IMPORTED_TABLES = [
  'rounds',
  'packets',
  'attachments',
  'experts',
  'assignments',
  'audit',
];

/** In the page: copy the imported round's rows (fresh in-memory blobs), then time bulkPut. */
async function bareBulkPut(page: Page, roundId: string): Promise<{ ms: number; rows: number }> {
  await injectDexie(page);
  return page.evaluate(
    async ({ roundId, stores, tables }) => {
      const Dexie = (window as unknown as { Dexie: DexieLike }).Dexie;
      const app = await new Dexie('review-desk').open();
      const copies: Record<string, Record<string, unknown>[]> = {};
      let count = 0;
      for (const name of tables) {
        const rows =
          name === 'rounds'
            ? (await app.table(name).toArray()).filter((r) => r.id === roundId)
            : await app.table(name).where('roundId').equals(roundId).toArray();
        for (const row of rows) {
          if (row.blob instanceof Blob) {
            row.blob = new Blob([await row.blob.arrayBuffer()], { type: row.blob.type });
          }
        }
        copies[name] = rows;
        count += rows.length;
      }
      app.close();
      await Dexie.delete('bench-baseline');
      const bare = new Dexie('bench-baseline', { chromeTransactionDurability: 'strict' });
      const schema: Record<string, string> = {};
      for (const name of tables) schema[name] = stores[name]!;
      bare.version(1).stores(schema);
      await bare.open();
      const start = performance.now();
      await bare.transaction('rw', tables, async () => {
        for (const name of tables) await bare.table(name).bulkPut(copies[name]!);
      });
      const ms = performance.now() - start;
      bare.close();
      await Dexie.delete('bench-baseline');
      return { ms, rows: count };
    },
    { roundId, stores: currentStores(), tables: IMPORTED_TABLES },
  );
}

/** Pick `file` with the app's 导入评审包 button; resolves when the packet list is shown. */
export async function importThroughUi(page: Page, file: string): Promise<number> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入评审包' }).first().click();
  const picked = await chooser;
  await page.evaluate(() => performance.mark('import:start'));
  const start = performance.now();
  await picked.setFiles(file);
  await page.waitForURL(/#\/rounds\/[^/]+\/packets$/, { timeout: 600_000 });
  return performance.now() - start;
}

/** The app's phase marks (useRoundImport) as “read 0.4 s, parse 1.2 s, store 2.9 s”. */
async function importPhases(page: Page): Promise<string> {
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    const marks = ['import:start', 'import:picked', 'import:parsed', 'import:stored'].map(at);
    const labels = ['read the file', 'parse in the worker', 'store'];
    return labels
      .map((label, i) => `${label} ${((marks[i + 1]! - marks[i]!) / 1000).toFixed(2)} s`)
      .join(', ');
  });
}

export async function importFigure(
  page: Page,
  url: string,
  file: string,
  zipBytes: number,
  sizes: { packets: number; attachments: number; attachmentBytes: number; roundId: string },
  profileTo?: string,
): Promise<Row[]> {
  await page.goto(url);
  await page.getByRole('button', { name: '导入评审包' }).first().waitFor();
  const heap = await sampleHeap(page);
  const profiler = profileTo ? await startProfile(page) : undefined;
  const ours = await importThroughUi(page, file);
  if (profiler && profileTo) await profiler.stop(profileTo);
  const peakHeap = await heap.stop();
  const phases = await importPhases(page);
  const rendererPeak = Math.max(0, ...rendererPeaksMiB());
  const baseline = await bareBulkPut(page, sizes.roundId);
  const mb = sizes.attachmentBytes / 1e6;
  return [
    {
      figure: '1 import',
      measure: `${sizes.packets.toLocaleString('en')} packets, ${sizes.attachments.toLocaleString('en')} attachments, ${mb.toFixed(0)} MB`,
      unit: 'ms',
      ours,
      baselineLabel: 'bare Dexie bulkPut',
      baseline: baseline.ms,
      target: { kind: 'ratio', max: 1.5 },
      detail:
        `ours ${(sizes.packets / (ours / 1000)).toFixed(0)} packets/s, ${(mb / (ours / 1000)).toFixed(1)} MB/s ` +
        `(zip ${(zipBytes / 1e6).toFixed(0)} MB: read, inflate, SHA-256, validate, store); ` +
        `bulkPut ${(sizes.packets / (baseline.ms / 1000)).toFixed(0)} packets/s, ${(mb / (baseline.ms / 1000)).toFixed(1)} MB/s ` +
        `(${baseline.rows.toLocaleString('en')} rows); phases: ${phases}`,
    },
    {
      figure: '6 memory',
      measure: 'peak JS heap during import (page main thread, CDP)',
      unit: 'MiB',
      ours: peakHeap,
      baselineLabel: '',
      baseline: null,
      target: { kind: 'below', max: 1024 },
      detail: `peak resident memory of the renderer process (page + parse worker, heaps and buffers): ${rendererPeak.toFixed(0)} MiB`,
    },
  ];
}
