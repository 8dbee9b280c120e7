import { expect, type Page } from '@playwright/test';

export class HomePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/');
  }

  async expectEmpty() {
    await expect(this.page.getByRole('heading', { name: '还没有评审' })).toBeVisible();
  }

  /**
   * 载入示例评审. On a laptop without a secretariat passphrase the demo sets its own and says so
   * (with the passphrase) before the round opens; this goes on to the round either way.
   */
  async loadDemo() {
    await this.page.getByRole('button', { name: '载入示例评审' }).click();
    const notice = this.page.getByRole('status', { name: '示例评审已载入' });
    const list = this.page.getByRole('heading', { name: '项目列表' });
    await expect(notice.or(list).first()).toBeVisible();
    if (await notice.isVisible()) {
      await expect(notice).toContainText('示例评审的秘书处口令是');
      await notice.getByRole('link', { name: '打开示例评审' }).click();
    }
  }
}
