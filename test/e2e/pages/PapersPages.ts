import { expect, type Page } from '@playwright/test';

/** 评审文书: 专家组意见, the 公示名单 and each expert's 评分表 (behind the chair's PIN). */
export class PapersPages {
  constructor(private readonly page: Page) {}

  /** From 结果汇总 with the chair unlocked. */
  async openIndex() {
    await this.page.getByRole('link', { name: '评审文书' }).click();
    await expect(this.page.getByRole('heading', { name: '评审文书', level: 1 })).toBeVisible();
  }

  /** From the results page's blocker: write the panel's opinion on a packet, then go back. */
  async writeOpinionFromBlocker(packetId: string, text: string) {
    await this.page.getByRole('link', { name: '填写专家组意见' }).click();
    await this.writeOpinion(packetId, text);
    await this.page.goBack();
    await expect(this.page.getByRole('heading', { name: '结果汇总', level: 1 })).toBeVisible();
  }

  async writeOpinion(packetId: string, text: string) {
    const form = this.page.getByRole('form', { name: `${packetId} 的专家组意见` });
    await form.getByRole('textbox', { name: `${packetId} 的专家组意见` }).fill(text);
    await form.getByRole('button', { name: '保存意见' }).click();
    await expect(form.getByRole('status')).toHaveText('已保存');
  }
}
