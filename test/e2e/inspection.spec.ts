/**
 * Issue #9, "Done when": a three-site 拉练 route (checklist, photo from a file, finding, inspector
 * switched by PIN, results compiled and exported) and an 评估验收 round (grades, 取消资格 with a
 * reason, the city ranking), each checked in the signed workbook the app exports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { buildEvaluationRound, buildInspectionRound } from '@shared/demo/fieldRounds';
import { makeTinyPng } from '@shared/demo/tinyFiles';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { readWorkbook, verifyResultWorkbook, type ReadBook } from '@shared/workbook';
import { ExportPanel } from './pages/ExportPages';
import { ImportPanel } from './pages/ImportPanel';
import { PacketListPage } from './pages/PacketListPage';
import { PanelPage } from './pages/PanelPages';
import { ResultsPage } from './pages/ResultsPages';
import { CheckInPage } from './pages/SecretariatPages';
import { RoutePage } from './pages/RoutePages';
import { DEFAULT_PIN, ExpertSheetsPage, ScoringSheet, unlockWithPin } from './pages/ScoringPages';

/** Rows of a sheet as the text each cell shows ('' for none), as wide as the header. */
function rows(book: ReadBook, name: string): string[][] {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const width = sheet.rows[0]?.length ?? 0;
  return sheet.rows.map((row) =>
    Array.from({ length: Math.max(width, row.length) }, (_, i) => {
      const c = row[i];
      return c === undefined ? '' : c.type === 'other' ? c.display : String(c.value);
    }),
  );
}

async function importRound(page: Page, file: string) {
  await page.goto('/');
  await new ImportPanel(page).importPackage(file);
  await new PacketListPage(page).expectVisible();
}

async function fillSheet(page: Page, values: string[], comment: string) {
  const sheet = new ScoringSheet(page);
  await sheet.typePoints(values);
  await sheet.comment.fill(comment);
  await sheet.submitWithKeyboard();
  await sheet.expectSubmitted();
}

async function exportAndVerify(page: Page, path: string): Promise<ReadBook> {
  const results = new ResultsPage(page);
  await results.confirm();
  await expect(results.state).toContainText('已确认 第 1 版');
  await new ExportPanel(page).exportTo(path);
  const bytes = new Uint8Array(readFileSync(path));
  const verified = verifyResultWorkbook(bytes);
  expect(verified.ok ? [] : verified.problems).toEqual([]);
  return readWorkbook(bytes);
}

// 拉练现场检查: 建设进度 25 · 资金到位 15 · 推进机制 15 · 要素保障 15 · 安全 10 · 成效 10 · 经验 10.
const GOOD = ['22', '13', '13', '12', '9', '8', '8']; // 85
const FAIR = ['18', '10', '11', '10', '8', '7', '6']; // 70

