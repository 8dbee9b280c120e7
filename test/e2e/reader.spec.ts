/**
 * Reading beside the scoring sheet at 1366×768: a 60-page PDF drawn page by page as it scrolls,
 * zoom, page jump, search, outline, the remembered splitter, full-screen reading, and each
 * attachment keeping its place. Screenshots go to READER_SHOTS (default: the test's output).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { allCriteria } from '@shared/rubric/points';
import { LONG_PDF, PHOTO, readerRound, SHORT_PDF } from '../fixtures/readerRound';
import { ImportPanel } from './pages/ImportPanel';
import { PacketListPage } from './pages/PacketListPage';
import { ReaderPane } from './pages/ReaderPane';
import { ExpertSheetsPage, ScoringSheet, unlockWithPin } from './pages/ScoringPages';
import { CheckInPage, unlockSecretariat } from './pages/SecretariatPages';

test.use({ viewport: { width: 1366, height: 768 } });

const LONG = LONG_PDF;
const SHORT = SHORT_PDF;

const { demo, packet } = readerRound();
const expert = demo.round.experts[0]!;
const criteria = allCriteria(demo.round.rubric);

function shot(testInfo: TestInfo, name: string) {
  const dir = process.env.READER_SHOTS ?? testInfo.outputPath();
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** The round imported, the expert checked in and unlocked, the 申报书 opened beside their sheet. */
async function openBesideSheet(page: Page, testInfo: TestInfo) {
  const zip = testInfo.outputPath('reader-round.zip');
  writeFileSync(zip, writeRoundPackage(demo));
  await page.goto('/');
  await new ImportPanel(page).importPackage(zip);
  const list = new PacketListPage(page);
  await list.expectVisible();
  await new CheckInPage(page).checkInAll();
  await list.goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert.name);
  await sheets.openSheet(packet.id);
  const sheet = new ScoringSheet(page);
  await expect(sheet.points).toHaveCount(criteria.length);
  const reader = new ReaderPane(page);
  await reader.open(LONG);
  await reader.expectDrawn(1);
  return { reader, sheet };
}

/** Every visible piece of text in `root` at 14 px or more (the PDF's own text layer aside). */
async function smallestText(page: Page, selector: string) {
  return page.locator(selector).evaluate((root) => {
    let smallest = { size: Infinity, text: '' };
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.textLayer') || el.closest('.reader-visually-hidden')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      if (!own || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < smallest.size) smallest = { size, text: el.textContent!.slice(0, 40) };
    }
    return smallest;
  });
}

test('a 60-page PDF beside the sheet: zoom, jump, score without the document moving, search', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // Opened beside the sheet, fit to width, only the pages in view drawn.
  const { reader, sheet } = await openBesideSheet(page, testInfo);
  await reader.expectPage(1);
  await expect(reader.pane.getByTestId('reader-page-count')).toHaveText('/ 60 页');
  const fit = await reader.scroll.evaluate((el) => {
    const slot = el.querySelector<HTMLElement>('.pdf-slot')!;
    return {
      box: el.clientWidth,
      page: slot.offsetWidth,
      overflow: el.scrollWidth - el.clientWidth,
    };
  });
  expect(fit.page).toBeLessThanOrEqual(fit.box);
  expect(fit.page).toBeGreaterThan(fit.box - 48);
  expect(fit.overflow).toBe(0);
  await expect(reader.scroll.locator('.pdf-slot')).toHaveCount(60);
  expect(await reader.scroll.locator('canvas').count()).toBeLessThanOrEqual(4);
  // The sheet is on the other side, in view.
  const sheetBox = (await sheet.form.boundingBox())!;
  const readerBox = (await reader.pane.boundingBox())!;
  expect(sheetBox.x).toBeGreaterThanOrEqual(readerBox.x + readerBox.width);
  expect(sheetBox.x + sheetBox.width).toBeLessThanOrEqual(1366);

  // Zoom: the buttons, Ctrl+wheel over the document, Ctrl − with focus in the reader.
  const fitZoom = await reader.zoomPercent();
  await reader.pane.getByRole('button', { name: '放大' }).click();
  const zoomed = await reader.zoomPercent();
  expect(zoomed).toBeGreaterThan(fitZoom);
  await reader.scroll.hover();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -120);
  await page.keyboard.up('Control');
  await expect.poll(() => reader.zoomPercent()).toBeGreaterThan(zoomed);
  const wheeled = await reader.zoomPercent();
  await reader.scroll.focus();
  await page.keyboard.press('Control+Minus');
  await expect.poll(() => reader.zoomPercent()).toBeLessThan(wheeled);
  await reader.pane.getByRole('button', { name: '适合宽度' }).click();
  await expect.poll(() => reader.zoomPercent()).toBe(fitZoom);
  await reader.pane.getByRole('button', { name: '放大' }).click();
  const zoom = await reader.zoomPercent();
  // The window itself was not zoomed.
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);

  // Page 40 by the page field.
  await reader.jumpTo(40);
  await expect(reader.slot(40).locator('.textLayer')).toContainText('40');
  expect(await reader.scroll.locator('canvas').count()).toBeLessThanOrEqual(5);
  await page.screenshot({ path: shot(testInfo, 'reader-page40-beside-sheet.png') });

  // The last three criteria (below the fold of the sheet's pane) scored with typing, Enter and
  // Tab: the sheet scrolls to them, the document does not move.
  const top = await reader.scrollTop();
  await sheet.points.nth(criteria.length - 3).focus();
  await page.keyboard.type('8');
  await page.keyboard.press('Enter');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await page.keyboard.type('6.5');
  await page.keyboard.press('Tab');
  await sheet.expectSaved();
  await expect(sheet.total).toHaveText('21.5');
  await sheet.expectFocusedInView();
  expect(await reader.scrollTop()).toBe(top);
  await reader.expectPage(40);
  expect(await reader.zoomPercent()).toBe(zoom);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: shot(testInfo, 'reader-scored-three.png') });

  // Search finds a word that only page 47 has, and brings that page into view.
  await reader.find('zephyrine');
  await expect(reader.searchStatus).toHaveText('第 1 / 1 处（第 47 页）');
  await reader.expectPage(47);
  await expect(reader.slot(47).locator('.search-hit').first()).toBeVisible();
  await reader.find('第 12 页');
  await expect(reader.searchStatus).toHaveText('第 1 / 1 处（第 12 页）');
  await reader.expectPage(12);
  await reader.find('没有这个词');
  await expect(reader.searchStatus).toHaveText('未找到“没有这个词”');
  await reader.find('Zephyrine');
  await reader.expectPage(47);
  await page.screenshot({ path: shot(testInfo, 'reader-search-hit.png') });

  // The outline: chapter four starts on page 31.
  await reader.pane.getByRole('button', { name: '目录', exact: true }).click();
  await reader.pane.getByRole('button', { name: '第四章' }).click();
  await reader.expectPage(31);
  await page.screenshot({ path: shot(testInfo, 'reader-outline.png') });
  await reader.pane.getByRole('button', { name: '目录', exact: true }).click();
  await reader.jumpTo(47);

  // Every attachment keeps its page and zoom: the second PDF at page 5, back and forth.
  await reader.open(SHORT);
  await reader.expectDrawn(1);
  await expect(reader.pane.getByTestId('reader-page-count')).toHaveText('/ 8 页');
  await reader.jumpTo(5);
  await reader.open(LONG);
  await reader.expectPage(47);
  await reader.expectDrawn(47);
  expect(await reader.zoomPercent()).toBe(zoom);
  await reader.open(SHORT);
  await reader.expectPage(5);
  // Other formats open in the same pane.
  await reader.open(PHOTO);
  await expect(reader.pane.locator('.reader-format')).toBeVisible();
  await reader.open(LONG);
  await reader.expectPage(47);

  // Text in the reader is at least 14 px, and its toolbar fits the pane.
  const smallest = await smallestText(page, '[data-testid="reader-pane"]');
  expect(smallest.size, smallest.text).toBeGreaterThanOrEqual(14);
  const overflow = await reader.pane.evaluate((pane) => {
    const right = pane.getBoundingClientRect().right;
    return [...pane.querySelectorAll('.reader-toolbar > *, .reader-tabs > *')]
      .filter((el) => el.getBoundingClientRect().right > right + 0.5)
      .map((el) => el.textContent);
  });
  expect(overflow).toEqual([]);
});

