import { expect, test } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { allCriteria } from '@shared/rubric/points';
import { HomePage } from './pages/HomePage';
import { ChairPage, PanelPage } from './pages/PanelPages';
import { PacketListPage } from './pages/PacketListPage';
import { ExpertSheetsPage, ScoringSheet } from './pages/ScoringPages';

const demo = buildDemoRound();
const criteria = allCriteria(demo.round.rubric);
const [expert, , , , chair] = demo.round.experts;
const [scored, conflicted] = demo.packets;

test('回避 hides a packet from the expert; the chair returns a sheet and the expert resubmits it', async ({
  page,
}, testInfo) => {
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();

  // The secretariat names the chair.
  const panel = new PanelPage(page);
  await panel.open();
  await panel.setRole(chair!.name, '专家组组长');

  // The expert unlocks with a new PIN and declares a conflict on one packet.
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert!.name, '2580');
  await sheets.declareConflict(conflicted!.id, '本人近两年曾在申报单位任职');
  const conflictRow = sheets.row(conflicted!.id);
  await expect(conflictRow.getByRole('link')).toHaveCount(0);
  // Titles may name the applicant; the applicant and group columns stay empty.
  await expect(conflictRow.locator('td').nth(2)).toHaveText('');
  await expect(conflictRow.locator('td').nth(3)).toHaveText('');
  await expect(sheets.progress).toContainText('回避 1');

  // Even by its address the conflicted sheet shows nothing but the title and the reason.
  await page.goto(`/#/rounds/${demo.round.id}/experts/${expert!.id}/sheets/${conflicted!.id}`);
  await expect(
    page.getByText('您已申报回避该项目（理由：本人近两年曾在申报单位任职）'),
  ).toBeVisible();
  await expect(page.getByRole('form', { name: '评分表' })).toHaveCount(0);
  for (const value of Object.values(conflicted!.fields))
    await expect(page.getByText(value, { exact: true })).toHaveCount(0);
  await expect(page.getByText(conflicted!.attachments[0]!.name)).toHaveCount(0);

  // A full sheet by keyboard, submitted.
  await page.goto(`/#/rounds/${demo.round.id}/experts/${expert!.id}`);
  await sheets.openSheet(scored!.id);
  const sheet = new ScoringSheet(page);
  await sheet.typePoints(criteria.map(() => '8'));
  await sheet.submitWithKeyboard();
  await sheet.expectSubmitted();
  await page.getByRole('link', { name: /返回我的评分表/ }).click();
  await sheets.lockAndSwitch();

  // The chair, with their own PIN, returns it with a reason; no points are shown to the chair.
  const chairPage = new ChairPage(page);
  await chairPage.open('1357');
  const row = chairPage.row(scored!.id, expert!.id);
  await expect(row).toContainText(expert!.name);
  await expect(row).not.toContainText(String(8 * criteria.length));
  await chairPage.returnSheet(scored!.id, expert!.id, '第一项评分偏低，请对照材料复核');

  // The expert must unlock again (the chair held the session), sees the reason, revises and resubmits.
  await page.getByRole('navigation').getByRole('link', { name: '专家评分' }).click();
  await sheets.pickExpert(expert!.name, '2580');
  await expect(sheets.row(scored!.id)).toContainText('已退回');
  await sheets.openSheet(scored!.id);
  await expect(page.getByTestId('sheet-returned')).toContainText('第一项评分偏低，请对照材料复核');
  await sheet.points.first().fill('9');
  await expect(sheet.total).toHaveText(String(8 * (criteria.length - 1) + 9));
  await sheet.expectSaved();
  await sheet.submitWithButton();
  await expect(page.getByTestId('sheet-submitted')).toContainText('第 2 版');

  // The secretariat's matrix reflects all of it, statuses only.
  await panel.open();
  await expect(panel.cell(expert!.id, scored!.id)).toHaveText('✓');
  await expect(panel.cell(expert!.id, conflicted!.id)).toHaveText('回');
  await expect(panel.counts).toContainText('已提交 1');
  await expect(panel.counts).toContainText('回避 1');
  await expect(page.getByTestId('conflict-list')).toContainText('本人近两年曾在申报单位任职');
  await expect(page.getByTestId('audit-check')).toContainText('校验链完整');
  await page.screenshot({ path: testInfo.outputPath('panel.png'), fullPage: true });
});

test('a wrong PIN is refused and counted', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert!.name, '2580');
  await sheets.lockAndSwitch();
  await page.getByRole('link', { name: new RegExp(`^${expert!.name}`) }).click();
  await page.getByLabel('PIN', { exact: true }).fill('0852');
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page.getByRole('alert')).toHaveText('PIN 不正确，还可尝试 4 次');
  await expect(page.getByRole('heading', { name: `${expert!.name} 的评分表` })).toHaveCount(0);
});
