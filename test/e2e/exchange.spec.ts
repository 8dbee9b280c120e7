import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildDemoRound } from '../../shared/demo/demoRound';
import { BAD_SIGNATURE_MESSAGE } from '../../shared/formats/scoreFile';
import { allCriteria } from '../../shared/rubric/points';
import { ExchangePage, ExportScoreFile } from './pages/ExchangePages';
import { HomePage } from './pages/HomePage';
import { ChairPage, PanelPage } from './pages/PanelPages';
import { PacketListPage } from './pages/PacketListPage';
import { ExpertSheetsPage, ScoringSheet } from './pages/ScoringPages';

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
  await expect(desk.getByText('尚未导入任何评分文件')).toBeVisible();
  await exchange.importFiles([filePath]);
  const first = exchange.report(`${expert.id}.scores.json`);
  await expect(first).toHaveCount(1);
  await expect(first.getByTestId('import-counts')).toContainText('新增 1 · 更新 0 · 相同 0');
  await expect(first).toContainText(`${expert.name}（${expert.id}）· 签名密钥 ${fingerprint}`);
  await expect(first).toContainText('首次登记该专家的签名密钥');
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
  await expect(again).not.toContainText('首次登记');

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
  for (const points of ['8', '9']) {
    await new HomePage(page).open();
    await new HomePage(page).loadDemo();
    await new PacketListPage(page).goToScoring();
    await new ExpertSheetsPage(page).pickExpert(expert.name);
    await scoreAndSubmit(page, points);
    const path = testInfo.outputPath(`points-${points}`, `${expert.id}.scores.json`);
    await new ExportScoreFile(page).exportTo(path);
    paths.push(path);
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

test('an expert on a replacement laptop: refused until the chair releases the old key with a reason', async ({
  browser,
}, testInfo) => {
  // Two laptops, two device keys: the second replaces the first, which broke.
  const files: string[] = [];
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
    const path = testInfo.outputPath(name, `${expert.id}.scores.json`);
    await new ExportScoreFile(page).exportTo(path);
    files.push(path);
    await laptop.close();
  }

  const office = await browser.newContext();
  const desk = await office.newPage();
  await new HomePage(desk).open();
  await new HomePage(desk).loadDemo();
  const exchange = new ExchangePage(desk);
  await exchange.open();
  await exchange.importFiles([files[0]!]);
  await expect(exchange.reports.first().getByTestId('import-counts')).toContainText('新增 1');
  await exchange.importFiles([files[1]!]);
  const refused = exchange.reports.first();
  await expect(refused).toHaveAttribute('data-outcome', 'refused');
  await expect(refused.getByRole('alert')).toContainText('请专家组组长在“组长”页为其更换密钥');

  // The chair, behind the PIN, releases the old key; the reason is required and logged.
  const panel = new PanelPage(desk);
  await panel.open();
  await panel.setRole(demo.round.experts[4]!.name, '专家组组长');
  await new ChairPage(desk).open('1357');
  const row = desk.getByTestId(`expert-key-${expert.id}`);
  await row.getByRole('button', { name: '更换密钥' }).click();
  await expect(row.getByRole('button', { name: '解除旧密钥' })).toBeDisabled();
  await row.getByLabel('更换原因（将记入审计日志）').fill('原电脑损坏，换用备用电脑');
  await row.getByRole('button', { name: '解除旧密钥' }).click();
  await expect(row).toHaveCount(0);

  await exchange.open();
  await exchange.importFiles([files[1]!]);
  const accepted = exchange.reports.first();
  await expect(accepted.getByTestId('import-counts')).toContainText('新增 1');
  await expect(accepted).toContainText('首次登记该专家的签名密钥');
  await office.close();
});