test('a three-site 拉练 route: checklists, a photo, a finding, inspectors switched by PIN, exported', async ({
  page,
}, testInfo) => {
  const pkg = buildInspectionRound();
  const [zhao, qian] = pkg.round.experts;
  const zip = testInfo.outputPath('inspection.zip');
  writeFileSync(zip, writeRoundPackage(pkg));
  const photo = testInfo.outputPath('现场.png');
  writeFileSync(photo, makeTinyPng(40, 30, [90, 150, 80]));

  await importRound(page, zip);
  const panel = new PanelPage(page);
  await panel.open();
  await panel.setRole(qian!.name, '专家组组长');
  // Experts imported with a package set their PIN only once the secretariat has checked them in.
  await new CheckInPage(page).checkInAll();

  // The route in visiting order; the secretariat moves S03 before S02 (stored).
  const route = new RoutePage(page);
  await route.open();
  expect(await route.order()).toEqual(['S01', 'S02', 'S03']);
  await route.moveUp('S03');
  await expect(route.stops.nth(1)).toHaveAttribute('data-testid', 'site-S03');
  await expect(route.progress).toHaveText('共 3 个点位 · 已完成 0 · 待完成 3 · 未整改问题 0 条');

  // First inspector: the checklist at stop 1 (their scoring sheet, behind their PIN).
  await route.openChecklist('S01', zhao!.id);
  await unlockWithPin(page, DEFAULT_PIN);
  await fillSheet(page, GOOD, '主体已封顶，实训设备进场');
  await route.open();
  await expect(route.inspector).toHaveText(`当前检查人：${zhao!.name}`);

  // Notes, a photo from a file, and a finding with its follow-up owner.
  await route.site('S01').getByLabel('S01 现场记录').fill('上午 9:30 到达，项目负责人陪同');
  await route.addPhotoFromFile('S01', photo);
  await expect(route.site('S01').getByRole('img', { name: '现场.png' })).toBeVisible();
  await route.recordFinding('S01', {
    severity: '较重',
    description: '实训楼消防通道堆放建材',
    owner: '德阳市技师学院 后勤处',
    due: '2026-12-31',
  });

  // The shared laptop passes to the second inspector: lock, then their own PIN.
  await route.lockAndSwitch();
  await route.openChecklist('S01', qian!.id);
  await unlockWithPin(page, DEFAULT_PIN);
  await fillSheet(page, FAIR, '资金到位偏慢');
  for (const site of ['S03', 'S02']) {
    await route.open();
    await route.openChecklist(site, qian!.id);
    await fillSheet(page, site === 'S03' ? GOOD : FAIR, '按计划推进');
  }
  await route.open();
  await expect(route.site('S01').getByTestId('site-status-S01')).toHaveText('已完成');
  await expect(route.progress).toHaveText('共 3 个点位 · 已完成 1 · 待完成 2 · 未整改问题 1 条');
  // Notes and the photo are stored, not just on screen.
  await page.reload();
  await expect(route.site('S01').getByLabel('S01 现场记录')).toHaveValue(
    '上午 9:30 到达，项目负责人陪同',
  );
  await expect(route.site('S01').getByTestId('site-photo')).toHaveCount(1);

  // The reload locked the inspector (sessions live in memory only).
  await expect(route.inspector).toHaveText('当前没有检查人解锁');

  // Results: the chair (钱芳) opens them with her PIN, confirms and exports.
  const results = new ResultsPage(page);
  await results.open(DEFAULT_PIN);
  await expect(results.score('S01')).toHaveText('77.50');
  const book = await exportAndVerify(page, testInfo.outputPath('inspection.xlsx'));
  const findings = rows(book, '问题清单');
  expect(findings[0]).toEqual([
    '序号',
    '项目编号',
    '项目名称',
    '严重程度',
    '问题描述',
    '整改责任单位/人',
    '整改期限',
    '状态',
    '记录人',
    '记录时间',
    '整改关闭时间',
  ]);
  expect(findings).toHaveLength(2);
  expect(findings[1]!.slice(0, 9)).toEqual([
    '1',
    'S01',
    pkg.packets[0]!.title,
    '较重',
    '实训楼消防通道堆放建材',
    '德阳市技师学院 后勤处',
    '2026-12-31',
    '待整改',
    // Recorded by the inspector's session: name and id, as the audit log names them.
    `${zhao!.name}（${zhao!.id}）`,
  ]);
  const summary = rows(book, '结果汇总');
  // (85 + 70) / 2 = 77.50: below 良好 (80), above the pass line.
  expect(summary.find((r) => r[1] === 'S01')!.slice(6, 9)).toEqual(['2', '77.5', '合格']);

  // The printed report carries the findings too, as the workbook renders them.
  await page.goto(`/#/rounds/${pkg.round.id}/report`);
  const printed = page.getByTestId('report-sheet-问题清单');
  await expect(printed).toContainText('实训楼消防通道堆放建材');
  await expect(printed).toContainText('德阳市技师学院 后勤处');
});

