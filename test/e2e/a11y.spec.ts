import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { allCriteria } from '@shared/rubric/points';
import { HomePage } from './pages/HomePage';
import { PanelPage } from './pages/PanelPages';
import { PacketListPage } from './pages/PacketListPage';
import { DEFAULT_PIN, ExpertSheetsPage, ScoringSheet, unlockWithPin } from './pages/ScoringPages';
import { unlockSecretariat } from './pages/SecretariatPages';

const demo = buildDemoRound();
const roundId = demo.round.id;
const criteria = allCriteria(demo.round.rubric);
const [expert, , , , chair] = demo.round.experts;
const [packet] = demo.packets;
/** Screenshots to look at, besides the copies attached to the test report. */
const SHOTS = '/tmp/h-a11y';

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = `${SHOTS}/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** axe-core over the whole page: the critical and serious violations, one line per rule. */
async function seriousViolations(page: Page, name: string, testInfo: TestInfo) {
  const results = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every visible piece of text (text nodes, and what inputs show) drawn under 14 px. */
function textUnder14px(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const transparent = (color: string) =>
      /^rgba\(.*,\s*0\)$/.test(color) || color === 'transparent';
    const check = (el: Element, text: string) => {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
      const style = getComputedStyle(el);
      if (transparent(style.color)) return;
      const size = parseFloat(style.fontSize);
      if (size < 14)
        found.push(
          `“${text.slice(0, 24)}” ${size}px <${el.tagName.toLowerCase()} class="${el.className}">`,
        );
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (!text || !node.parentElement) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      check(node.parentElement, text);
    }
    for (const field of document.querySelectorAll('input, select, textarea')) {
      const shown =
        field instanceof HTMLSelectElement
          ? (field.selectedOptions[0]?.text ?? '')
          : (field as HTMLInputElement).value || (field as HTMLInputElement).placeholder;
      if (shown && (field as HTMLInputElement).type !== 'hidden') check(field, shown);
    }
    return found;
  });
}

/**
 * Inputs, selects and text areas whose edge shows at less than 3:1 against what is behind them
 * (WCAG 1.4.11: a field must be seen as a field).
 */
function faintControlEdges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (color: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: color.startsWith('rgba') ? a : 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (c: number) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const behind = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const color = rgb(getComputedStyle(a).backgroundColor);
        if (color.a > 0) return color;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const found: string[] = [];
    const fields = document.querySelectorAll(
      'input:not([type=checkbox], [type=radio], [type=hidden], [type=file], [type=range]), select, textarea',
    );
    for (const field of fields) {
      if (!field.checkVisibility()) continue;
      const style = getComputedStyle(field);
      if (parseFloat(style.borderBottomWidth) === 0) continue;
      const edge = luminance(rgb(style.borderBottomColor));
      const back = luminance(behind(field));
      const ratio = (Math.max(edge, back) + 0.05) / (Math.min(edge, back) + 0.05);
      if (ratio < 3)
        found.push(
          `<${field.tagName.toLowerCase()} ${field.id ? `#${field.id}` : ''}> edge ${style.borderBottomColor}: ${ratio.toFixed(2)}:1`,
        );
    }
    return found;
  });
}

/** The page scrolls sideways, or the header takes more than a fifth of the window's height. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1)
      problems.push(`page is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px window`);
    const header = document.querySelector('.app-header')?.getBoundingClientRect();
    if (header && header.height > window.innerHeight / 5)
      problems.push(`header ${header.height}px high in a ${window.innerHeight}px window`);
    return problems;
  });
}

/**
 * Opens each main page in turn, with whatever it needs (the demo round, the secretariat's
 * passphrase, an expert's PIN, the chair's PIN), and calls `check` on each once it is shown.
 */
async function visitMainPages(page: Page, check: (name: string) => Promise<void>) {
  const home = new HomePage(page);
  await home.open();
  await check('home-empty');
  await home.loadDemo();
  await expect(page.getByRole('heading', { name: '项目列表' })).toBeVisible();
  await check('packets');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '本机的评审' })).toBeVisible();
  await expect(page.getByText(demo.round.title).first()).toBeVisible();
  await check('home');

  await page.goto(`/#/rounds/${roundId}/packets/${packet!.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(packet!.title);
  await check('packet');

  const panel = new PanelPage(page);
  await panel.open();
  await panel.setRole(chair!.name, '专家组组长');
  await check('panel');

  await new PacketListPage(page).goToScoring();
  await expect(page.getByRole('heading', { name: '请选择您的姓名' })).toBeVisible();
  await check('expert-picker');
  await page.getByRole('link', { name: new RegExp(`^${expert!.name}`) }).click();
  await expect(page.getByRole('heading', { name: '首次使用：设置 PIN' })).toBeVisible();
  await check('pin-set');
  await unlockWithPin(page, DEFAULT_PIN);
  await expect(page.getByRole('heading', { name: `${expert!.name} 的评分表` })).toBeVisible();
  await check('sheets');

  const sheets = new ExpertSheetsPage(page);
  await sheets.openSheet(packet!.id);
  await expect(new ScoringSheet(page).points.first()).toBeFocused();
  await check('sheet');
  await page.getByRole('link', { name: /返回我的评分表/ }).click();
  await sheets.lockAndSwitch();
  await page.getByRole('link', { name: new RegExp(`^${expert!.name}`) }).click();
  await expect(page.getByRole('heading', { name: '请输入 PIN' })).toBeVisible();
  await check('pin-enter');

  await page.goto(`/#/rounds/${roundId}/results`);
  await unlockWithPin(page, DEFAULT_PIN);
  await expect(page.getByRole('heading', { name: '结果汇总', level: 1 })).toBeVisible();
  await check('results');

  for (const [path, heading, name] of [
    ['/#/verify', '核验结果工作簿', 'verify'],
    ['/#/keys', '签名密钥', 'keys'],
    ['/#/backup', '备份与恢复', 'backup'],
  ] as const) {
    await page.goto(path);
    await unlockSecretariat(page);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await check(name);
  }
}

