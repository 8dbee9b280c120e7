import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildDemoRound } from '@shared/demo/demoRound';
import { BackupPage } from './pages/BackupPage';
import { HomePage } from './pages/HomePage';
import { PacketListPage } from './pages/PacketListPage';
import { unlockWithPin } from './pages/ScoringPages';
import { unlockSecretariat } from './pages/SecretariatPages';

const demo = buildDemoRound();
const expert = demo.round.experts[0]!;
const packet = demo.packets[0]!;
const sheetUrl = `/#/rounds/${demo.round.id}/experts/${expert.id}/sheets/${packet.id}`;
const PASSPHRASE = '评审台 backup 2026';

/** Open the expert's sheet, unlocking with the PIN unless this window already did. */
async function openSheet(page: Page) {
  await page.goto(sheetUrl);
  const points = page.locator('form input.points');
  await expect(points.first().or(page.getByRole('heading', { name: /PIN/ }))).toBeVisible();
  if (!(await points.first().isVisible())) await unlockWithPin(page);
  return points;
}

test('back up a scored round, then restore it on another laptop: wrong passphrase and a damaged archive are refused untouched', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  // Laptop A: the demo round with one score typed and saved.
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PacketListPage(page).expectVisible();
  await (await openSheet(page)).first().fill('8');
  await expect(page.getByTestId('save-state')).toHaveText(/^已保存/);

  const backupA = new BackupPage(page);
  await backupA.open();
  await backupA.submitBackup(PASSPHRASE, 'something else');
  await expect(backupA.backupMessage).toHaveText('两次输入的口令不一致');
  const download = await backupA.backUp(PASSPHRASE);
  await expect(backupA.backupMessage).toContainText('备份已保存');
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${demo.round.id}-\\d{12}\\.rdbackup$`));
  const archive = testInfo.outputPath('round.rdbackup');
  await download.saveAs(archive);
  const bytes = readFileSync(archive);
  expect(bytes.subarray(0, 40).toString('utf8')).toContain('"format":"review-desk/backup@1"');
  const damaged = testInfo.outputPath('damaged.rdbackup');
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 50] = flipped[flipped.length - 50]! ^ 0x08;
  writeFileSync(damaged, flipped);

  // Laptop B: a separate browser profile with nothing on it.
  const laptop = await browser.newContext();
  const pageB = await laptop.newPage();
  const backupB = new BackupPage(pageB);
  await backupB.open();
  await backupB.restore(archive, 'not the passphrase');
  await expect(backupB.restoreMessage).toContainText('口令不正确');
  await backupB.restore(damaged, PASSPHRASE);
  await expect(backupB.restoreMessage).toContainText('已损坏');
  await pageB.goto('/');
  await expect(pageB.getByRole('heading', { name: '还没有评审' })).toBeVisible();

  await backupB.open();
  await backupB.restore(archive, PASSPHRASE);
  await expect(backupB.restoreMessage).toContainText(`已恢复评审“${demo.round.title}”`);
  await expect((await openSheet(pageB)).first()).toHaveValue('8');

  // Restoring again asks before replacing the round; cancelling writes nothing.
  // The expert locks before the backup page: while an expert is unlocked it is the secretariat's.
  const lockExpert = () => pageB.getByRole('banner').getByRole('button', { name: '锁定' }).click();
  await pageB.locator('form input.points').nth(1).fill('5');
  await expect(pageB.getByTestId('save-state')).toHaveText(/^已保存/);
  await lockExpert();
  await backupB.open();
  await backupB.restore(archive, PASSPHRASE);
  await expect(backupB.confirm).toContainText('不会合并');
  await backupB.confirm.getByRole('button', { name: '取消' }).click();
  await expect((await openSheet(pageB)).nth(1)).toHaveValue('5');
  await lockExpert();
  await backupB.open();
  await backupB.restore(archive, PASSPHRASE);
  // Replacing brings the backup's panel, PINs and keys: the secretariat's passphrase is asked
  // for (set here: this laptop has none yet), then the replacement goes through.
  await backupB.confirm.getByRole('button', { name: '替换为备份中的版本' }).click();
  await expect(pageB.getByRole('alert').filter({ hasText: '此操作需要秘书处口令' })).toBeVisible();
  await unlockSecretariat(pageB);
  await backupB.confirm.getByRole('button', { name: '替换为备份中的版本' }).click();
  await expect(backupB.restoreMessage).toContainText('已恢复评审');
  await expect((await openSheet(pageB)).nth(1)).toHaveValue('');
  await laptop.close();
});

test('the home page shows storage use and whether persistence was granted', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('storage-usage')).toContainText(
    /存储：本机评审数据占用 .+，可用上限约 .+/,
  );
  await expect(page.getByTestId('storage-persisted')).toContainText(/持久保存/);
});
