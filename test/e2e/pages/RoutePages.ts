import { expect, type Locator, type Page } from '@playwright/test';

/** 拉练路线: the inspection route of an inspection round. */
export class RoutePage {
  readonly progress: Locator;
  readonly inspector: Locator;
  readonly stops: Locator;

  constructor(private readonly page: Page) {
    this.progress = page.getByTestId('route-progress');
    this.inspector = page.getByTestId('route-inspector');
    this.stops = page.locator('.route-stops > li');
  }

  async open() {
    await this.page.getByRole('navigation').getByRole('link', { name: '拉练路线' }).click();
    await expect(this.page.getByRole('heading', { name: '拉练路线', level: 1 })).toBeVisible();
  }

  site(packetId: string): Locator {
    return this.page.getByTestId(`site-${packetId}`);
  }

  async order(): Promise<string[]> {
    const ids = await this.stops.evaluateAll((items) =>
      items.map((li) => li.getAttribute('data-testid')!.replace(/^site-/, '')),
    );
    return ids;
  }

  async moveUp(packetId: string) {
    await this.page.getByRole('button', { name: `上移 ${packetId}` }).click();
  }

  /** Opens the inspector's checklist (their scoring sheet, behind their PIN). */
  async openChecklist(packetId: string, expertId: string) {
    await this.page.getByTestId(`site-sheet-${packetId}-${expertId}`).click();
  }

  async addPhotoFromFile(packetId: string, file: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.site(packetId).getByRole('button', { name: '从文件添加照片' }).click();
    await (await chooser).setFiles(file);
    await expect(this.site(packetId).getByTestId('site-photo')).toHaveCount(1);
  }

  async recordFinding(
    packetId: string,
    finding: {
      severity: '一般' | '较重' | '严重';
      description: string;
      owner: string;
      due: string;
    },
  ) {
    const form = this.page.getByRole('form', { name: `${packetId} 记录问题` });
    await form.getByLabel('严重程度').selectOption(finding.severity);
    await form.getByLabel('问题描述').fill(finding.description);
    await form.getByLabel('整改责任单位/人').fill(finding.owner);
    await form.getByLabel('整改期限').fill(finding.due);
    await form.getByRole('button', { name: '记录问题' }).click();
    await expect(this.page.getByTestId(`findings-${packetId}`)).toContainText(finding.description);
  }

  async lockAndSwitch() {
    await this.page.getByRole('button', { name: '锁定并切换检查人' }).click();
    await expect(this.inspector).toHaveText('当前没有检查人解锁');
  }
}
