import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { BAD_SIGNATURE_MESSAGE } from '@shared/formats/scoreFile';
import { allCriteria } from '@shared/rubric/points';
import { ExchangePage, ExportScoreFile } from './pages/ExchangePages';
import { KeysPage } from './pages/ExportPages';
import { HomePage } from './pages/HomePage';
import { ChairPage, PanelPage } from './pages/PanelPages';
import { PacketListPage } from './pages/PacketListPage';
import { ExpertSheetsPage, ScoringSheet } from './pages/ScoringPages';
import { CheckInPage } from './pages/SecretariatPages';

const demo = buildDemoRound();
const criteria = allCriteria(demo.round.rubric);
const expert = demo.round.experts[0]!;
const packet = demo.packets[0]!;
const expertCount = demo.round.experts.length;

/** On the expert's laptop: score every criterion of `packet` with `points` and submit. */
async function scoreAndSubmit(page: Page, points: string, onPacket = packet) {
  const sheets = new ExpertSheetsPage(page);
  await sheets.openSheet(onPacket.id);
  const sheet = new ScoringSheet(page);
  await expect(sheet.points).toHaveCount(criteria.length);
  await sheet.typePoints(criteria.map(() => points));
  await sheet.submitWithKeyboard();
  await sheet.expectSubmitted();
  await page.getByRole('link', { name: /返回我的评分表/ }).click();
  await expect(sheets.row(onPacket.id)).toContainText('已提交');
}

/**
 * On the expert's laptop: 签名密钥 → 导出我的公钥, the file the secretariat registers at 签到.
 * Returns the fingerprint the expert reads aloud from their screen.
 */
async function exportPublicKey(page: Page, path: string): Promise<string> {
  const keys = new KeysPage(page);
  await keys.open();
  await keys.ensureKey();
  return keys.exportMyKey(expert, path);
}

test('a score file exported on an expert’s laptop imports once on the secretariat’s; a tampered copy is refused', async ({
  browser,
}, testInfo) => {
  // The expert's laptop: score one sheet, submit it, export the signed score file.
  const expertLaptop = await browser.newContext({ acceptDownloads: true });
  const page = await expertLaptop.newPage();
  await new HomePage(page).open();
  await new HomePage(page).loadDemo();
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert.name);
  const exporter = new ExportScoreFile(page);
  await expect(exporter.button).toBeDisabled();
  await scoreAndSubmit(page, '8');

  const filePath = testInfo.outputPath('expert-laptop', `${expert.id}.scores.json`);
  const download = await exporter.exportTo(filePath);
  expect(download.suggestedFilename()).toBe(`${expert.id}.scores.json`);
  await expect(exporter.outcome).toContainText('已导出 1 张评分表');
  const fingerprint = await exporter.fingerprint();
  const exported = JSON.parse(await readFile(filePath, 'utf8'));
  expect(exported).toMatchObject({
    format: 'review-desk/scores@1',
    roundId: demo.round.id,
    expert: { id: expert.id, name: expert.name },
    sheets: [{ packetId: packet.id, status: 'submitted', revision: 1 }],
  });
  const keyPath = testInfo.outputPath('expert-laptop', `${expert.id}.public-key.json`);
  expect(await exportPublicKey(page, keyPath)).toBe(fingerprint);
  await page.screenshot({ path: testInfo.outputPath('keys-export-mine.png') });
  await expertLaptop.close();

  // The secretariat's laptop: a fresh profile with the same round.
  const office = await browser.newContext();
  const desk = await office.newPage();
  await new HomePage(desk).open();
  await new HomePage(desk).expectEmpty();
  await new HomePage(desk).loadDemo();
  const list = new PacketListPage(desk);
  await expect(list.progressOf(packet.id)).toHaveText(`0 / ${expertCount}`);

  const exchange = new ExchangePage(desk);
  await exchange.open();
  await expect(desk.getByText('尚未登记任何专家的签名密钥')).toBeVisible();
  // No key registered for the expert yet: refused, saying how to register it.
  await exchange.importFiles([filePath]);
  const unregistered = exchange.report(`${expert.id}.scores.json`);
  await expect(unregistered).toHaveAttribute('data-outcome', 'refused');
  await expect(unregistered.getByRole('alert')).toContainText('尚未登记签名公钥');
  await expect(unregistered.getByRole('alert')).toContainText(fingerprint);
  await expect(desk.getByRole('link', { name: '前往签到登记公钥' })).toBeVisible();

  // 签到: the key file beside the fingerprint the expert reads aloud; registered when they match.
  const checkIn = new CheckInPage(desk);
  await checkIn.open();
  expect(await checkIn.registerFromFile(expert.name, keyPath, fingerprint)).toBe(fingerprint);
  await expect(checkIn.row(expert.id)).toContainText(fingerprint);

  await exchange.open();
  await exchange.importFiles([filePath]);
  const first = exchange.report(`${expert.id}.scores.json`);
  await expect(first).toHaveCount(1);
  await expect(first.getByTestId('import-counts')).toContainText('新增 1 · 更新 0 · 相同 0');
  await expect(first).toContainText(`${expert.name}（${expert.id}）· 签名密钥 ${fingerprint}`);
  await expect(exchange.keys).toContainText(fingerprint);
  await expect(exchange.keys).toContainText(expert.name);
  await desk.screenshot({ path: testInfo.outputPath('exchange-imported.png'), fullPage: true });

  await desk.getByRole('navigation').getByRole('link', { name: '项目列表' }).click();
  await expect(list.progressOf(packet.id)).toHaveText(`1 / ${expertCount}`);

  // The same file again changes nothing.
  await exchange.open();
  await exchange.importFiles([filePath]);
  const again = exchange.report(`${expert.id}.scores.json`);
  await expect(again.getByTestId('import-counts')).toContainText('新增 0 · 更新 0 · 相同 1');

  // A copy with one score edited after signing is refused, with the signature message.
  exported.sheets[0].scores[criteria[0]!.id] = criteria[0]!.max;
  const tamperedPath = testInfo.outputPath('tampered', `${expert.id}.scores.json`);
  await mkdir(dirname(tamperedPath), { recursive: true });
  await writeFile(tamperedPath, JSON.stringify(exported, null, 1));
  await exchange.importFiles([tamperedPath]);
  const refused = exchange.report(`${expert.id}.scores.json`);
  await expect(refused).toHaveAttribute('data-outcome', 'refused');
  await expect(refused.getByRole('alert')).toContainText(BAD_SIGNATURE_MESSAGE);
  await expect(exchange.conflicts).toHaveCount(0);

  await desk.getByRole('navigation').getByRole('link', { name: '项目列表' }).click();
  await expect(list.progressOf(packet.id)).toHaveText(`1 / ${expertCount}`);
  await office.close();
});