/**
 * What keeps the focused element from being seen whole: outside the window, clipped by a pane it
 * scrolls in, or overlapped by a sticky or fixed element (the header, the total bar) that does
 * not contain it. Empty when it is fully visible.
 */
function focusProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return ['nothing has focus'];
    const label = (e: Element) =>
      `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''}> “${(e.textContent ?? '').trim().slice(0, 16)}”`;
    const box = el.getBoundingClientRect();
    const at = `${label(el)} at ${Math.round(box.top)}–${Math.round(box.bottom)} × ${Math.round(box.left)}–${Math.round(box.right)}`;
    const problems: string[] = [];
    const slack = 0.5;
    if (
      box.top < -slack ||
      box.left < -slack ||
      box.bottom > window.innerHeight + slack ||
      box.right > window.innerWidth + slack
    )
      problems.push(`${at}: outside the ${window.innerWidth}×${window.innerHeight} window`);
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (!/auto|scroll|hidden|clip/.test(`${style.overflowX} ${style.overflowY}`)) continue;
      const r = a.getBoundingClientRect();
      const top = r.top + a.clientTop;
      const left = r.left + a.clientLeft;
      if (
        box.top < top - slack ||
        box.left < left - slack ||
        box.bottom > top + a.clientHeight + slack ||
        box.right > left + a.clientWidth + slack
      )
        problems.push(`${at}: clipped by ${label(a)}`);
    }
    for (const other of document.querySelectorAll('body *')) {
      const position = getComputedStyle(other).position;
      if (position !== 'sticky' && position !== 'fixed') continue;
      if (other.contains(el) || el.contains(other) || !other.checkVisibility()) continue;
      const r = other.getBoundingClientRect();
      if (r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top)
        problems.push(
          `${at}: under the ${position} ${label(other)} (${Math.round(r.top)}–${Math.round(r.bottom)})`,
        );
    }
    return problems;
  });
}

async function openFirstSheet(page: Page) {
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PacketListPage(page).goToScoring();
  await new ExpertSheetsPage(page).pickExpert(expert!.name);
  await new ExpertSheetsPage(page).openSheet(packet!.id);
  const sheet = new ScoringSheet(page);
  await expect(sheet.points.first()).toBeFocused();
  return sheet;
}

/**
 * Enter from the first points box to the comment, then Tab from the top of the page (header
 * included) to the end of the sheet: every element that takes focus on the way must be fully
 * visible. Returns every problem met, with the step it was met at.
 */