test('the splitter is moved by keyboard and mouse and stays put after a reload; full screen and Esc', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const { reader, sheet } = await openBesideSheet(page, testInfo);

  // Keyboard: a separator with a value; arrows move it.
  const start = Number(await reader.splitter.getAttribute('aria-valuenow'));
  await reader.splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(reader.splitter).toHaveAttribute('aria-valuenow', String(start - 4));
  // Mouse: dragged to 45 % of the width.
  const box = (await reader.splitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const split = (await page.locator('.split-view').boundingBox())!;
  await page.mouse.move(split.x + split.width * 0.45, box.y + 40, { steps: 5 });
  await page.mouse.up();
  await expect(reader.splitter).toHaveAttribute('aria-valuenow', '45');
  const readerWidth = (await reader.pane.boundingBox())!.width;

  // After a reload (and the PIN again) the splitter is where it was left.
  await page.reload();
  await unlockWithPin(page);
  await expect(sheet.points).toHaveCount(criteria.length);
  await expect(reader.splitter).toHaveAttribute('aria-valuenow', '45');
  expect(Math.abs((await reader.pane.boundingBox())!.width - readerWidth)).toBeLessThan(2);

  // Full screen: the reader takes the window; header and sheet are hidden; Esc returns.
  await reader.open(LONG);
  await reader.jumpTo(20);
  await sheet.points.first().fill('9');
  await reader.pane.getByRole('button', { name: '全屏阅读' }).click();
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(sheet.form).toBeHidden();
  const full = (await reader.pane.boundingBox())!;
  expect(full).toMatchObject({ x: 0, y: 0, width: 1366, height: 768 });
  await reader.expectPage(20);
  await reader.expectDrawn(20);
  await page.screenshot({ path: shot(testInfo, 'reader-fullscreen.png') });
  await page.keyboard.press('Escape');
  await expect(page.locator('header.app-header')).toBeVisible();
  await expect(sheet.form).toBeVisible();
  await expect(sheet.points.first()).toHaveValue('9');
  await reader.expectPage(20);
  await page.screenshot({ path: shot(testInfo, 'reader-after-fullscreen.png') });

  // The packet page has the same reader, across the page.
  await page.goto(`/#/rounds/${demo.round.id}/packets/${packet.id}`);
  await unlockSecretariat(page);
  await expect(reader.tab(LONG)).toBeVisible();
  await reader.open(LONG);
  await reader.expectDrawn(1);
  await reader.jumpTo(40);
  await page.screenshot({ path: shot(testInfo, 'reader-packet-page.png') });
});