test('two different sheets of the same revision become a conflict that is settled on screen with a reason', async ({
  browser,
}, testInfo) => {
  // The expert's laptop, whose review data is reset between two submissions: the device key
  // (kept apart from the review data) signs both files, each holding its own revision 1.
  const expertLaptop = await browser.newContext({ acceptDownloads: true });
  const page = await expertLaptop.newPage();
  const paths: string[] = [];
  const keyPath = testInfo.outputPath('expert-laptop', `${expert.id}.public-key.json`);
  let fingerprint = '';
  for (const points of ['8', '9']) {
    await new HomePage(page).open();
    await new HomePage(page).loadDemo();
    await new PacketListPage(page).goToScoring();
    await new ExpertSheetsPage(page).pickExpert(expert.name);
    await scoreAndSubmit(page, points);
    const path = testInfo.outputPath(`points-${points}`, `${expert.id}.scores.json`);
    await new ExportScoreFile(page).exportTo(path);
    paths.push(path);
    // The device key is kept apart from the review data: one public-key file serves both.
    if (!fingerprint) fingerprint = await exportPublicKey(page, keyPath);
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          sessionStorage.clear();
          const request = indexedDB.deleteDatabase('review-desk');
          request.onsuccess = request.onerror = () => resolve(null);
        }),
    );
  }
  await expertLaptop.close();

  const office = await browser.newContext();
  const desk = await office.newPage();
  await new HomePage(desk).open();
  await new HomePage(desk).loadDemo();
  const checkIn = new CheckInPage(desk);
  await checkIn.open();
  await checkIn.registerFromFile(expert.name, keyPath, fingerprint);
  const exchange = new ExchangePage(desk);
  await exchange.open();
  await exchange.importFiles(paths);
  await expect(exchange.reports).toHaveCount(2);
  await expect(exchange.reports.nth(0).getByTestId('import-counts')).toContainText('新增 1');
  await expect(exchange.reports.nth(1).getByTestId('import-counts')).toContainText('冲突 1');
  await expect(exchange.reports.nth(1)).toContainText('与本机同一版本但内容不同，待组长处理');

  // The secretariat sees that a conflict waits; the chair, behind their PIN, settles it.
  await expect(desk.getByTestId('open-conflicts')).toContainText('有 1 项评分冲突');
  const panel = new PanelPage(desk);
  await panel.open();
  await panel.setRole(demo.round.experts[4]!.name, '专家组组长');
  await new ChairPage(desk).open('1357');
  const conflict = exchange.conflicts;
  await expect(conflict).toHaveCount(1);
  const total = (points: number) => String(points * criteria.length);
  await expect(conflict).toContainText(`已提交 · 第 1 版 · 总分 ${total(8)}`);
  await expect(conflict).toContainText(`已提交 · 第 1 版 · 总分 ${total(9)}`);
  await desk.screenshot({ path: testInfo.outputPath('exchange-conflict.png'), fullPage: true });
  const take = conflict.getByRole('button', { name: '采用新评分' });
  await expect(take).toBeDisabled();
  await conflict.getByLabel(/处理理由/).fill('专家当面确认以第二次提交为准');
  await take.click();
  await expect(exchange.conflicts).toHaveCount(0);
  await expect(desk.getByText('没有待处理的冲突')).toBeVisible();
  await exchange.open();

  // The file taken is now what the secretariat holds: importing it again changes nothing.
  await exchange.importFiles([paths[1]!]);
  await expect(exchange.reports.first().getByTestId('import-counts')).toContainText('相同 1');
  await office.close();
});