// 年度评估验收: 目标 20 · 质量 20 · 条件 10 · 管理 10 · 社会意见 20 · 抽查 15 · 舆情 5.
const EXCELLENT = ['20', '19', '10', '9', '19', '14', '5']; // 96
const PASSING = ['15', '15', '7', '8', '12', '10', '3']; // 70
const FAILING = ['10', '10', '5', '5', '10', '8', '2']; // 50

test('an 评估验收 round: grades, 取消资格 with a reason, and the city ranking in the signed workbook', async ({
  page,
}, testInfo) => {
  const pkg = buildEvaluationRound();
  const [scorer, chair] = pkg.round.experts;
  const zip = testInfo.outputPath('evaluation.zip');
  writeFileSync(zip, writeRoundPackage(pkg));

  await importRound(page, zip);
  const panel = new PanelPage(page);
  await panel.open();
  await panel.setRole(chair!.name, '专家组组长');
  await new CheckInPage(page).checkInAll();

  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(scorer!.name, DEFAULT_PIN);
  for (const [packetId, values] of [
    ['B01', EXCELLENT],
    ['B02', PASSING],
    ['B03', FAILING],
  ] as const) {
    await sheets.openSheet(packetId);
    await fillSheet(page, [...values], '依据抽查复核和社会意见');
    await page.getByRole('link', { name: /返回我的评分表/ }).click();
  }
  await sheets.lockAndSwitch();

  const results = new ResultsPage(page);
  await results.open(DEFAULT_PIN);
  await expect(results.decision('B01')).toHaveText('优秀');
  await expect(results.decision('B02')).toHaveText('合格');
  await expect(results.decision('B03')).toHaveText('不合格');

  // 取消资格: only the failed body, and only with a reason.
  const cancel = page.getByTestId('cancel-B03');
  await expect(page.getByTestId('cancel-B02')).toHaveCount(0);
  await expect(cancel.getByRole('button', { name: '标记取消资格' })).toBeDisabled();
  await cancel
    .getByLabel('B03 取消资格理由（必填）')
    .fill('年度培训目标完成不足三成，抽查复核材料不实');
  await cancel.getByRole('button', { name: '标记取消资格' }).click();
  await expect(cancel).toContainText('已标记取消资格：年度培训目标完成不足三成，抽查复核材料不实');
  await expect(page.getByTestId('adjustments')).toContainText('取消资格');

  // City ranking: 成都市 (96) first and the one 先进市(州); a bar chart by city.
  await expect(page.getByTestId('city-成都市')).toContainText('先进市(州)');
  await expect(page.getByTestId('city-chart').locator('.recharts-bar-rectangle')).toHaveCount(3);

  const book = await exportAndVerify(page, testInfo.outputPath('evaluation.xlsx'));
  const summary = rows(book, '结果汇总');
  expect(['B01', 'B02', 'B03'].map((id) => summary.find((r) => r[1] === id)![8])).toEqual([
    '优秀',
    '合格',
    '不合格',
  ]);
  const adjustments = rows(book, '动态调整');
  expect(adjustments).toHaveLength(2);
  expect(adjustments[1]!.slice(1, 8)).toEqual([
    'B03',
    pkg.packets[2]!.title,
    pkg.packets[2]!.applicant.name,
    '取消资格',
    '不合格',
    '评估不合格',
    '年度培训目标完成不足三成，抽查复核材料不实',
  ]);
  expect(adjustments[1]![9]).toBe(chair!.name);
  const ranking = rows(book, '城市排名');
  expect(ranking).toHaveLength(22);
  expect(ranking.slice(1, 4).map((r) => r.slice(0, 6))).toEqual([
    ['1', '成都市', '1', '1', '96', '先进市(州)'],
    ['2', '自贡市', '1', '1', '70', ''],
    ['3', '南充市', '1', '1', '50', ''],
  ]);
});
