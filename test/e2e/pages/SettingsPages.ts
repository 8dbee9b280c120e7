import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSPHRASE, secretariatPrompt, unlockSecretariat } from './SecretariatPages';

/** 评审设置: the secretariat's round settings. */
export class SettingsPage {
  readonly status: Locator;
  readonly error: Locator;
  readonly reason: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId('settings-status');
    this.error = page.getByTestId('settings-error');
    this.reason = page.getByLabel('修改理由（必填，记入审计记录并显示在结果汇总页）');
  }

  /** Opens 评审设置 from the header, answering the secretariat prompt when it appears. */
  async open(passphrase = DEMO_PASSPHRASE) {
    await this.page.getByRole('navigation').getByRole('link', { name: '评审设置' }).click();
    const heading = this.page.getByRole('heading', { name: '评审设置', level: 1 });
    await expect(secretariatPrompt(this.page).or(heading).first()).toBeVisible();
    await unlockSecretariat(this.page, passphrase);
    await expect(this.page.getByRole('button', { name: '保存设置' })).toBeVisible();
  }

  quotaRow(group: string): Locator {
    return this.page.getByTestId(`settings-quota-${group}`);
  }

  /** Sets a group's quota by keyboard: the count box, then the reserve box. */
  async setQuota(group: string, count: number, reserve: number) {
    const set = this.page.getByRole('checkbox', { name: `为“${group}”设名额` });
    if (!(await set.isChecked())) await set.check();
    await this.page.getByRole('spinbutton', { name: `“${group}”入选名额` }).fill(String(count));
    await this.page.getByRole('spinbutton', { name: `“${group}”备选名额` }).fill(String(reserve));
  }

  async setVetoRule(veto: string, rule: '任一专家勾选即否决' | '过半数有效评分勾选才否决') {
    await this.page.getByRole('group', { name: veto }).getByRole('radio', { name: rule }).check();
  }

  async save() {
    await this.page.getByRole('button', { name: '保存设置' }).click();
  }
}
