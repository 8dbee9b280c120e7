/**
 * The automatic backup on close, the renderer's side. Electron cannot run here, so a
 * bridge with the preload's contract (pages/AutoBackup.ts) stands in for main: it keeps the
 * folder, records the archives written, and plays main's close guard (close-requested → ack →
 * closeNow or closeCancel). Main's side is unit-tested in electron/main/autoBackup/.
 */
import { expect, test, type Page } from '@playwright/test';
import { isAutoBackupName, readRoundBackup, type BackupCrypto } from '@shared/backup';
import { buildDemoRound } from '@shared/demo/demoRound';
import { allCriteria } from '@shared/rubric/points';
import {
  AutoBackupSection,
  bridge,
  FOLDER,
  installDesktopBridge,
  type BridgeRecord,
} from './pages/AutoBackup';
import { BackupPage } from './pages/BackupPage';
import { HomePage } from './pages/HomePage';
import { PacketListPage } from './pages/PacketListPage';
import { unlockWithPin } from './pages/ScoringPages';

const demo = buildDemoRound();
const expert = demo.round.experts[0]!;
const packet = demo.packets[0]!;
/** The first points field of the sheet. */
const criterion = allCriteria(demo.round.rubric)[0]!.id;
const sheetUrl = `/#/rounds/${demo.round.id}/experts/${expert.id}/sheets/${packet.id}`;
const PASSPHRASE = '评审台 自动备份 2026';

/** The demo round with one score typed and saved (已保存). */
async function demoWithScore(page: Page, points: string) {
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PacketListPage(page).expectVisible();
  await editScore(page, points);
}

async function editScore(page: Page, points: string) {
  await page.goto(sheetUrl);
  const inputs = page.locator('form input.points');
  await expect(inputs.first().or(page.getByRole('heading', { name: /PIN/ }))).toBeVisible();
  if (!(await inputs.first().isVisible())) await unlockWithPin(page);
  await inputs.first().fill(points);
  await expect(page.getByTestId('save-state')).toHaveText(/^已保存/);
}

/** Decrypts an archive the page handed to "main", in Node with the app's own reader. */
async function decrypt(file: BridgeRecord['files'][number], passphrase = PASSPHRASE) {
  const read = await readRoundBackup(Buffer.from(file.base64, 'base64'), passphrase, {
    crypto: globalThis.crypto as unknown as BackupCrypto,
  });
  if (!read.ok) throw new Error(`${file.name}: ${read.message}`);
  return read;
}

const draftOf = (read: Awaited<ReturnType<typeof decrypt>>) =>
  read.content.tables
    .find((t) => t.name === 'sheets')!
    .rows.find((row) => row.packetId === packet.id && row.expertId === expert.id);

test('closing backs up a changed round with the session passphrase, and an unchanged one not again', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await installDesktopBridge(page);
  await demoWithScore(page, '8');

  const backup = new BackupPage(page);
  await backup.open();
  const auto = new AutoBackupSection(page);
  await expect(auto.section.getByTestId('auto-backup-folder')).toHaveText(
    '尚未选择备份文件夹，关闭时不会自动备份。',
  );
  await auto.chooseFolder();
  await auto.setPassphrase(PASSPHRASE, 'something else');
  await expect(auto.section.getByRole('alert')).toHaveText('两次输入的口令不一致');
  await auto.setPassphrase('short');
  await expect(auto.section.getByRole('alert')).toHaveText('口令至少需要 8 个字符');
  await auto.setPassphrase(PASSPHRASE);
  await expect(auto.section.getByTestId('auto-backup-passphrase')).toContainText('已设置');

  // Main asks; the page acknowledges at once, writes the round, and lets main close.
  await bridge.requestClose(page);
  await bridge.closedTimes(page, 1);
  let record = await bridge.record(page);
  expect(record.files).toHaveLength(1);
  const [archive] = record.files;
  expect(archive!.name).toMatch(new RegExp(`^${demo.round.id}-\\d{8}-\\d{6}\\.rdbackup$`));
  expect(isAutoBackupName(archive!.name)).toBe(true);
  expect(record.calls).toEqual(['close', 'closeAck', `write ${archive!.name}`, 'closeNow']);
  const read = await decrypt(archive!);
  expect(read.header.roundId).toBe(demo.round.id);
  expect(read.header.generator).toBe('review-desk e2e');
  expect(draftOf(read)?.inputs).toMatchObject({ [criterion]: '8' });
  await expect(auto.dialog).toHaveCount(0);
  await expect(auto.section.getByTestId('auto-backup-latest')).toContainText(
    `${demo.round.title}：`,
  );
  await expect(auto.section.getByTestId('auto-backup-latest')).toContainText(
    `${FOLDER}/${archive!.name}`,
  );

  // Nothing changed: the next close writes nothing and closes at once.
  await bridge.requestClose(page);
  await bridge.closedTimes(page, 2);
  record = await bridge.record(page);
  expect(record.files).toHaveLength(1);
  expect(record.calls.slice(4)).toEqual(['close', 'closeAck', 'closeNow']);

  // A new score: the round is backed up again, with the new value.
  await editScore(page, '9');
  await bridge.requestClose(page);
  await bridge.closedTimes(page, 3);
  record = await bridge.record(page);
  expect(record.files).toHaveLength(2);
  const again = await decrypt(record.files[1]!);
  expect(draftOf(again)?.inputs).toMatchObject({ [criterion]: '9' });
});

