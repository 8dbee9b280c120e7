import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  OFFICE_EXPERTS,
  OFFICE_PROJECTS,
  OFFICE_TITLE,
  officeWorkbook,
} from '@shared/roster/officeRoster.fixture';
import { csv, gbkEncode } from '../fixtures/csvRoster';
import { HomePage } from './pages/HomePage';
import { KeysPage } from './pages/ExportPages';
import { PanelPage } from './pages/PanelPages';
import { CheckInPage } from './pages/SecretariatPages';

const SHOTS = '/tmp/h-roster';
const PASSPHRASE = '名单评审秘书处口令';

/**
 * The rosters as an office keeps them, written by the project's own fixture code: projects with
 * the merged title row, 序号, 所属市(州) (one written 阿坝州), 项目类别 and 联系人; the experts
 * with 姓名, 单位, 职称 and a phone number, saved by Excel on Chinese Windows as a GBK CSV.
 */
function rosterFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
  const projects = join(dir, '2024年重点项目申报汇总表.xlsx');
  writeFileSync(projects, officeWorkbook({ experts: false }));
  const experts = join(dir, '评审专家.csv');
  writeFileSync(experts, gbkEncode(csv(OFFICE_EXPERTS)));
  // The same projects with a 品牌 column, one brand mistyped (row 5: 天府技功).
  const brands = ['天府技工', '天府新农人', '川菜大师傅', '天府技功', '天府建筑工', '天府数智工匠'];
  const typo = join(dir, '品牌写错的汇总表.xlsx');
  writeFileSync(
    typo,
    officeWorkbook({
      experts: false,
      projects: OFFICE_PROJECTS.map((row, i) =>
        i === 0 ? row : [...row, i === 1 ? '品牌' : brands[i - 2]],
      ),
    }),
  );
  return { dir, projects, experts, typo };
}

async function pick(page: Page, button: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path);
}

/** Every control of the form lies inside its card (nothing sticks out at 1366×768). */
async function expectInsideCard(form: Locator) {
  const overflow = await form.evaluate((card) => {
    const edge = card.getBoundingClientRect().right;
    return [...card.querySelectorAll('button, select, input, textarea, table')]
      .map((el) => ({ tag: el.tagName, right: el.getBoundingClientRect().right }))
      .filter((el) => el.right > edge + 0.5);
  });
  expect(overflow).toEqual([]);
}

