import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { HomePage } from './pages/HomePage';
import { PacketListPage } from './pages/PacketListPage';
import { PanelPage } from './pages/PanelPages';
import { PapersPages } from './pages/PapersPages';
import { ResultsPage } from './pages/ResultsPages';
import { DEFAULT_PIN, ExpertSheetsPage, ScoringSheet, unlockWithPin } from './pages/ScoringPages';

const demo = buildDemoRound();
const [e1, e2, , , chair] = demo.round.experts;
// D01 and D02: the two packets of 天府新农人 (quota 1 入选 + 1 备选): 80 and 70.
const [first, second, ...others] = demo.packets;
const EIGHTY = ['12', '8', '12', '8', '12', '8', '8', '12'];
const SEVENTY = ['10.5', '7', '10.5', '7', '10.5', '7', '7', '10.5'];
const COMMENT = '示范带动作用突出，培训条件完善（专家评语）';
const OPINION = '该基地实训条件完善、带动作用明显，专家组一致建议入选。';
const SHOTS = '/tmp/h-papers';

/** Print the current view as headless Chromium prints it, and read the text back. */
async function printedText(page: Page, name: string): Promise<string> {
  const path = `${SHOTS}/${name}.pdf`;
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
  // Without layout: table cells wrap, so a long title is compared with the spaces taken out.
  // -layout keeps a table row on one line (the points of a sheet); -raw (the order the page drew the text) keeps each
  // cell's text together (an opinion wrapped in its cell). Both, one after the other.
  return [
    execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }),
    execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }),
  ].join('\n');
}

/** The first python3 with openpyxl (a pyenv shim may shadow Debian's python3-openpyxl). */
function openpyxlPython(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import openpyxl'], { stdio: 'pipe' });
      return candidate;
    } catch {
      // no such interpreter, or no openpyxl for it: try the next
    }
  }
  throw new Error('python3 with openpyxl is needed (apt-get install python3-openpyxl)');
}

const flat = (text: string) => text.replace(/\s+/g, '');

function expectWords(text: string, words: readonly string[]) {
  for (const word of words) expect(flat(text)).toContain(flat(word));
}

