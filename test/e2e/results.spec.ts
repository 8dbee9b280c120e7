import { expect, test } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { allCriteria } from '@shared/rubric/points';
import { HomePage } from './pages/HomePage';
import { PanelPage } from './pages/PanelPages';
import { PacketListPage } from './pages/PacketListPage';
import { PapersPages } from './pages/PapersPages';
import { DeviationReview, ResultsPage } from './pages/ResultsPages';
import { DEFAULT_PIN, ExpertSheetsPage, ScoringSheet } from './pages/ScoringPages';

const demo = buildDemoRound();
const criteria = allCriteria(demo.round.rubric);
const [e1, e2, e3, e4, chair] = demo.round.experts;
// D01 and D02 are the two packets of group 天府新农人, quota 1 入选 + 1 备选.
const [first, second] = demo.packets;

// Rubric maxima 15,10,15,10,15,10,10,15 (= 100); deviation flag at 0.2 × 100 = 20 points.
const SEVENTY = ['10.5', '7', '10.5', '7', '10.5', '7', '7', '10.5'];
const NINETY_FIVE = ['14', '9.5', '14', '9.5', '14.5', '9.5', '9.5', '14.5'];

test('five experts submit, a deviation is confirmed in 复核, the chair settles a tie, confirms, and the round locks', async ({
  page,
}, testInfo) => {
  expect(criteria.map((c) => c.max)).toEqual([15, 10, 15, 10, 15, 10, 10, 15]);
  expect(first!.group).toBe(second!.group);
  expect(demo.round.quotas.find((q) => q.group === first!.group)).toMatchObject({
    count: 1,
    reserve: 1,
  });

  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  const panel = new PanelPage(page);
  await panel.open();
  await panel.setRole(chair!.name, '专家组组长');

  const sheets = new ExpertSheetsPage(page);
  const sheet = new ScoringSheet(page);
  async function score(packetId: string, values: string[]) {
    await sheets.openSheet(packetId);
    await sheet.typePoints(values);
    await sheet.submitWithKeyboard();
    await sheet.expectSubmitted();
    await page.getByRole('link', { name: /返回我的评分表/ }).click();
  }

  // D01: four sheets of 70 and 孙浩's 95 (25 above the others' mean of 70: flagged). Trimmed
  // mean drops 95 and one 70: 70.00. D02: one sheet of 70: 70.00. A tie across the 入选 line.
  await new PacketListPage(page).goToScoring();
  for (const [expert, packets] of [
    [e1!, [first!.id, second!.id]],
    [e2!, [first!.id]],
    [e3!, [first!.id]],
    [chair!, [first!.id]],
  ] as const) {
    await sheets.pickExpert(expert.name, DEFAULT_PIN);
    for (const packetId of packets) await score(packetId, SEVENTY);
    await sheets.lockAndSwitch();
  }

  // 孙浩 submits last; his list then asks for 复核, without showing anyone else's points.
  await sheets.pickExpert(e4!.name, DEFAULT_PIN);
  await score(first!.id, NINETY_FIVE);
  const review = new DeviationReview(page);
  await expect(review.item(first!.id)).toContainText('偏离复核');
  await expect(page.getByRole('region', { name: '偏离复核' })).toContainText('超过 20 分');
  await expect(page.getByRole('region', { name: '偏离复核' })).not.toContainText('70');
  await review.confirmOriginal(first!.id, '申报单位实训基地规模突出，维持原评分');
  await sheets.lockAndSwitch();

  // The chair opens the results with their PIN.
  const results = new ResultsPage(page);
  await results.open(DEFAULT_PIN);
  await expect(results.progress).toContainText('已提交 6 / 50 份评分');
  await expect(results.score(first!.id)).toHaveText('70.00');
  await expect(results.score(second!.id)).toHaveText('70.00');
  await expect(results.decision(first!.id)).toHaveText('待组长决定');
  await expect(results.row(first!.id)).toContainText('并列跨名额线');
  await expect(results.row(first!.id)).toContainText('去掉最高分和最低分后平均');

  const drill = await results.openDetails(first!.id);
  await expect(page.getByTestId(`drill-sheet-${first!.id}-${e4!.id}`)).toContainText('去掉最高分');
  await expect(page.getByTestId(`drill-sheet-${first!.id}-${e4!.id}`)).toContainText(
    '专家已确认原评分',
  );
  await expect(page.getByTestId(`drill-sheet-${first!.id}-${e1!.id}`)).toContainText('去掉最低分');
  await expect(drill.getByTestId(`explain-${first!.id}`)).toContainText(
    '去掉最高分 95 和最低分 70',
  );

  // Confirming is refused while the tie is open; the chair decides both packets with reasons.
  await expect(page.getByTestId('results-blockers')).toContainText(first!.id);
  await expect(page.getByRole('button', { name: '确认评审结果' })).toBeDisabled();
  await results.decideTie(first!.id, '入选', '专家组讨论：实训条件更完善');
  await results.decideTie(second!.id, '备选', '专家组讨论：名额所限，列为备选');
  // The panel recommends; the department decides.
  await expect(results.decision(first!.id)).toHaveText('建议入选');
  await expect(results.decision(second!.id)).toHaveText('建议备选');
  // A packet recommended for selection needs the panel's opinion before confirming.
  await expect(page.getByTestId('results-blockers')).toContainText('须有专家组意见');
  await new PapersPages(page).writeOpinionFromBlocker(first!.id, '实训条件完善，专家组建议入选。');

  // The advisory leniency view and the charts (SVG, printable).
  await expect(page.getByTestId('leniency-advisory')).toContainText('仅供组长参考');
  await expect(page.getByTestId('chart-spread').locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByTestId('chart-leniency').locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByTestId('chart-criteria').locator('svg.recharts-surface')).toBeVisible();

  await results.confirm();
  await expect(results.state).toContainText('已确认 第 1 版');
  await page.screenshot({ path: testInfo.outputPath('results.png'), fullPage: true });

  // After confirmation a further submission is refused with the lock message.
  await page.getByRole('navigation').getByRole('link', { name: '专家评分' }).click();
  await sheets.pickExpert(e2!.name, DEFAULT_PIN);
  await sheets.openSheet(second!.id);
  await sheet.typePoints(SEVENTY);
  await sheet.submitWithKeyboard();
  await expect(page.getByTestId('sheet-refused')).toContainText(
    '评审结果已由专家组组长确认（第 1 版）',
  );
  await expect(page.getByTestId('sheet-submitted')).toHaveCount(0);
});
