import { expect, type Locator, type Page } from '@playwright/test';

/** 导出结果工作簿 on the chair's results page. */
export class ExportPanel {
  readonly keyId: Locator;
  readonly sha256: Locator;

  constructor(private readonly page: Page) {
    this.keyId = page.getByTestId('export-key-id');
    this.sha256 = page.getByTestId('export-sha256');
  }

  get button(): Locator {
    return this.page.getByRole('button', { name: '导出结果工作簿' });
  }

  /** Export and keep the download at `path`; resolves to the name the app suggested. */
  async exportTo(path: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.button.click();
    const file = await download;
    await file.saveAs(path);
    await expect(this.page.getByTestId('export-workbook-outcome')).toContainText('已导出');
    return file.suggestedFilename();
  }

  async openReport() {
    await this.page.getByRole('link', { name: '打印报告（专家签字表）' }).click();
    await expect(this.page.getByRole('heading', { name: '评审结果报告', level: 1 })).toBeVisible();
  }
}

/** 核验工作簿: the in-app verification of a result workbook. */
export class VerifyPage {
  readonly result: Locator;

  constructor(private readonly page: Page) {
    this.result = page.getByTestId('verify-result');
  }

  async open() {
    await this.page.getByRole('link', { name: '核验工作簿' }).click();
    await expect(this.page.getByRole('heading', { name: '核验结果工作簿' })).toBeVisible();
  }

  async verify(path: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '打开工作簿…' }).click();
    await (await chooser).setFiles(path);
    await expect(this.result).toBeVisible();
  }
}

/** 签名密钥: the device key screen. */
export class KeysPage {
  readonly fingerprint: Locator;
  readonly protection: Locator;

  constructor(private readonly page: Page) {
    this.fingerprint = page.getByTestId('key-fingerprint');
    this.protection = page.getByTestId('key-protection');
  }

  async open() {
    await this.page.getByRole('link', { name: '签名密钥' }).click();
    await expect(this.page.getByRole('heading', { name: '签名密钥', level: 1 })).toBeVisible();
  }
}