test('the papers of a confirmed round: each expert’s 评分表, 专家组意见 and the 公示名单 (PDF and .xlsx)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PanelPage(page).open();
  await new PanelPage(page).setRole(chair!.name, '专家组组长');

  const sheets = new ExpertSheetsPage(page);
  const sheet = new ScoringSheet(page);
  async function score(packetId: string, values: string[], comment = '') {
    await sheets.openSheet(packetId);
    await sheet.typePoints(values);
    if (comment) await sheet.comment.fill(comment);
    await sheet.submitWithKeyboard();
    await sheet.expectSubmitted();
    await page.getByRole('link', { name: /返回我的评分表/ }).click();
  }
  await new PacketListPage(page).goToScoring();
  // 周敏 finishes her list: two sheets and 回避 on the rest, so her 评分表 can be printed.
  await sheets.pickExpert(e1!.name, DEFAULT_PIN);
  await score(first!.id, EIGHTY, COMMENT);
  await score(second!.id, SEVENTY);
  for (const packet of others) await sheets.declareConflict(packet.id, '与申报单位有合作关系');
  await sheets.lockAndSwitch();
  await sheets.pickExpert(e2!.name, DEFAULT_PIN);
  await score(first!.id, EIGHTY);
  await sheets.lockAndSwitch();

  const results = new ResultsPage(page);
  await results.open(DEFAULT_PIN);
  await expect(results.decision(first!.id)).toHaveText('建议入选');
  await expect(results.decision(second!.id)).toHaveText('建议备选');
  await expect(page.getByTestId('results-blockers')).toContainText(first!.id);

  // Before confirmation the 公示名单 is refused, saying why.
  const papers = new PapersPages(page);
  await papers.openIndex();
  await page.getByRole('link', { name: '公示名单' }).click();
  await expect(page.getByTestId('public-list-refused')).toContainText('尚未经专家组组长确认');
  await page.goBack();

  // 专家组意见: required for D01 (建议入选), optional for D02.
  await page.getByRole('link', { name: '专家组意见' }).click();
  await papers.writeOpinion(first!.id, OPINION);
  await papers.writeOpinion(second!.id, '名额所限，建议列为备选。');
  await page.screenshot({ path: `${SHOTS}/opinions-editor.png` });
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { name: '结果汇总', level: 1 })).toBeVisible();
  await results.confirm();
  await expect(results.state).toContainText('已确认 第 1 版');

  // Each expert's 评分表: 周敏 has finished; 吴志强 still has sheets to submit.
  await papers.openIndex();
  await expect(page.getByTestId(`papers-expert-${e2!.id}`)).toContainText('未提交');
  await page.getByRole('link', { name: `打开评分表：${e1!.name}` }).click();
  await expect(page.getByTestId('paper-expert')).toContainText(e1!.name);
  await expect(page.getByTestId(`paper-sheet-${first!.id}`)).toContainText('80');
  await page.screenshot({ path: `${SHOTS}/paper-expert.png` });
  const sheetText = await printedText(page, 'paper-expert');
  expect(sheetText).toContain('专家评分表');
  expect(sheetText).toContain(e1!.name);
  // Each sheet's row: the packet, its points per criterion, then the total.
  expectWords(sheetText, [first!.id, `${EIGHTY.join('')}80`, `${SEVENTY.join('')}70`]);
  expect(sheetText).toContain('专家签字');
  expect(sheetText).toContain('合计');
  expect(sheetText.replace(/\s+/g, '')).toContain(COMMENT);
  expect(sheetText).toContain('本页内容摘要');

  // 专家组意见, printed with the chair's signature line.
  await page.goBack();
  await page.getByRole('link', { name: '专家组意见' }).click();
  await expect(page.getByTestId(`opinion-row-${first!.id}`)).toContainText(OPINION);
  const opinionText = await printedText(page, 'paper-opinions');
  await page.screenshot({ path: `${SHOTS}/paper-opinions.png`, fullPage: true });
  expect(opinionText.replace(/\s+/g, '')).toContain(OPINION);
  expect(opinionText).toContain('建议入选');
  expect(opinionText).toContain('专家组组长签字');

  // 公示名单: project names and 拟入选, nothing about the experts.
  await page.goBack();
  await page.getByRole('link', { name: '公示名单' }).click();
  await expect(page.getByTestId(`public-group-${first!.group}`)).toContainText(first!.title);
  await page.screenshot({ path: `${SHOTS}/paper-public.png` });
  const publicText = await printedText(page, 'paper-public');
  expectWords(publicText, [first!.applicant.name, second!.applicant.name]);
  expect(publicText).toContain('拟入选');
  expect(publicText).toContain('拟备选');
  for (const expert of demo.round.experts) expect(publicText).not.toContain(expert.name);
  expect(publicText.replace(/\s+/g, '')).not.toContain(COMMENT);
  expect(publicText.replace(/\s+/g, '')).not.toContain(OPINION);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载公示名单（.xlsx）' }).click();
  const xlsx = `${SHOTS}/公示名单.xlsx`;
  await (await download).saveAs(xlsx);
  const forbidden = [...demo.round.experts.map((e) => e.name), COMMENT, OPINION];
  const check = execFileSync(
    openpyxlPython(),
    [
      '-c',
      `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
forbidden = json.loads(sys.argv[2])
cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
texts = [str(v) for v in cells]
bad = [t for t in texts for f in forbidden if f in t]
numbers = [v for v in cells if isinstance(v, (int, float))]
print(json.dumps({"sheets": book.sheetnames, "header": [c.value for c in book.worksheets[0][1]], "bad": bad, "texts": texts, "numbers": numbers}, ensure_ascii=False))
`,
      xlsx,
      JSON.stringify(forbidden),
    ],
    { encoding: 'utf8' },
  );
  const read = JSON.parse(check) as {
    sheets: string[];
    header: string[];
    bad: string[];
    texts: string[];
    numbers: number[];
  };
  expect(read.header).toEqual(['排名', '项目名称', '申报单位', '市(州)', '得分', '结论']);
  expect(read.bad).toEqual([]);
  expect(read.texts).toContain(first!.title);
  // The only numbers are ranks and scores: no criterion points.
  expect([...new Set(read.numbers)].sort()).toEqual([1, 2, 70, 80]);

  // An expert prints their own 评分表 after submitting, behind their own PIN.
  await page.evaluate(
    (hash) => (window.location.hash = hash),
    `#/rounds/${demo.round.id}/experts/${e1!.id}/paper`,
  );
  await unlockWithPin(page, DEFAULT_PIN);
  await expect(page.getByTestId('paper-expert')).toContainText(e1!.name);
});
