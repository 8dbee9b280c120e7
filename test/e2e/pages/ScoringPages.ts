import { expect, type Locator, type Page } from '@playwright/test';

export class ExpertSheetsPage {
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.progress = page.getByTestId('expert-progress');
  }

  async pickExpert(name: string) {
    await this.page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await expect(this.page.getByRole('heading', { name: `${name} 的评分表` })).toBeVisible();
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
