import { expect, test, type Page } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { allCriteria } from '@shared/rubric/points';
import { HomePage } from './pages/HomePage';
import { ChairPage, PanelPage } from './pages/PanelPages';
import { PacketListPage } from './pages/PacketListPage';
import { ResultsPage } from './pages/ResultsPages';
import { ExpertSheetsPage, ScoringSheet } from './pages/ScoringPages';
import {
  CheckInPage,
  DEMO_PASSPHRASE,
  secretariatPrompt,
  unlockSecretariat,
} from './pages/SecretariatPages';

const demo = buildDemoRound();
const roundId = demo.round.id;
const criteria = allCriteria(demo.round.rubric);
const [expert, , , , chair] = demo.round.experts;
const CHAIR_PIN = '1357';

/** None of the secretariat's controls is on the page: only its passphrase prompt. */
async function expectNoSecretariatControls(page: Page) {
  await expect(secretariatPrompt(page).first()).toBeVisible();
  await expect(page.getByLabel(/ 角色$/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '重置 PIN' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '保存分配' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^从公钥文件登记/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^登记本机密钥/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^签到 / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入评分文件' })).toHaveCount(0);
}

test('without the secretariat passphrase nobody appoints a chair, resets a PIN, changes assignments or registers a key', async ({
  page,
}, testInfo) => {
  const home = new HomePage(page);
  await home.open();
  await page.getByRole('button', { name: '载入示例评审' }).click();
  // The demo says its passphrase and that its experts are checked in, before the round opens.
  const notice = page.getByRole('status', { name: '示例评审已载入' });
  await expect(notice).toContainText(`示例评审的秘书处口令是「${DEMO_PASSPHRASE}」`);
  await expect(notice).toContainText('示例专家已完成签到');
  await page.screenshot({ path: testInfo.outputPath('demo-loaded.png') });
  await notice.getByRole('link', { name: '打开示例评审' }).click();

  // An expert sets a PIN, so there is one to reset.
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert!.name);
  await sheets.lockAndSwitch();

  // From the menu, and by address: the passphrase prompt and nothing else.
  await page.getByRole('navigation').getByRole('link', { name: '评审组' }).click();
  await expectNoSecretariatControls(page);
  await page.screenshot({ path: testInfo.outputPath('panel-locked.png') });
  for (const section of ['panel', 'check-in', 'exchange']) {
    await page.goto(`/#/rounds/${roundId}/${section}`);
    await expectNoSecretariatControls(page);
  }

  // A wrong passphrase is refused and counted.
  await page.goto(`/#/rounds/${roundId}/panel`);
  const prompt = page.getByRole('form', { name: '输入秘书处口令' });
  await prompt.getByLabel('秘书处口令').fill('不是这个口令');
  await prompt.getByRole('button', { name: '解锁秘书处' }).click();
  await expect(prompt.getByRole('alert')).toHaveText('口令不正确，还可尝试 4 次');
  await expect(page.getByLabel(`${chair!.name} 角色`)).toHaveCount(0);

  // The right one opens the page; a reload starts locked again (sessions live in memory only).
  await unlockSecretariat(page);
  await expect(page.getByLabel(`${chair!.name} 角色`)).toBeVisible();
  await expect(page.getByRole('button', { name: '重置 PIN' })).toHaveCount(1);
  await page.reload();
  await expectNoSecretariatControls(page);

  // 锁定 in the header ends the session at once.
  await unlockSecretariat(page);
  await expect(page.getByLabel(`${chair!.name} 角色`)).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: '锁定' }).click();
  await expectNoSecretariatControls(page);

  // Without a chair appointed, the results say the secretariat names one.
  await page.getByRole('navigation').getByRole('link', { name: '结果汇总' }).click();
  await expect(page.getByText(/尚未指定专家组组长|请秘书处/).first()).toBeVisible();
});

test('an expert not checked in on this laptop cannot set a PIN until the secretariat checks them in', async ({
  page,
}, testInfo) => {
  const passphrase = '本机秘书处口令-2026';
  const home = new HomePage(page);
  await home.open();
  // This laptop's secretariat already has a passphrase: the demo then checks nobody in.
  await page.getByRole('link', { name: '备份与恢复' }).click();
  const setForm = page.getByRole('form', { name: '设置秘书处口令' });
  await expect(setForm).toContainText('口令无法找回');
  await setForm.getByLabel('秘书处口令').fill('短口令');
  await setForm.getByLabel('再次输入口令').fill('短口令');
  await setForm.getByRole('button', { name: '设置口令' }).click();
  await expect(setForm.getByRole('alert')).toBeVisible();
  await unlockSecretariat(page, passphrase);
  await page.getByRole('banner').getByRole('button', { name: '锁定' }).click();

  await page.getByRole('link', { name: '评审台' }).click();
  await home.loadDemo();
  await new PacketListPage(page).goToScoring();
  await page.getByRole('link', { name: new RegExp(`^${expert!.name}`) }).click();
  await expect(page.getByRole('alert')).toContainText(`${expert!.name}尚未签到`);
  await expect(page.getByLabel('新 PIN（4–8 位数字）')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('pin-not-checked-in.png') });

  // The secretariat checks the expert in; then the expert chooses a PIN.
  const checkIn = new CheckInPage(page);
  await checkIn.open(passphrase);
  await expect(checkIn.row(expert!.id)).toContainText('未登记');
  await checkIn.checkIn(expert!.name);
  await expect(checkIn.row(expert!.id)).toContainText('已签到');
  await page.screenshot({ path: testInfo.outputPath('check-in.png') });
  await new PacketListPage(page).goToScoring();
  await new ExpertSheetsPage(page).pickExpert(expert!.name);
});

