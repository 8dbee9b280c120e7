import { expect, test } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { HomePage } from './pages/HomePage';
import { PacketListPage } from './pages/PacketListPage';
import { PanelPage } from './pages/PanelPages';
import { ResultsPage } from './pages/ResultsPages';
import { DEFAULT_PIN, ExpertSheetsPage, ScoringSheet } from './pages/ScoringPages';
import { SettingsPage } from './pages/SettingsPages';

const demo = buildDemoRound();
const [e1, e2, , , chair] = demo.round.experts;
const inGroup = (group: string) => demo.packets.filter((p) => p.group === group);
// 天府新农人: A and B; 天府建筑工: C and D. Every group starts with 1 入选 + 1 备选.
const [a, b] = inGroup('天府新农人');
const [c, d] = inGroup('天府建筑工');
const VETO = demo.round.rubric.vetoes[0]!.title;

// Rubric maxima 15,10,15,10,15,10,10,15 (= 100).
const SEVENTY = ['10.5', '7', '10.5', '7', '10.5', '7', '7', '10.5'];
const NINETY = ['13.5', '9', '13.5', '9', '13.5', '9', '9', '13.5'];

test('settings before scoring take effect; after the first submission a change needs a reason, is audited and shown on results; an any-veto rules out on one tick', async ({
  page,
}, testInfo) => {
  // Two pages of settings, five sheets and two visits to the results: longer than one scoring run.
  test.setTimeout(240_000);
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  const panel = new PanelPage(page);
  await panel.open();
  await panel.setRole(chair!.name, '专家组组长');

  // Before scoring: 天府建筑工 gets 2 入选 + 0 备选 and the compliance veto rules out on one tick.
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(
    page.getByRole('heading', { name: '汇总规则' }).or(page.getByText('汇总规则')).first(),
  ).toBeVisible();
  await expect(page.getByLabel('所属项目')).toHaveValue('brand-base');
  await expect(page.getByLabel('所属项目').locator('option:checked')).toHaveText(
    '技能四川公共品牌培育基地',
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('settings.png') });
  await page.screenshot({ path: testInfo.outputPath('settings-full.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 860 });
  await settings.setQuota('天府建筑工', 2, 0);
  await settings.setVetoRule(VETO, '任一专家勾选即否决');
  await expect(settings.reason).toHaveCount(0);
  await settings.save();
  await expect(settings.status).toHaveText('已保存 2 项修改');

  // A field that cannot work says what and how: a minimum above the panel's 5 experts.
  await page.getByLabel('每个项目至少有效评分数').fill('6');
  await settings.save();
  await expect(page.getByTestId('settings-min-sheets-error')).toHaveText(
    /评审组只有 5 位专家.*请填不超过 5 的数/,
  );
  await expect(page.getByLabel('每个项目至少有效评分数')).toBeFocused();
  await page.getByLabel('每个项目至少有效评分数').fill('5');

  // Scoring: 周敏 scores all four; 吴志强 scores A and ticks the veto, alone.
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  const sheet = new ScoringSheet(page);
  async function score(packetId: string, values: string[], veto = false) {
    await sheets.openSheet(packetId);
    await sheet.typePoints(values);
    if (veto) {
      await page.getByRole('checkbox', { name: VETO }).check();
      await page.getByLabel(`否决理由：${VETO}`).fill('现场核实存在违规用地');
    }
    await sheet.submitWithKeyboard();
    await sheet.expectSubmitted();
    await page.getByRole('link', { name: /返回我的评分表/ }).click();
  }
  await sheets.pickExpert(e1!.name, DEFAULT_PIN);
  await score(a!.id, SEVENTY);
  await score(b!.id, SEVENTY);
  await score(c!.id, SEVENTY);
  await score(d!.id, NINETY);
  await sheets.lockAndSwitch();
  await sheets.pickExpert(e2!.name, DEFAULT_PIN);
  await score(a!.id, SEVENTY, true);
  await sheets.lockAndSwitch();

  const results = new ResultsPage(page);
  // The decision as compiled (the cell's class); its wording on screen is the panel's 推荐意见.
  const expectDecision = (packetId: string, decision: '入选' | '备选' | '否决') =>
    expect(results.decision(packetId)).toHaveClass(`decision-${decision}`);
  await results.open(DEFAULT_PIN);
  await expectDecision(a!.id, '否决');
  const drill = await results.openDetails(a!.id);
  await expect(drill.getByTestId(`explain-${a!.id}`)).toContainText(
    `1 位专家勾选否决项“${VETO}”，按“任一专家勾选即否决”的规则，予以否决`,
  );
  await expectDecision(b!.id, '入选');
  await expectDecision(c!.id, '入选');
  await expectDecision(d!.id, '入选');
  await expect(page.getByTestId('settings-changes')).toHaveCount(0);

  // After the first submission: the change asks for a reason, is refused without one.
  await settings.open();
  await expect(page.getByTestId('settings-started')).toBeVisible();
  await settings.setQuota('天府建筑工', 1, 1);
  await expect(settings.reason).toBeVisible();
  await settings.save();
  await expect(settings.error).toContainText('有 1 处需要修改');
  await expect(page.getByTestId('settings-reason-error')).toHaveText(
    '已有专家提交评分：请写明修改的理由，例如“经主管部门同意调整名额”',
  );
  await expect(settings.reason).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('settings-reason.png'), fullPage: true });
  await settings.reason.fill('经主管部门同意，天府建筑工改为 1 个入选名额和 1 个备选名额');
  await settings.save();
  await expect(settings.status).toHaveText('已保存 1 项修改');

  // Audited, old → new with the reason.
  await panel.open();
  await expect(page.getByTestId('audit-log')).toContainText(
    '评分开始后修改：名额“天府建筑工”：2 入选 + 0 备选 → 1 入选 + 1 备选；理由：经主管部门同意',
  );

  // Results follow the settings and show the change (the chair is still unlocked).
  await page.getByRole('navigation').getByRole('link', { name: '结果汇总' }).click();
  await expectDecision(d!.id, '入选');
  await expectDecision(c!.id, '备选');
  const changes = page.getByTestId('settings-changes');
  await expect(changes).toContainText('名额“天府建筑工”：2 入选 + 0 备选 → 1 入选 + 1 备选');
  await expect(changes).toContainText('理由：经主管部门同意');
  await expect(changes).toContainText('秘书处');
  await changes.screenshot({ path: testInfo.outputPath('results-changes.png') });
});
