import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The passphrase 载入示例评审 sets on a laptop that has none (shown on screen after loading). */
export const DEMO_PASSPHRASE = '示例口令2026';

/**
 * Answers the secretariat prompt if the page shows one: sets the passphrase where none is set
 * yet, enters it otherwise. Returns once the prompt is gone (or was never there).
 */
export async function unlockSecretariat(page: Page, passphrase = DEMO_PASSPHRASE) {
  // The page's own prompt and the refused-write notice may both show one: either will do.
  const setForm = page.getByRole('form', { name: '设置秘书处口令' });
  const unlockForm = page.getByRole('form', { name: '输入秘书处口令' });
  if (await setForm.first().isVisible()) {
    await setForm.first().getByLabel('秘书处口令').fill(passphrase);
    await setForm.first().getByLabel('再次输入口令').fill(passphrase);
    await setForm.first().getByRole('button', { name: '设置口令' }).click();
  } else if (await unlockForm.first().isVisible()) {
    await unlockForm.first().getByLabel('秘书处口令').fill(passphrase);
    await unlockForm.first().getByRole('button', { name: '解锁秘书处' }).click();
  }
  await expect(setForm.or(unlockForm)).toHaveCount(0);
}

/** The secretariat prompt that stands in for a page (or section) until the passphrase is given. */
export function secretariatPrompt(page: Page): Locator {
  return page
    .getByRole('form', { name: '输入秘书处口令' })
    .or(page.getByRole('form', { name: '设置秘书处口令' }));
}

/** 签到: check experts in, register their keys, export the registry. */
export class CheckInPage {
  constructor(private readonly page: Page) {}

  async open(passphrase = DEMO_PASSPHRASE) {
    await this.page.getByRole('navigation').getByRole('link', { name: '签到' }).click();
    await expect(
      secretariatPrompt(this.page)
        .or(this.page.getByRole('heading', { name: '专家签到与公钥登记' }))
        .first(),
    ).toBeVisible();
    await unlockSecretariat(this.page, passphrase);
    await expect(this.page.getByRole('heading', { name: '专家签到与公钥登记' })).toBeVisible();
  }

  row(expertId: string): Locator {
    return this.page.getByTestId(`check-in-${expertId}`);
  }

  async checkIn(expertName: string) {
    await this.page.getByRole('button', { name: `签到 ${expertName}` }).click();
  }

  /** Checks in every expert not yet checked in (a round imported for a hands-on test). */
  async checkInAll(passphrase = DEMO_PASSPHRASE) {
    await this.open(passphrase);
    const buttons = this.page.getByRole('button', { name: /^签到 / });
    while ((await buttons.count()) > 0) {
      const before = await buttons.count();
      await buttons.first().click();
      await expect(buttons).toHaveCount(before - 1);
    }
  }

  /**
   * Registers from the key file the expert's laptop exported: picks the file, types the
   * fingerprint as the expert reads it aloud, and confirms (with a reason when replacing a key).
   * Returns the fingerprint the file shows.
   */
  async registerFromFile(
    expertName: string,
    path: string,
    heard: string,
    reason?: string,
  ): Promise<string> {
    await this.page.getByRole('button', { name: `从公钥文件登记 ${expertName}` }).click();
    const form = this.page.getByRole('form', { name: `核对${expertName}的公钥指纹` });
    const choosing = this.page.waitForEvent('filechooser');
    await form.getByRole('button', { name: '选择专家导出的公钥文件' }).click();
    await (await choosing).setFiles(path);
    const shown = (await form.getByTestId('file-fingerprint').textContent()) ?? '';
    await form.getByLabel('专家屏幕上的指纹（由专家读出）').fill(heard);
    if (reason) await form.getByLabel(/更换原因/).fill(reason);
    await form.getByRole('button', { name: '指纹一致，登记' }).click();
    await expect(form).toHaveCount(0);
    return shown.trim();
  }

  async registerThisLaptop(expertName: string) {
    await this.page.getByRole('button', { name: `登记本机密钥 ${expertName}` }).click();
    await expect(this.page.getByRole('status').filter({ hasText: '已登记公钥' })).toBeVisible();
  }

  async exportRegistry(path: string): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出专家公钥登记' }).click();
    const download = await downloading;
    await download.saveAs(path);
    return download;
  }
}
