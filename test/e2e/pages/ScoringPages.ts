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

  async submitWithKeyboard() {
    await this.page.keyboard.press('Control+Enter');
  }

  async expectSubmitted() {
    await expect(this.page.getByTestId('sheet-submitted')).toBeVisible();
  }
}
