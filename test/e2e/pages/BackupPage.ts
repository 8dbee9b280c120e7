import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSPHRASE, secretariatPrompt, unlockSecretariat } from './SecretariatPages';

/** 备份与恢复 (#/backup): 备份本轮 and 恢复备份. */
export class BackupPage {
  readonly backupMessage: Locator;
  readonly restoreMessage: Locator;
  readonly confirm: Locator;

  constructor(private readonly page: Page) {
    this.backupMessage = page.getByTestId('backup-message');
    this.restoreMessage = page.getByTestId('restore-message');
    this.confirm = page.getByTestId('restore-confirm');
  }

  /** Opens the page; while an expert is unlocked it is the secretariat's, so it asks first. */
  async open(passphrase = DEMO_PASSPHRASE) {
    await this.page.goto('/#/backup');
    const heading = this.page.getByRole('heading', { name: '备份与恢复' });
    await expect(heading.or(secretariatPrompt(this.page)).first()).toBeVisible();
    if (!(await heading.isVisible())) await unlockSecretariat(this.page, passphrase);
    await expect(heading).toBeVisible();
  }

  /** Fills the passphrase twice and presses 备份本轮. */
  async submitBackup(passphrase: string, confirmation = passphrase) {
    const form = this.page.getByRole('form', { name: '备份本轮' });
    await form.getByLabel('备份口令（至少 8 个字符）').fill(passphrase);
    await form.getByLabel('再次输入口令').fill(confirmation);
    await form.getByRole('button', { name: '备份本轮' }).click();
  }

  /** Backs up the selected round; resolves to the downloaded archive. */
  async backUp(passphrase: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.submitBackup(passphrase);
    return download;
  }

  async restore(file: string, passphrase: string) {
    const form = this.page.getByRole('form', { name: '恢复备份' });
    await form.getByLabel('备份口令', { exact: true }).fill(passphrase);
    const chooser = this.page.waitForEvent('filechooser');
    await form.getByRole('button', { name: '恢复备份' }).click();
    await (await chooser).setFiles(file);
  }
}
