import { expect, type Locator, type Page } from '@playwright/test';
import { unlockWithPin } from './ScoringPages';
import { DEMO_PASSPHRASE, secretariatPrompt, unlockSecretariat } from './SecretariatPages';

export class PanelPage {
  readonly counts: Locator;

  constructor(private readonly page: Page) {
    this.counts = page.getByTestId('matrix-counts');
  }

  /** Opens 评审组, answering the secretariat prompt with `passphrase` when it appears. */
  async open(passphrase = DEMO_PASSPHRASE) {
    await this.page.getByRole('navigation').getByRole('link', { name: '评审组' }).click();
    const heading = this.page.getByRole('heading', { name: '评审组管理' });
    await expect(secretariatPrompt(this.page).or(heading).first()).toBeVisible();
    await unlockSecretariat(this.page, passphrase);
    await expect(this.page.getByRole('heading', { name: '专家与角色' })).toBeVisible();
  }

  async setRole(expertName: string, role: '评审专家' | '专家组组长' | '备选专家') {
    await this.page.getByLabel(`${expertName} 角色`).selectOption({ label: role });
  }

  cell(expertId: string, packetId: string): Locator {
    return this.page.getByTestId(`cell-${expertId}-${packetId}`);
  }
}

export class ChairPage {
  constructor(private readonly page: Page) {}

  async open(pin: string) {
    await this.page.getByRole('navigation').getByRole('link', { name: '组长' }).click();
    await unlockWithPin(this.page, pin);
    await expect(this.page.getByRole('heading', { name: '组长审核' })).toBeVisible();
  }

  row(packetId: string, expertId: string): Locator {
    return this.page.getByTestId(`chair-row-${packetId}-${expertId}`);
  }

  async returnSheet(packetId: string, expertId: string, reason: string) {
    const row = this.row(packetId, expertId);
    await row.getByRole('button', { name: '退回' }).click();
    await row.getByLabel('退回理由（专家将看到）').fill(reason);
    await row.getByRole('button', { name: '确认退回' }).click();
    await expect(row).toHaveCount(0);
  }
}
