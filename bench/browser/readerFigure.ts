/**
 * Figure 7, reading: a 60-page PDF attachment beside the scoring sheet. Click on its tab → page 1
 * drawn, and the page field's Enter → the page drawn (pages 40 and 20 in turn, each drawn anew).
 * Baseline, in the same page and run: pdf.js itself (the very module the app loaded) opening the
 * same bytes and drawing the same page at the same scale into a bare canvas.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as PdfJs from 'pdfjs-dist';
import type { Page } from 'playwright-core';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { expertKey } from '../../renderer/src/data/repositories/keys';
import type { CheckInRow } from '../../renderer/src/data/rows';
import { LONG_PAGES, LONG_PDF, readerRound, SHORT_PDF } from '../../test/fixtures/readerRound';
import type { BenchOptions } from '../options';
import type { Row } from '../report';
import { median } from '../stats';
import { TARGETS } from '../targets';
import { launchProfile } from './app';
import { importThroughUi } from './importFigure';

/** 签到 written straight into the app's store (raw IndexedDB): PIN setup needs it, nothing is timed. */
async function checkIn(page: Page, row: CheckInRow) {
  await page.evaluate(
    (checkInRow) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('review-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('checkIns', 'readwrite');
          tx.objectStore('checkIns').put(checkInRow);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    row,
  );
}

async function choosePin(page: Page, pin: string) {
  await page.getByLabel('新 PIN（4–8 位数字）').fill(pin);
  await page.getByLabel('再次输入 PIN').fill(pin);
  await page.getByRole('button', { name: '设置并进入' }).click();
}

/**
 * Ms from the user's action (a click, or Enter in the page field) to `canvas` being drawn: both
 * instants are taken in the page (an event listener, then the attribute the reader sets once the
 * canvas holds the page), so Playwright's own round trips are not counted.
 */
async function timeToDrawn(
  page: Page,
  event: 'click' | 'keydown',
  canvas: string,
  act: () => Promise<void>,
) {
  const done = page.evaluate(
    ({ event, canvas }) =>
      new Promise<number>((resolve) => {
        let start = 0;
        document.addEventListener(event, () => (start ||= performance.now()), {
          capture: true,
          once: true,
        });
        const check = () => {
          if (start && document.querySelector(`${canvas}[data-drawn]`)) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
    { event, canvas },
  );
  await act();
  return done;
}

/** pdf.js alone in the same page: open the bytes, draw `pages` in turn; ms per open+draw and per draw. */
async function barePdfJs(
  page: Page,
  bytes: Uint8Array,
  scale: number,
  pages: number[],
  runs: number,
) {
  return page.evaluate(
    async ({ base64, scale, pages, runs }) => {
      // The module the app loaded (and set the worker of), from its own bundle.
      const url = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((name) => /\/assets\/pdf-[^/]+\.js$/.test(name));
      if (!url) throw new Error('pdf.js was not loaded by the app');
      const pdfjs = (await import(/* @vite-ignore */ url)) as typeof PdfJs;
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const ratio = window.devicePixelRatio || 1;
      const draw = async (
        doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>,
        n: number,
      ) => {
        const p = await doc.getPage(n);
        const viewport = p.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        await p.render({
          canvas,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        }).promise;
        p.cleanup();
      };
      const open = () =>
        pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, useSystemFonts: true })
          .promise;
      const opens: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const doc = await open();
        await draw(doc, 1);
        opens.push(performance.now() - start);
        await doc.destroy();
      }
      const doc = await open();
      await draw(doc, 1);
      const jumps: number[] = [];
      for (const n of pages) {
        const start = performance.now();
        await draw(doc, n);
        jumps.push(performance.now() - start);
      }
      await doc.destroy();
      return { opens, jumps };
    },
    { base64: Buffer.from(bytes).toString('base64'), scale, pages, runs },
  );
}

export async function readerFigure(options: BenchOptions, url: string): Promise<Row[]> {
  const { demo, packet } = readerRound();
  const expert = demo.round.experts[0]!;
  const zip = join(options.out, 'bench-reader.zip');
  writeFileSync(zip, writeRoundPackage(demo));
  const bytes = demo.attachments.get(packet.attachments.find((a) => a.name === LONG_PDF)!.path)!;
  const runs = Math.max(2, options.repeats);
  const profile = await launchProfile();
  try {
    const page = await profile.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await importThroughUi(page, zip);
    await checkIn(page, {
      key: expertKey(demo.round.id, expert.id),
      roundId: demo.round.id,
      expertId: expert.id,
      at: new Date().toISOString(),
    });
    await page.goto(`${url}#/rounds/${demo.round.id}/experts/${expert.id}/sheets/${packet.id}`);
    await choosePin(page, '2580');
    const reader = page.getByTestId('reader-pane');
    const tab = (name: string) => reader.getByRole('button', { name: `查看 ${name}`, exact: true });
    await tab(LONG_PDF).waitFor();

    // The first click also loads pdf.js and its worker; later ones open the file again.
    const first = await timeToDrawn(page, 'click', '[data-testid="pdf-canvas-1"]', () =>
      tab(LONG_PDF).click(),
    );
    const opens: number[] = [];
    for (let i = 0; i < runs; i++) {
      await tab(SHORT_PDF).click();
      await reader.locator('[data-testid="pdf-canvas-1"][data-drawn]').waitFor();
      opens.push(
        await timeToDrawn(page, 'click', '[data-testid="pdf-canvas-1"]', () =>
          tab(LONG_PDF).click(),
        ),
      );
    }
    const scale = await reader
      .locator('[data-testid="pdf-canvas-1"]')
      .evaluate((canvas) => Number(canvas.dataset.drawn));

    const field = reader.getByRole('textbox', { name: /^页码/ });
    const targets = Array.from({ length: runs * 2 }, (_, i) => (i % 2 === 0 ? 40 : 20));
    const jumps: number[] = [];
    for (const n of targets) {
      await field.fill(String(n));
      jumps.push(
        await timeToDrawn(page, 'keydown', `[data-testid="pdf-canvas-${n}"]`, () =>
          field.press('Enter'),
        ),
      );
    }

    const bare = await barePdfJs(page, bytes, scale, targets, runs);
    const detail = `${LONG_PAGES} pages, ${(bytes.length / 1024).toFixed(0)} KiB, scale ${scale.toFixed(2)} (fit to width at 1366×768); first click, loading pdf.js: ${first.toFixed(0)} ms; ${runs} opens, ${targets.length} jumps (pages 40 and 20 in turn)`;
    return [
      {
        figure: '7 reader',
        measure: 'click → page 1 drawn (median)',
        unit: 'ms',
        ours: median(opens),
        baselineLabel: 'pdf.js alone: open + draw page 1',
        baseline: median(bare.opens),
        target: TARGETS.readerOpen,
        detail,
      },
      {
        figure: '7 reader',
        measure: 'page jump → page drawn (median)',
        unit: 'ms',
        ours: median(jumps),
        baselineLabel: 'pdf.js alone: draw the page',
        baseline: median(bare.jumps),
        target: TARGETS.readerJump,
      },
    ];
  } finally {
    await profile.close();
    rmSync(zip, { force: true });
  }
}
