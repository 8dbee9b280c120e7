import { expect, type Locator, type Page } from '@playwright/test';
import { unlockWithPin } from './ScoringPages';

/** 结果汇总: the chair's results screen (PIN-gated). */
export class ResultsPage {
  readonly state: Locator;
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.state = page.getByTestId('results-state');
    this.progress = page.getByTestId('results-progress');
  }

  async open(pin: string) {
    await this.page.getByRole('navigation').getByRole('link', { name: '结果汇总' }).click();
    await unlockWithPin(this.page, pin);
    await expect(this.page.getByRole('heading', { name: '结果汇总', level: 1 })).toBeVisible();
  }

  row(packetId: string): Locator {
    return this.page.getByTestId(`result-row-${packetId}`);
  }

  score(packetId: string): Locator {
    return this.page.getByTestId(`result-score-${packetId}`);
  }

  decision(packetId: string): Locator {
    return this.page.getByTestId(`result-decision-${packetId}`);
  }

  async openDetails(packetId: string): Promise<Locator> {
    await this.row(packetId).getByRole('button', { name: '明细' }).click();
    const drill = this.page.getByTestId(`drill-${packetId}`);
    await expect(drill).toBeVisible();
    return drill;
  }

  async decideTie(packetId: string, decision: '入选' | '备选' | '不入选', reason: string) {
    const form = this.page.getByRole('form', { name: `${packetId} 的决定` });
    await form.getByRole('combobox', { name: `${packetId} 的决定` }).selectOption(decision);
    await form.getByRole('textbox', { name: `${packetId} 的决定理由（必填）` }).fill(reason);
    await form.getByRole('button', { name: '保存决定' }).click();
    await expect(this.page.getByTestId(`tie-current-${packetId}`)).toContainText(decision);
  }

  async confirm() {
    await this.page.getByRole('button', { name: '确认评审结果' }).click();
  }
}

/** 偏离复核 on the expert's own sheet list. */
export class DeviationReview {
  constructor(private readonly page: Page) {}

  item(packetId: string): Locator {
    return this.page.getByTestId(`deviation-${packetId}`);
  }

  async confirmOriginal(packetId: string, reason: string) {
    const item = this.item(packetId);
    await item.getByRole('button', { name: '确认原评分' }).click();
    await item.getByLabel('复核理由（必填）').fill(reason);
    await item.getByRole('button', { name: '提交复核' }).click();
    await expect(item).toContainText(`已确认原评分（理由：${reason}）`);
  }
}
