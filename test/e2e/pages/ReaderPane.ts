import { expect, type Locator, type Page } from '@playwright/test';

/** The reader beside the scoring sheet (and on the packet page): tabs, toolbar, scrolled pages. */
export class ReaderPane {
  readonly pane: Locator;
  readonly scroll: Locator;
  readonly pageField: Locator;
  readonly zoom: Locator;
  readonly search: Locator;
  readonly searchStatus: Locator;
  readonly splitter: Locator;

  constructor(page: Page) {
    this.pane = page.getByTestId('reader-pane');
    this.scroll = this.pane.getByTestId('reader-scroll');
    this.pageField = this.pane.getByRole('textbox', { name: /^页码/ });
    this.zoom = this.pane.getByTestId('reader-zoom');
    this.search = this.pane.getByRole('searchbox', { name: '在文档中查找' });
    this.searchStatus = this.pane.getByTestId('reader-search-status');
    this.splitter = page.getByRole('separator', { name: '调整材料与评分表的宽度' });
  }

  /** The attachment's tab: its name says 查看 and the file name. */
  tab(fileName: string): Locator {
    return this.pane.getByRole('button', { name: `查看 ${fileName}`, exact: true });
  }

  async open(fileName: string) {
    await this.tab(fileName).click();
    await expect(this.tab(fileName)).toHaveAttribute('aria-pressed', 'true');
  }

  slot(pageNumber: number): Locator {
    return this.scroll.locator(`.pdf-slot[data-page="${pageNumber}"]`);
  }

  /** Waits until `pageNumber` is drawn on its canvas (not just an empty box). */
  async expectDrawn(pageNumber: number) {
    await expect(this.pane.getByTestId(`pdf-canvas-${pageNumber}`)).toHaveAttribute(
      'data-drawn',
      /.+/,
    );
  }

  async currentPage(): Promise<number> {
    return Number(await this.scroll.getAttribute('data-current-page'));
  }

  async expectPage(pageNumber: number) {
    await expect(this.scroll).toHaveAttribute('data-current-page', String(pageNumber));
  }

  async jumpTo(pageNumber: number) {
    await this.pageField.click();
    await this.pageField.fill(String(pageNumber));
    await this.pageField.press('Enter');
    await this.expectPage(pageNumber);
    await this.expectDrawn(pageNumber);
  }

  async zoomPercent(): Promise<number> {
    return Number((await this.zoom.innerText()).replace('%', ''));
  }

  async scrollTop(): Promise<number> {
    return this.scroll.evaluate((el) => el.scrollTop);
  }

  async find(word: string) {
    await this.search.fill(word);
    await this.search.press('Enter');
  }
}
