import { expect, test, type Page } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { HomePage } from './pages/HomePage';
import { PanelPage } from './pages/PanelPages';
import { PacketListPage } from './pages/PacketListPage';
import { ExpertSheetsPage } from './pages/ScoringPages';
import { secretariatPrompt, unlockSecretariat } from './pages/SecretariatPages';

const demo = buildDemoRound();
const [expert] = demo.round.experts;
const [, conflicted] = demo.packets;
const roundId = demo.round.id;

test.use({ viewport: { width: 1366, height: 768 } });

const header = (page: Page) => page.locator('header.app-header');

async function lockSecretariat(page: Page) {
  await header(page).locator('.secretariat-status').getByRole('button', { name: '锁定' }).click();
  await expect(header(page)).not.toContainText('秘书处已解锁');
}

test('回避 both ways, title only under 回避, expert mode and the idle lock', async ({
  page,
}, testInfo) => {
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  const panel = new PanelPage(page);
  await panel.open();

  // The expert declares 回避 and, before the secretariat confirms it, withdraws it.
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert!.name, '2580');
  await sheets.declareConflict(conflicted!.id, '本人近两年曾在申报单位任职');
  await lockSecretariat(page);

  // Expert mode: the header holds only the expert's things; secretariat pages ask for the passphrase.
  const nav = page.getByTestId('expert-nav');
  await expect(nav.getByRole('link', { name: '我的评分表' })).toBeVisible();
  await expect(nav.getByRole('button', { name: '锁定' })).toBeVisible();
  for (const name of [
    '评审组',
    '签到',
    '组长',
    '评分文件汇总',
    '结果汇总',
    '备份',
    '核验工作簿',
    '项目列表',
  ])
    await expect(header(page).getByRole('link', { name })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('expert-mode-sheets.png') });
  await page.goto(`/#/rounds/${roundId}/panel`);
  await expect(secretariatPrompt(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: '评审组管理' })).toHaveCount(0);
  await page.goto('/#/backup');
  await expect(secretariatPrompt(page)).toBeVisible();

  // Under 回避 the packet shows its title only, in the list and on its page.
  await page.goto(`/#/rounds/${roundId}/packets`);
  const row = page.getByTestId(`packet-row-${conflicted!.id}`);
  await expect(row).toContainText(conflicted!.title);
  await expect(row).toContainText('已回避');
  await expect(row.getByRole('link')).toHaveCount(0);
  // The title may name the applicant; the applicant, city, group and progress cells stay empty.
  for (const cell of [2, 3, 4, 5]) await expect(row.locator('td').nth(cell)).toHaveText('');
  await page.screenshot({ path: testInfo.outputPath('title-only-list.png') });
  await page.goto(`/#/rounds/${roundId}/packets/${conflicted!.id}`);
  await expect(page.getByTestId('packet-title-only')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(conflicted!.title);
  for (const value of Object.values(conflicted!.fields))
    await expect(page.getByText(value, { exact: true })).toHaveCount(0);
  await expect(page.getByText(conflicted!.attachments[0]!.name)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('title-only-packet.png') });

  // Withdrawn: the packet is back to score, and its materials are readable again.
  await nav.getByRole('link', { name: '我的评分表' }).click();
  await sheets.row(conflicted!.id).getByRole('button', { name: '撤回回避' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已撤回回避' })).toBeVisible();
  await expect(sheets.row(conflicted!.id).getByRole('link', { name: '评分' })).toBeVisible();
  await page.goto(`/#/rounds/${roundId}/packets/${conflicted!.id}`);
  await expect(page.getByTestId('packet-title-only')).toHaveCount(0);
  await expect(page.getByText(conflicted!.attachments[0]!.name).first()).toBeVisible();

  // Declared again; the secretariat confirms it, the expert can no longer withdraw it.
  await page.goto(`/#/rounds/${roundId}/experts/${expert!.id}`);
  await sheets.declareConflict(conflicted!.id, '亲属在申报单位任职');
  await page.goto(`/#/rounds/${roundId}/panel`);
  await unlockSecretariat(page);
  const declared = page.getByTestId(`conflict-${conflicted!.id}-${expert!.id}`);
  await expect(declared).toContainText('待确认');
  await declared.getByRole('button', { name: '确认回避' }).click();
  await expect(declared).toContainText('已确认');
  await page.goto(`/#/rounds/${roundId}/experts/${expert!.id}`);
  await expect(sheets.row(conflicted!.id)).toContainText('秘书处已确认');
  await expect(sheets.row(conflicted!.id).getByRole('button', { name: '撤回回避' })).toHaveCount(0);

  // The secretariat undoes the confirmed 回避 with a required reason.
  await page.goto(`/#/rounds/${roundId}/panel`);
  await declared.getByRole('button', { name: '撤销回避' }).click();
  const undo = page.getByRole('form', { name: '撤销回避' });
  await expect(undo.getByRole('button', { name: '确认撤销' })).toBeDisabled();
  await undo.getByRole('textbox').fill('经核实，亲属已于前年离职');
  await page.screenshot({ path: testInfo.outputPath('undo-conflict.png') });
  await undo.getByRole('button', { name: '确认撤销' }).click();
  await expect(declared).toHaveCount(0);
  await expect(panel.cell(expert!.id, conflicted!.id)).not.toHaveText('回');

  // Idle lock: set to 0.1 minute, then leave the laptop alone.
  await page.goto('/#/backup');
  await page.getByLabel('无操作自动锁定（分钟）').fill('0.1');
  await page.getByRole('button', { name: '保存锁定时间' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await page.goto(`/#/rounds/${roundId}/experts/${expert!.id}`);
  await expect(page.getByRole('heading', { name: `${expert!.name} 的评分表` })).toBeVisible();
  await expect(page.getByRole('heading', { name: '请输入 PIN' })).toBeVisible({ timeout: 20_000 });
  await expect(header(page)).not.toContainText('秘书处已解锁');
  await page.screenshot({ path: testInfo.outputPath('idle-locked.png') });
});
