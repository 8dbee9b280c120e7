import { expect, type Page } from '@playwright/test';

export class HomePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/');
  }

  async expectEmpty() {
    await expect(this.page.getByRole('heading', { name: '还没有评审' })).toBeVisible();
  }

  async loadDemo() {
    await this.page.getByRole('button', { name: '载入示例评审' }).click();
  }
}
