import { expect, test } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { allCriteria, rubricMax } from '@shared/rubric/points';
import { HomePage } from './pages/HomePage';
import { PacketListPage } from './pages/PacketListPage';
import { ExpertSheetsPage, ScoringSheet, unlockWithPin } from './pages/ScoringPages';
import { unlockSecretariat } from './pages/SecretariatPages';

// What the user should see comes from the same generator the app loads, so the test checks the
// screen against the data rather than against numbers copied by hand.
const demo = buildDemoRound();
const criteria = allCriteria(demo.round.rubric);
const firstPacket = demo.packets[0]!;
const expert = demo.round.experts[0]!;
const expertCount = demo.round.experts.length;

test('a first start loads the demo round, and an expert scores a sheet by keyboard, surviving a reload', async ({
  page,
}, testInfo) => {
  const home = new HomePage(page);
  await home.open();
  await home.expectEmpty();
  await home.loadDemo();

  const list = new PacketListPage(page);
  await list.expectVisible();
  await expect(list.rows).toHaveCount(demo.packets.length);
  await expect(list.progressOf(firstPacket.id)).toHaveText(`0 / ${expertCount}`);

  // Search narrows the list by applicant.
  await list.search.fill(firstPacket.applicant.name);
  await expect(list.rows.first()).toContainText(firstPacket.title);
  await list.search.fill('');
  await expect(list.rows).toHaveCount(demo.packets.length);

  // The packet: applicant, fields and attachment names.
  await list.openPacket(firstPacket.title);
  await expect(page.getByRole('heading', { name: firstPacket.title })).toBeVisible();
  await expect(page.getByText(firstPacket.applicant.name).first()).toBeVisible();
  const [fieldLabel, fieldValue] = Object.entries(firstPacket.fields)[0]!;
  await expect(page.getByRole('term').filter({ hasText: fieldLabel })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: fieldValue }).first()).toBeVisible();
  for (const attachment of firstPacket.attachments) {
    await expect(page.getByText(attachment.name, { exact: true })).toBeVisible();
  }

  // The expert picks their name and opens their sheet for the packet.
  await list.goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert.name);
  await expect(sheets.progress).toContainText(`已提交 0 / ${demo.packets.length}`);
  await sheets.openSheet(firstPacket.id);

  const sheet = new ScoringSheet(page);
  await expect(sheet.points).toHaveCount(criteria.length);
  await expect(sheet.total).toHaveText('0');

  // Half the criteria, typed with the keyboard only; the total follows each keystroke.
  const half = Math.ceil(criteria.length / 2);
  await sheet.typePoints(Array.from({ length: half }, () => '8'));
  await expect(sheet.total).toHaveText(String(8 * half));
  await expect(sheet.remaining).toHaveText(`还有 ${criteria.length - half} 项未评分`);
  await sheet.expectSaved();

  // A reload in the middle loses nothing typed, and lands on the same sheet, locked: the
  // expert's session lives in memory only, so the PIN is asked again.
  await page.reload();
  await expect(page.getByRole('heading', { name: '请输入 PIN' })).toBeVisible();
  await unlockWithPin(page);
  await expect(sheet.points).toHaveCount(criteria.length);
  for (let i = 0; i < half; i += 1) await expect(sheet.points.nth(i)).toHaveValue('8');
  await expect(sheet.total).toHaveText(String(8 * half));

  // The rest, starting where the expert left off.
  await sheet.points.nth(half).focus();
  for (let i = half; i < criteria.length; i += 1) {
    await page.keyboard.type('8.5');
    await page.keyboard.press('Enter');
  }
  const expectedTotal = 8 * half + 8.5 * (criteria.length - half);
  await expect(sheet.total).toHaveText(String(expectedTotal));
  await expect(page.getByText(`/ ${rubricMax(demo.round.rubric)}`)).toBeVisible();
  await expect(sheet.remaining).toHaveText('全部指标已评分');

  await sheet.submitWithKeyboard();
  await sheet.expectSubmitted();
  await expect(sheet.points.first()).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: /提交评分/ })).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('scoring-sheet-submitted.png'),
    fullPage: true,
  });

  // The expert's list and the secretariat's list both show the progress.
  await page.getByRole('link', { name: /返回我的评分表/ }).click();
  await expect(sheets.row(firstPacket.id)).toContainText('已提交');
  await expect(sheets.progress).toContainText(`已提交 1 / ${demo.packets.length}`);
  // The secretariat's list is theirs: the expert locks first, the secretariat's passphrase opens it.
  await page.getByTestId('expert-nav').getByRole('button', { name: '锁定' }).click();
  await page.getByRole('navigation').getByRole('link', { name: '项目列表' }).click();
  await unlockSecretariat(page);
  await expect(list.progressOf(firstPacket.id)).toHaveText(`1 / ${expertCount}`);
});