test('a score file signed by a key not registered for its expert is refused with both fingerprints; registering that key behind the passphrase accepts it', async ({
  browser,
}, testInfo) => {
  // Two laptops, two device keys: the expert scored on the first, then moved to a second.
  const laptops: { scores: string; key: string; fingerprint: string }[] = [];
  for (const [name, onPacket] of [
    ['old-laptop', packet],
    ['new-laptop', demo.packets[1]!],
  ] as const) {
    const laptop = await browser.newContext({ acceptDownloads: true });
    const page = await laptop.newPage();
    await new HomePage(page).open();
    await new HomePage(page).loadDemo();
    await new PacketListPage(page).goToScoring();
    await new ExpertSheetsPage(page).pickExpert(expert.name);
    await scoreAndSubmit(page, '8', onPacket);
    const scores = testInfo.outputPath(name, `${expert.id}.scores.json`);
    await new ExportScoreFile(page).exportTo(scores);
    const key = testInfo.outputPath(name, `${expert.id}.public-key.json`);
    laptops.push({ scores, key, fingerprint: await exportPublicKey(page, key) });
    await laptop.close();
  }
  const [old, replacement] = laptops as [(typeof laptops)[0], (typeof laptops)[0]];
  expect(old.fingerprint).not.toBe(replacement.fingerprint);

  // The secretariat registered the first laptop's key at 签到; its file imports.
  const office = await browser.newContext();
  const desk = await office.newPage();
  await new HomePage(desk).open();
  await new HomePage(desk).loadDemo();
  const checkIn = new CheckInPage(desk);
  await checkIn.open();
  await checkIn.registerFromFile(expert.name, old.key, old.fingerprint);
  const exchange = new ExchangePage(desk);
  await exchange.open();
  await exchange.importFiles([old.scores]);
  await expect(exchange.reports.first().getByTestId('import-counts')).toContainText('新增 1');

  // The second laptop's file: refused, naming the expert and both fingerprints.
  await exchange.importFiles([replacement.scores]);
  const refused = exchange.reports.first();
  await expect(refused).toHaveAttribute('data-outcome', 'refused');
  const why = refused.getByRole('alert');
  await expect(why).toContainText(`${expert.name}（${expert.id}）`);
  await expect(why).toContainText(`已登记 ${old.fingerprint}`);
  await expect(why).toContainText(`本文件 ${replacement.fingerprint}`);
  await desk.screenshot({ path: testInfo.outputPath('exchange-refused.png'), fullPage: true });

  // Registering another key is the secretariat's: after 锁定 the page asks for the passphrase.
  await desk.getByRole('banner').getByRole('button', { name: '锁定' }).click();
  await desk.getByRole('navigation').getByRole('link', { name: '签到' }).click();
  await expect(desk.getByRole('button', { name: `从公钥文件登记 ${expert.name}` })).toHaveCount(0);
  await checkIn.open();
  // A fingerprint read aloud that differs from the file's cannot be registered.
  await desk.getByRole('button', { name: `从公钥文件登记 ${expert.name}` }).click();
  const form = desk.getByRole('form', { name: `核对${expert.name}的公钥指纹` });
  const choosing = desk.waitForEvent('filechooser');
  await form.getByRole('button', { name: '选择专家导出的公钥文件' }).click();
  await (await choosing).setFiles(replacement.key);
  await expect(form.getByTestId('file-fingerprint')).toHaveText(replacement.fingerprint);
  await form.getByLabel('专家屏幕上的指纹（由专家读出）').fill(old.fingerprint);
  await expect(form.getByRole('status')).toContainText('指纹不一致');
  await expect(form.getByRole('button', { name: '指纹一致，登记' })).toBeDisabled();
  await form.getByLabel('专家屏幕上的指纹（由专家读出）').fill(replacement.fingerprint);
  // Replacing a registered key needs a reason for the audit log.
  await expect(form.getByRole('button', { name: '指纹一致，登记' })).toBeDisabled();
  await desk.screenshot({ path: testInfo.outputPath('check-in-compare.png') });
  await form.getByLabel(/更换原因/).fill('原电脑损坏，换用备用电脑');
  await form.getByRole('button', { name: '指纹一致，登记' }).click();
  await expect(checkIn.row(expert.id)).toContainText(replacement.fingerprint);

  await exchange.open();
  await exchange.importFiles([replacement.scores]);
  const accepted = exchange.reports.first();
  await expect(accepted.getByTestId('import-counts')).toContainText('新增 1');
  await expect(accepted).toContainText(replacement.fingerprint);
  await office.close();
});