test('without a session passphrase closing asks for it: Escape keeps the app open, 跳过 closes without a backup, Enter backs up', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await installDesktopBridge(page);
  await demoWithScore(page, '7');
  const backup = new BackupPage(page);
  await backup.open();
  const auto = new AutoBackupSection(page);
  await auto.chooseFolder();

  // Escape: the close is cancelled, main is told, the app stays usable.
  await bridge.requestClose(page);
  await expect(auto.dialog).toBeVisible();
  await expect(auto.dialog).toContainText('有 1 轮评审自上次自动备份后有改动');
  await expect(auto.dialog.getByLabel('备份口令（至少 8 个字符）')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(auto.dialog).toHaveCount(0);
  let record = await bridge.record(page);
  expect(record.calls).toEqual(['close', 'closeAck', 'closeCancel']);

  // 跳过，直接退出: closes without writing anything.
  await bridge.requestClose(page);
  await expect(auto.dialog).toBeVisible();
  await auto.dialog.getByRole('button', { name: '跳过，直接退出' }).click();
  await bridge.closedTimes(page, 1);
  record = await bridge.record(page);
  expect(record.files).toEqual([]);
  expect(record.calls.filter((c) => c.startsWith('write'))).toEqual([]);
  await expect(auto.dialog).toHaveCount(0);

  // The passphrase typed in the dialog (Enter submits) encrypts the backup and stays for the run.
  await bridge.requestClose(page);
  await AutoBackupSection.enterPassphrase(
    auto.dialog.getByRole('form', { name: '关闭前自动备份' }),
    PASSPHRASE,
  );
  await bridge.closedTimes(page, 2);
  record = await bridge.record(page);
  expect(record.files).toHaveLength(1);
  await decrypt(record.files[0]!);
  await expect(auto.section.getByTestId('auto-backup-passphrase')).toContainText('已设置');
});

test('a failed write says what and where, and 重试 writes it; 不备份，直接退出 closes without it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await installDesktopBridge(page);
  await demoWithScore(page, '6');
  const backup = new BackupPage(page);
  await backup.open();
  const auto = new AutoBackupSection(page);
  await auto.chooseFolder();
  await auto.setPassphrase(PASSPHRASE);

  const missing = `自动备份文件夹“${FOLDER}”不存在或无法打开（U 盘或网络盘是否已断开？）。请接上它，或在“备份与恢复”页重新选择文件夹，然后重试。`;
  await bridge.failNextWrite(page, missing);
  await bridge.requestClose(page);
  await expect(auto.dialog.getByRole('alert')).toHaveText(
    `自动备份评审“${demo.round.title}”失败：${missing}`,
  );
  await expect(auto.dialog.getByRole('button', { name: '重试' })).toBeFocused();
  expect((await bridge.record(page)).calls).not.toContain('closeNow');
  await auto.dialog.getByRole('button', { name: '重试' }).click();
  await bridge.closedTimes(page, 1);
  expect((await bridge.record(page)).files).toHaveLength(1);

  await editScore(page, '5');
  await bridge.failNextWrite(page, missing);
  await bridge.requestClose(page);
  await expect(auto.dialog.getByRole('alert')).toBeVisible();
  await auto.dialog.getByRole('button', { name: '不备份，直接退出' }).click();
  await bridge.closedTimes(page, 2);
  expect((await bridge.record(page)).files).toHaveLength(1);
});

test('the web build has no automatic backup and says it is desktop-only', async ({ page }) => {
  const backup = new BackupPage(page);
  await backup.open();
  const auto = new AutoBackupSection(page);
  await expect(auto.section.getByTestId('auto-backup-desktop-only')).toHaveText(
    '自动备份只在桌面版中可用：浏览器无法在关闭页面时写入文件。请用上面的“备份本轮”手动备份。',
  );
  await expect(auto.section.getByRole('button')).toHaveCount(0);
  expect(await page.evaluate(() => 'reviewDesk' in window)).toBe(false);
});