test('submit refuses an incomplete or out-of-range sheet, says what is missing, and focuses it', async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert.name);
  await sheets.openSheet(firstPacket.id);

  const sheet = new ScoringSheet(page);
  const first = criteria[0]!;
  await sheet.points.first().fill(String(first.max + 1));
  await expect(page.getByText(`超过满分 ${first.max} 分`)).toBeVisible();
  await expect(sheet.points.first()).toHaveAttribute('aria-invalid', 'true');

  await sheet.points.first().fill('');
  await page.getByRole('button', { name: /提交评分/ }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('提交前请完成以下内容');
  await expect(alert).toContainText(`${first.title}：尚未评分`);
  await expect(sheet.points.first()).toBeFocused();
  // Nothing was locked.
  await expect(page.getByTestId('sheet-submitted')).toHaveCount(0);
});

test('at 1366×768 the sheet works by keyboard alone: focus in view, only valid points count, one confirmation, then the next sheet', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert.name);
  // The expert's own list order decides which sheet comes next.
  const order = await page
    .locator('[data-testid^="sheet-row-"]')
    .evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-testid')!.slice('sheet-row-'.length)),
    );
  const [firstId, secondId] = order;

  // Opened by keyboard: the first empty points box has focus, clear of both sticky bars.
  await sheets.row(firstId!).getByRole('link').focus();
  await page.keyboard.press('Enter');
  const sheet = new ScoringSheet(page);
  await expect(sheet.points).toHaveCount(criteria.length);
  await expect(sheet.points.first()).toBeFocused();
  await sheet.expectFocusedInView();

  // Out of range and not a number: each says why next to the box and adds nothing.
  const first = criteria[0]!;
  const section = demo.round.rubric.sections[0]!;
  await page.keyboard.type(String(first.max + 1));
  await expect(page.locator(`#criterion-${first.id}-help`)).toHaveText(
    `超过满分 ${first.max} 分，不计入总分`,
  );
  await page.keyboard.press('Enter');
  await page.keyboard.type('7.3');
  await expect(page.locator(`#criterion-${criteria[1]!.id}-help`)).toHaveText(
    `必须是 ${criteria[1]!.step} 的整数倍，不计入总分`,
  );
  await expect(sheet.total).toHaveText('0');
  await expect(page.getByTestId(`subtotal-${section.id}`)).toContainText('小计 0 /');
  await page.keyboard.press('Enter');
  await page.keyboard.type('abc');
  await expect(page.locator(`#criterion-${criteria[2]!.id}-help`)).toHaveText(
    '不是有效数字，不计入总分',
  );
  // The summary names it the same way, not as "尚未评分".
  await page.getByRole('button', { name: /提交评分/ }).click();
  await expect(page.getByRole('alert')).toContainText(`${criteria[2]!.title}：不是有效数字`);
  await expect(sheet.confirmation()).toHaveCount(0);

  // Fixed from the top, full-width digits and point included, Enter moving on each time; every
  // box focused on the way stays in view.
  await sheet.points.first().focus();
  for (let i = 0; i < criteria.length; i += 1) {
    await expect(sheet.points.nth(i)).toBeFocused();
    await sheet.expectFocusedInView();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(i % 2 === 0 ? '８．５' : '8.5');
    await page.keyboard.press('Enter');
  }
  await expect(sheet.comment).toBeFocused();
  await sheet.expectFocusedInView();
  await expect(sheet.total).toHaveText(String(8.5 * criteria.length));
  await page.screenshot({ path: '/tmp/k/sheet-comment-focused.png' });

  // Ctrl+Enter asks; Esc cancels, the sheet stays a draft and focus goes back to the comment.
  await page.keyboard.press('Control+Enter');
  await expect(sheet.confirmation()).toContainText(
    '提交后不能修改，如需修改须由组长退回。确定提交？',
  );
  await page.screenshot({ path: '/tmp/k/sheet-confirm.png' });
  await page.keyboard.press('Escape');
  await expect(sheet.confirmation()).toHaveCount(0);
  await expect(sheet.comment).toBeFocused();
  await expect(page.getByTestId('sheet-submitted')).toHaveCount(0);

  // Ctrl+Enter, then Enter: submitted; the way on has focus and shows its shortcut.
  await sheet.submitWithKeyboard();
  await sheet.expectSubmitted();
  await expect(sheet.nextSheetButton()).toBeFocused();
  await expect(sheet.nextSheetButton()).toContainText('Alt+N');
  await sheet.expectFocusedInView();
  await page.screenshot({ path: '/tmp/k/sheet-next.png' });

  // Alt+N opens the next sheet in the expert's list, with focus in its first box.
  await page.keyboard.press('Alt+N');
  await expect(page).toHaveURL(new RegExp(`/${secondId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(secondId!);
  await expect(sheet.points.first()).toBeFocused();
  await expect(sheet.points.first()).toHaveValue('');
  await sheet.expectFocusedInView();
});

test('the web build runs under a CSP that blocks remote requests', async ({ page }) => {
  await page.goto('/');
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.violatedDirective),
    );
    const fetched = await fetch('https://example.com/').then(
      () => 'fetched',
      () => 'blocked',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { fetched, violations };
  });
  expect(outcome.fetched).toBe('blocked');
  expect(outcome.violations).toContain('connect-src');
});
