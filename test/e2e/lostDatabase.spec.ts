import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../../playwright.config';
import { HomePage } from './pages/HomePage';
import { PacketListPage } from './pages/PacketListPage';

/**
 * Chromium deletes an IndexedDB database it finds corrupt when it opens it, and tells the page
 * nothing (see renderer/src/data/lostDatabase.ts). Here the database's LevelDB log is damaged
 * between two runs of the browser, as a crash can leave it, and the app must say that the
 * rounds are gone and where the backup is, instead of starting empty as on a new computer.
 */

const launchOptions = config.use!.launchOptions!;

/** The largest LevelDB log of the app's IndexedDB in `profile`: where the rows of a small round are. */
function indexedDbLog(profile: string): string {
  const folder = join(profile, 'Default', 'IndexedDB');
  const leveldb = readdirSync(folder).find((name) => name.endsWith('.indexeddb.leveldb'))!;
  const logs = readdirSync(join(folder, leveldb))
    .filter((name) => name.endsWith('.log'))
    .map((name) => join(folder, leveldb, name));
  return logs.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures object; none is used.
test('a database Chromium deleted as corrupt is reported, with the way to the backup, until dismissed', async ({}, testInfo) => {
  const use = testInfo.project.use as { baseURL: string; locale: string };
  const profile = mkdtempSync(join(tmpdir(), 'review-desk-lost-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: launchOptions.executablePath!,
      args: launchOptions.args!,
      baseURL: use.baseURL,
      locale: use.locale,
    });
    return { context, page: context.pages()[0] ?? (await context.newPage()) };
  };
  try {
    {
      const { context, page } = await launch();
      const home = new HomePage(page);
      await home.open();
      await home.loadDemo();
      await new PacketListPage(page).expectVisible();
      // A start with rounds stored shows no notice.
      await page.reload();
      await new PacketListPage(page).expectVisible();
      await expect(page.getByTestId('lost-database')).toHaveCount(0);
      await context.close();
    }

    // Damage the middle of the log: a checksum mismatch, as a torn record followed by later
    // writes leaves it.
    const log = indexedDbLog(profile);
    const bytes = readFileSync(log);
    expect(bytes.length).toBeGreaterThan(4096);
    for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i]! ^= 0xff;
    writeFileSync(log, bytes);

    {
      const { context, page } = await launch();
      await page.goto('/');
      const notice = page.getByTestId('lost-database');
      await expect(notice).toContainText('本机的评审数据不见了');
      await expect(notice).toContainText('上次使用时本机存有 1 轮评审');
      await page.screenshot({ path: testInfo.outputPath('lost-database.png') });
      // The notice stays on every page until the data is back or it is dismissed.
      await notice.getByRole('link', { name: '去备份与恢复' }).click();
      await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
      await expect(notice).toBeVisible();
      await page.reload();
      await expect(notice).toBeVisible();

      // Rounds stored again (here the demo; a restored backup alike): the notice goes, and the
      // next start has nothing to report.
      await page.goto('/');
      await new HomePage(page).loadDemo();
      await new PacketListPage(page).expectVisible();
      await expect(notice).toHaveCount(0);
      await page.reload();
      await new PacketListPage(page).expectVisible();
      await expect(notice).toHaveCount(0);

      // Dismissed: not shown again.
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const request = indexedDB.deleteDatabase('review-desk');
            request.onsuccess = request.onerror = () => resolve(null);
          }),
      );
      await page.goto('/');
      await page.reload();
      await expect(notice).toBeVisible();
      await notice.getByRole('button', { name: '知道了，不再提示' }).click();
      await expect(notice).toHaveCount(0);
      await page.reload();
      await new HomePage(page).expectEmpty();
      await expect(notice).toHaveCount(0);
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});