async function walkSheetByKeyboard(
  page: Page,
  sheet: ScoringSheet,
  testInfo: TestInfo,
  tag: string,
) {
  const problems: string[] = [];
  const note = async (step: string) => {
    const found = await focusProblems(page);
    if (found.length > 0 && problems.length === 0)
      await shoot(page, testInfo, `${tag}-first-hidden`);
    problems.push(...found.map((p) => `${step}: ${p}`));
  };
  await sheet.points.first().focus();
  await note('open');
  for (let i = 1; i < criteria.length; i += 1) {
    await page.keyboard.press('Enter');
    await expect(sheet.points.nth(i)).toBeFocused();
    await note(`Enter ${i}`);
  }
  await page.keyboard.press('Enter');
  await expect(sheet.comment).toBeFocused();
  await note('Enter to comment');

  // Tab from the start of the document until focus leaves the page's main content.
  // Focusing the body moves the point Tab starts from to the top of the document.
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
    window.scrollTo(0, 0);
  });
  let visited = 0;
  let seenMain = false;
  for (let step = 1; step <= 150; step += 1) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      return el === document.body || !el ? 'none' : el.closest('main') ? 'main' : 'outside';
    });
    if (where === 'none' || (seenMain && where !== 'main')) break;
    seenMain ||= where === 'main';
    visited += 1;
    await note(`Tab ${step}`);
  }
  expect(seenMain, 'Tab reached the sheet').toBe(true);
  expect(visited, 'Tab visited the header and the sheet').toBeGreaterThan(criteria.length + 3);
  return problems;
}

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the main pages: axe finds nothing critical or serious, no text under 14 px, field edges at 3:1, nothing scrolls sideways', async ({
    page,
  }, testInfo) => {
    // axe over fourteen pages takes minutes on a busy two-core machine.
    test.setTimeout(360_000);
    await visitMainPages(page, async (name) => {
      expect.soft(await seriousViolations(page, name, testInfo), `axe on ${name}`).toEqual([]);
      expect.soft(await textUnder14px(page), `text under 14 px on ${name}`).toEqual([]);
      expect.soft(await faintControlEdges(page), `control edges on ${name}`).toEqual([]);
      expect.soft(await layoutProblems(page), `layout of ${name}`).toEqual([]);
    });
  });

  test('Tab and Enter through the scoring sheet: every focused element is fully visible', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const sheet = await openFirstSheet(page);
    await shoot(page, testInfo, 'sheet-1366x768');
    expect(await walkSheetByKeyboard(page, sheet, testInfo, 'walk-1366x768')).toEqual([]);
  });
});

test.describe('at 200 % zoom of a 1366×768 screen', () => {
  test.use({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });

  test('Tab and Enter through the scoring sheet: every focused element is fully visible, the header stays one line', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const sheet = await openFirstSheet(page);
    await shoot(page, testInfo, 'sheet-200pct');
    expect(await layoutProblems(page)).toEqual([]);
    expect(await walkSheetByKeyboard(page, sheet, testInfo, 'walk-200pct')).toEqual([]);

    // The secretariat's header, with all its links, is one scrolling row too.
    await page.getByRole('link', { name: /返回我的评分表/ }).click();
    await new ExpertSheetsPage(page).lockAndSwitch();
    await page.goto(`/#/rounds/${roundId}/panel`);
    await unlockSecretariat(page);
    await expect(page.getByRole('heading', { name: '专家与角色' })).toBeVisible();
    await shoot(page, testInfo, 'panel-200pct');
    expect(await layoutProblems(page)).toEqual([]);
    const results = page.getByRole('banner').getByRole('link', { name: '结果汇总' });
    await results.focus();
    expect(await focusProblems(page)).toEqual([]);
  });
});

test.describe('at 1920×1080 with 150 % scaling', () => {
  test.use({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 });

  test('the main pages hold their layout', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await visitMainPages(page, async (name) => {
      expect.soft(await layoutProblems(page), `layout of ${name}`).toEqual([]);
      if (['packets', 'panel', 'sheet', 'results'].includes(name))
        await shoot(page, testInfo, `1280x720-${name}`);
    });
  });
});

test.describe('text size', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('特大 is chosen by keyboard from the header, scales the app, is remembered, and the sheet stays usable', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const home = new HomePage(page);
    await home.open();
    const rootSize = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await rootSize()).toBe(16);
    const control = page.getByRole('banner').getByLabel('字号');
    await expect(control).toHaveValue('standard');
    await control.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(control).toHaveValue('xlarge');
    await expect(control.locator('option:checked')).toHaveText('特大');
    expect(await rootSize()).toBe(21);

    // Remembered on this laptop: a reload (or the next start) opens at 特大.
    await page.reload();
    await expect(page.getByRole('banner').getByLabel('字号')).toHaveValue('xlarge');
    expect(await rootSize()).toBe(21);

    // The expert's header has it too, and the sheet at 特大 still works by keyboard alone.
    const sheet = await openFirstSheet(page);
    await expect(page.getByRole('banner').getByLabel('字号')).toHaveValue('xlarge');
    const guidance = await page
      .locator('.criterion .guidance')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(guidance).toBeGreaterThanOrEqual(19);
    await shoot(page, testInfo, 'sheet-xlarge-1366x768');
    expect(await layoutProblems(page)).toEqual([]);
    expect(await walkSheetByKeyboard(page, sheet, testInfo, 'walk-xlarge')).toEqual([]);
    await sheet.points.first().focus();
    await sheet.typePoints(criteria.map(() => '8'));
    await expect(sheet.total).toHaveText(String(8 * criteria.length));
    await sheet.expectSaved();
    await shoot(page, testInfo, 'sheet-xlarge-typed');

    // Back to 标准 by keyboard.
    const header = page.getByRole('banner').getByLabel('字号');
    await header.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(header).toHaveValue('standard');
    expect(await rootSize()).toBe(16);
  });
});
