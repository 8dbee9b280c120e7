import { expect, type Locator, type Page } from '@playwright/test';

/** 导入评审包: the button, the progress, and the outcome (message, problems, diff). */
export class ImportPanel {
  readonly message: Locator;
  readonly problems: Locator;
  readonly diff: Locator;

  constructor(private readonly page: Page) {
    this.message = page.getByTestId('import-message');
    this.problems = page.getByTestId('import-problems');
    this.diff = page.getByTestId('import-diff');
  }

  /** Picks `file` in the file chooser the button opens (the web platform's hidden input). */
  async importPackage(file: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入评审包' }).click();
    await (await chooser).setFiles(file);
  }

  async dismiss() {
    await this.page.getByRole('button', { name: '关闭' }).click();
    await expect(this.message.or(this.problems)).toHaveCount(0);
  }
}
