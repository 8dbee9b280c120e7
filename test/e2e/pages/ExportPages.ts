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

  /** Picks the list of trusted keys the signer is checked against (what `--trust` is to the CLI). */
  async pickTrustedKeys(path: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /^(选择受信任的密钥列表|换一个密钥列表)/ }).click();
    await (await chooser).setFiles(path);
    await expect(this.page.getByTestId('verify-trust')).toContainText('受信任的密钥列表：');
  }
}

/** 签名密钥: the device key screen, and an expert's 导出我的公钥. */
export class KeysPage {
  readonly fingerprint: Locator;
  readonly protection: Locator;
  /** The fingerprint shown large, to be read aloud at 签到. */
  readonly fingerprintAloud: Locator;

  constructor(private readonly page: Page) {
    this.fingerprint = page.getByTestId('key-fingerprint');
    this.protection = page.getByTestId('key-protection');
    this.fingerprintAloud = page.getByTestId('fingerprint-aloud');
  }

  async open() {
    await this.page.getByRole('link', { name: '签名密钥' }).click();
    await expect(this.page.getByRole('heading', { name: '签名密钥', level: 1 })).toBeVisible();
  }

  /** Creates the device key unless there is one already. */
  async ensureKey() {
    const create = this.page.getByRole('button', { name: '创建签名密钥' });
    await expect(create.or(this.fingerprint)).toBeVisible();
    if (await create.isVisible()) await create.click();
    await expect(this.fingerprint).toBeVisible();
  }

  /** Saves the expert's one-entry public-key file to `path`; returns the fingerprint read aloud. */
  async exportMyKey(expert: { id: string; name: string }, path: string): Promise<string> {
    await this.page.getByLabel('我是').selectOption({ label: `${expert.name}（${expert.id}）` });
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出我的公钥' }).click();
    await (await downloading).saveAs(path);
    return ((await this.fingerprintAloud.textContent()) ?? '').trim();
  }
}
