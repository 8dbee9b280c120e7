import { expect, type Locator, type Page } from '@playwright/test';

export class PacketListPage {
  readonly rows: Locator;
  readonly search: Locator;
  readonly count: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.locator('table.data-table tbody tr:not(.spacer)');
    this.search = page.getByRole('searchbox');
    this.count = page.getByRole('status');
  }

  async expectVisible() {
    await expect(this.page.getByRole('heading', { name: '项目列表' })).toBeVisible();
  }

  async openPacket(title: string) {
    await this.page.getByRole('link', { name: title, exact: true }).click();
  }

  progressOf(packetId: string): Locator {
    return this.page.getByTestId(`progress-${packetId}`);
  }

  async goToScoring() {
    await this.page.getByRole('navigation').getByRole('link', { name: '专家评分' }).click();
  }
}