test('a chair appointed by the secretariat sees results; a reset PIN must be changed; the audit log names who acted', async ({
  page,
}, testInfo) => {
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  const panel = new PanelPage(page);
  await panel.open();
  await panel.setRole(chair!.name, '专家组组长');

  // The expert scores and submits one sheet.
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert!.name);
  const packet = demo.packets[0]!;
  await sheets.openSheet(packet.id);
  const sheet = new ScoringSheet(page);
  await sheet.typePoints(criteria.map(() => '8'));
  await sheet.submitWithKeyboard();
  await sheet.expectSubmitted();
  await page.getByRole('link', { name: /返回我的评分表/ }).click();
  await sheets.lockAndSwitch();

  // The chair, with their own PIN, sees the results, and returns the sheet.
  const results = new ResultsPage(page);
  await results.open(CHAIR_PIN);
  await expect(results.progress).toBeVisible();
  await expect(results.row(packet.id)).toBeVisible();
  // Still unlocked as the chair: the chair's page opens without asking again.
  await page.getByRole('navigation').getByRole('link', { name: '组长' }).click();
  await expect(page.getByRole('heading', { name: '组长审核' })).toBeVisible();
  await new ChairPage(page).returnSheet(packet.id, expert!.id, '请复核第一项');

  // The secretariat resets the expert's forgotten PIN to a temporary one.
  await panel.open();
  const row = page.getByRole('row', { name: new RegExp(expert!.id) });
  await row.getByRole('button', { name: '重置 PIN' }).click();
  await row.getByLabel('临时 PIN（4–8 位数字，当面告知专家）').fill('3907');
  await row.getByRole('button', { name: '设置临时 PIN' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已为' })).toContainText('临时 PIN');
  await page.screenshot({ path: testInfo.outputPath('pin-reset.png') });

  // The temporary PIN only lets the expert choose a new one.
  await new PacketListPage(page).goToScoring();
  await page.getByRole('link', { name: new RegExp(`^${expert!.name}`) }).click();
  await page.getByLabel('PIN', { exact: true }).fill('3907');
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page.getByRole('heading', { name: 'PIN 已被重置：请设置新 PIN' })).toBeVisible();
  await page.getByLabel('新 PIN（4–8 位数字）').fill('3907');
  await page.getByLabel('再次输入 PIN').fill('3907');
  await page.getByRole('button', { name: '设置新 PIN 并进入' }).click();
  await expect(page.getByRole('alert')).toContainText('临时 PIN');
  await page.getByLabel('新 PIN（4–8 位数字）').fill('2468');
  await page.getByLabel('再次输入 PIN').fill('2468');
  await page.getByRole('button', { name: '设置新 PIN 并进入' }).click();
  await expect(page.getByRole('heading', { name: `${expert!.name} 的评分表` })).toBeVisible();
  await expect(sheets.row(packet.id)).toContainText('已退回');
  await sheets.lockAndSwitch();

  // The audit log names the secretariat, the expert and the chair, each by one spelling.
  await panel.open();
  const audit = page.getByTestId('audit-log');
  const expertLabel = `${expert!.name}（${expert!.id}）`;
  const chairLabel = `组长 ${chair!.name}（${chair!.id}）`;
  await expect(audit.locator('tr', { hasText: '设置了临时 PIN' })).toContainText('秘书处');
  await expect(audit.locator('tr', { hasText: '以临时 PIN 解锁后设置新 PIN' })).toContainText(
    expertLabel,
  );
  await expect(audit.getByRole('cell', { name: expertLabel, exact: true }).first()).toBeVisible();
  await expect(audit.getByRole('cell', { name: chairLabel, exact: true }).first()).toBeVisible();
  await expect(audit.getByRole('cell', { name: '秘书', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('audit-check')).toContainText('校验链完整');
  await page.screenshot({ path: testInfo.outputPath('audit.png'), fullPage: true });
});
