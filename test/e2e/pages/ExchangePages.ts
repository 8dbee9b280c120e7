import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSPHRASE, secretariatPrompt, unlockSecretariat } from './SecretariatPages';

/** 导出评分文件 on the expert's sheet list. */
export class ExportScoreFile {
  readonly button: Locator;
  readonly outcome: Locator;

  constructor(private readonly page: Page) {
    this.button = page.getByRole('button', { name: '导出评分文件' });
    this.outcome = page.getByTestId('export-outcome');
  }

  /** Export and save the download to `path`; returns the download for its file name. */
  async exportTo(path: string): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.button.click();
    const download = await downloading;
    await download.saveAs(path);
    await expect(this.outcome).toBeVisible();
    return download;
  }

  /** The key fingerprint the export says it used (`a1b2 c3d4 e5f6 0718`). */
  async fingerprint(): Promise<string> {
    const text = (await this.outcome.textContent()) ?? '';
    const match = /([0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4})/.exec(text);
    expect(match, `no fingerprint in “${text}”`).not.toBeNull();
    return match![1]!;
  }
}

/** 评分文件汇总: the secretariat's import of score files. */
export class ExchangePage {
  readonly reports: Locator;
  readonly keys: Locator;
  readonly conflicts: Locator;

  constructor(private readonly page: Page) {
    this.reports = page.getByTestId('import-report');
    this.keys = page.getByTestId('expert-keys');
    this.conflicts = page.getByTestId('exchange-conflict');
  }

  /** Opens 评分文件汇总, answering the secretariat prompt (importing is the secretariat's). */
  async open(passphrase = DEMO_PASSPHRASE) {
    await this.page.getByRole('navigation').getByRole('link', { name: '评分文件汇总' }).click();
    const heading = this.page.getByRole('heading', { name: '评分文件汇总', level: 1 });
    await expect(secretariatPrompt(this.page).or(heading).first()).toBeVisible();
    await unlockSecretariat(this.page, passphrase);
    await expect(this.page.getByRole('button', { name: '导入评分文件' })).toBeVisible();
  }

  /** Pick files in the (hidden) file input the import button opens. */
  async importFiles(paths: string[]) {
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入评分文件' }).click();
    const chooser = await choosing;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(paths);
  }

  report(fileName: string): Locator {
    return this.reports.filter({ hasText: fileName });
  }
}
