import { expect, type Locator, type Page } from '@playwright/test';

export const DEFAULT_PIN = '2580';

/** Whatever the PIN screen asks — choose a PIN on first use, or enter it — answer with `pin`. */
export async function unlockWithPin(page: Page, pin = DEFAULT_PIN) {
  const setHeading = page.getByRole('heading', { name: '首次使用：设置 PIN' });
  const enterHeading = page.getByRole('heading', { name: '请输入 PIN' });
  await expect(setHeading.or(enterHeading)).toBeVisible();
  if (await setHeading.isVisible()) {
    await page.getByLabel('新 PIN（4–8 位数字）').fill(pin);
    await page.getByLabel('再次输入 PIN').fill(pin);
    await page.getByRole('button', { name: '设置并进入' }).click();
  } else {
    await page.getByLabel('PIN', { exact: true }).fill(pin);
    await page.getByRole('button', { name: '进入' }).click();
  }
  await expect(setHeading.or(enterHeading)).toHaveCount(0);
}

export class ExpertSheetsPage {
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.progress = page.getByTestId('expert-progress');
  }

  async pickExpert(name: string, pin = DEFAULT_PIN) {
    await this.page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await unlockWithPin(this.page, pin);
    await expect(this.page.getByRole('heading', { name: `${name} 的评分表` })).toBeVisible();
  }

  async declareConflict(packetId: string, reason: string) {
    await this.row(packetId).getByRole('button', { name: '申报回避' }).click();
    const form = this.page.getByRole('form', { name: '申报回避' });
    await form.getByRole('textbox').fill(reason);
    await form.getByRole('button', { name: '确认回避' }).click();
    await expect(this.row(packetId)).toContainText('回避');
  }

  async lockAndSwitch() {
    await this.page.getByRole('button', { name: '锁定并切换专家' }).click();
    await expect(this.page.getByRole('heading', { name: '请选择您的姓名' })).toBeVisible();
  }

  row(packetId: string): Locator {
    return this.page.getByTestId(`sheet-row-${packetId}`);
  }

  async openSheet(packetId: string) {
    await this.row(packetId).getByRole('link').click();
  }
}

export class ScoringSheet {
  readonly form: Locator;
  readonly points: Locator;
  readonly total: Locator;
  readonly remaining: Locator;
  readonly saveState: Locator;
  readonly comment: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: '评分表' });
    this.points = this.form.locator('input.points');
    this.total = page.getByTestId('sheet-total');
    this.remaining = page.getByTestId('sheet-remaining');
    this.saveState = page.getByTestId('save-state');
    this.comment = page.locator('#sheet-comment');
  }

  /** Type points the way an expert does: digits, then Enter to move on. */
  async typePoints(values: string[]) {
    await this.points.first().focus();
    for (const value of values) {
      await this.page.keyboard.type(value);
      await this.page.keyboard.press('Enter');
    }
  }

  async expectSaved() {
    await expect(this.saveState).toHaveText(/已保存/);
  }

  /** The submit confirmation: asked once, before a sheet is locked. */
  confirmation(): Locator {
    return this.page.getByRole('alertdialog', { name: '确认提交' });
  }

  /** Ctrl+Enter, then Enter on the confirmation. */
  async submitWithKeyboard() {
    await this.page.keyboard.press('Control+Enter');
    await expect(this.confirmation()).toContainText(
      '提交后不能修改，如需修改须由组长退回。确定提交？',
    );
    await this.page.keyboard.press('Enter');
    await expect(this.confirmation()).toHaveCount(0);
  }

  /** 提交评分, then 确定提交 on the confirmation. */
  async submitWithButton() {
    await this.page.getByRole('button', { name: /提交评分/ }).click();
    await this.confirmation().getByRole('button', { name: '确定提交' }).click();
  }

  /** The next sheet still to score: its button, whose name ends with the shortcut. */
  nextSheetButton(): Locator {
    return this.page.getByRole('button', { name: /下一个待评项目/ });
  }

  /**
   * Fail unless the focused element is wholly inside the viewport and clear of the sticky app
   * header and the sticky total bar (compared by their bounding boxes).
   */
  async expectFocusedInView() {
    const boxes = await this.page.evaluate(() => {
      const el = document.activeElement;
      const box = (e: Element | null) => {
        if (!e) return null;
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      return {
        tag: el ? `${el.tagName}#${el.id}` : '',
        focused: box(el),
        header: box(document.querySelector('.app-header')),
        bar: box(document.querySelector('.sheet-footer')),
        inBar: !!el?.closest('.sheet-footer'),
        width: window.innerWidth,
        height: window.innerHeight,
      };
    });
    const { focused, header, bar } = boxes;
    expect(focused, 'something has focus').not.toBeNull();
    const where = JSON.stringify(boxes);
    expect(focused!.top, where).toBeGreaterThanOrEqual(header ? header.bottom : 0);
    expect(focused!.left, where).toBeGreaterThanOrEqual(0);
    expect(focused!.right, where).toBeLessThanOrEqual(boxes.width);
    expect(focused!.bottom, where).toBeLessThanOrEqual(boxes.height);
    // Inside the bar itself (its buttons) is fine; anything else must end above it.
    if (bar && !boxes.inBar) expect(focused!.bottom, where).toBeLessThanOrEqual(bar.top);
  }

  async expectSubmitted() {
    await expect(this.page.getByTestId('sheet-submitted')).toBeVisible();
  }
}