test('an office roster becomes a round: columns reported, title offered, cities filled, the 承诺书 printed', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const files = rosterFiles();
  await new HomePage(page).open();
  await page.getByRole('button', { name: '从名单创建' }).click();
  const form = page.getByRole('form', { name: '从名单创建评审' });
  await expect(form).toBeVisible();

  // A brand typo: refused at its cell with the nearest brand, and nothing can be created.
  await pick(page, '选择项目名单…', files.typo);
  await pick(page, '选择专家名单…', files.experts);
  const problems = form.getByTestId('roster-problems');
  await expect(problems).toContainText('第 6 行 品牌（G6）：“天府技功”不是五大品牌之一');
  await expect(problems).toContainText('最接近的是“天府技工”');
  await expect(form.getByRole('button', { name: '创建评审' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/roster-refused.png` });
  await expectInsideCard(form);

  // The roster as the office wrote it: every column reported before anything is created.
  await pick(page, '选择项目名单…', files.projects);
  await expect(problems).toHaveCount(0);
  await expect(form.getByRole('status')).toHaveText('6 个项目，4 位专家 · 1 列未读取');
  await expect(form.getByTestId('roster-column-申报汇总表-D')).toContainText(
    '市(州) → applicant.city',
  );
  await expect(form.getByTestId('roster-column-申报汇总表-F')).toContainText(
    '联系人 → fields.联系人',
  );
  await expect(form.getByTestId('roster-column-评审专家-C')).toContainText('职称 → title');
  const phone = form.getByTestId('roster-column-评审专家-D');
  await expect(phone).toContainText('联系电话');
  await expect(phone).toContainText('未读取：专家名单只读取姓名、单位、市(州)、职称');
  const title = form.getByLabel('评审名称');
  await expect(title).toHaveValue(OFFICE_TITLE);
  await expect(form.getByText('取自名单的标题行，可以修改')).toBeVisible();
  await expect(form.getByTestId('roster-round-id')).toHaveText(/^RS-[0-9A-F]{12}$/);
  await page.screenshot({ path: `${SHOTS}/roster-report.png`, fullPage: true });
  await expectInsideCard(form);

  // Keyboard: the title is editable, and Enter in it creates the round.
  await title.fill(`${OFFICE_TITLE}（第二批）`);
  await title.press('Enter');
  await expect(page.getByRole('heading', { name: '项目列表' })).toBeVisible();
  await expect(page.locator('.round-title')).toHaveText(`${OFFICE_TITLE}（第二批）`);
  const aba = page.locator('table.data-table tbody tr', { hasText: '阿坝州技能小镇' });
  await expect(aba).toContainText('阿坝藏族羌族自治州');
  await page.screenshot({ path: `${SHOTS}/roster-packets.png` });

  // 签到: this laptop's key registered for 吴志强, then the 承诺书 names it.
  const keys = new KeysPage(page);
  await keys.open();
  await keys.ensureKey();
  const fingerprint = ((await keys.fingerprint.textContent()) ?? '').trim();
  await page.goBack();
  const checkIn = new CheckInPage(page);
  await checkIn.open(PASSPHRASE);
  await expect(checkIn.row('E02')).toContainText('吴志强教授');
  await expect(checkIn.row('E02')).toContainText('四川建筑职业技术学院');
  await checkIn.registerThisLaptop('吴志强');
  await checkIn.checkIn('吴志强');
  await expect(page.getByText('review-desk compile')).toBeHidden();
  await page.getByText('详细信息').click();
  await expect(page.getByText(/review-desk compile --expert-keys/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/check-in.png` });

  await page.getByRole('button', { name: '打印吴志强的承诺书' }).click();
  const paper = page.getByRole('article', { name: '评审专家承诺书' });
  await expect(paper).toContainText(`${OFFICE_TITLE}（第二批）`);
  await expect(page.getByTestId('pledge-key')).toHaveText(fingerprint);
  const code = ((await page.getByTestId('pledge-code').textContent()) ?? '').trim();
  await expect(page.getByRole('img', { name: `承诺书核对码 ${code} 的二维码` })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/pledge.png`, fullPage: true });
  // The web platform's printToPdf opens the browser's print dialog (window.print): counted
  // here, and the same print view is rendered to PDF below as the dialog's 另存为 PDF would.
  await page.evaluate(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await page.getByRole('button', { name: '打印 / 保存为 PDF' }).click();
  await expect(page.getByRole('status')).toHaveText('已打印吴志强的承诺书');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // The print view as PDF (print media, A4), read back as text.
  const pdfPath = testInfo.outputPath('pledge.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  expect(pages).toHaveLength(1);
  const flat = text.replace(/\s+/g, '');
  for (const expected of [
    '评审专家承诺书',
    '吴志强',
    '四川建筑职业技术学院',
    '教授',
    OFFICE_TITLE,
    fingerprint.replace(/\s+/g, ''),
    '公正',
    '保密',
    '回避',
    '承诺人（签字）',
    code.replace(/\s+/g, ''),
  ]) {
    expect(flat, expected).toContain(expected);
  }
  expect(text).not.toContain('打印 / 保存为 PDF');

  // Back to the list, where the expert stays checked in; 评审组 shows the 职称 too.
  await page.getByRole('button', { name: '返回签到' }).click();
  await expect(checkIn.row('E02')).toContainText('已签到');
  await new PanelPage(page).open(PASSPHRASE);
  const members = page.getByRole('region', { name: '专家与角色' });
  await expect(members.getByRole('row', { name: /吴志强/ })).toContainText('教授');
  await page.screenshot({ path: `${SHOTS}/panel.png` });
});
