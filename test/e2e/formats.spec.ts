import { expect, test, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { makeTinyPdf, makeTinyPng } from '@shared/demo/tinyFiles';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import type { AttachmentRef } from '@shared/model/roundPackage';
import { minimalDocx, minimalOfd, minimalXlsx, word97Lookalike } from '../fixtures/officeFiles';
import { tinyRound } from '../fixtures/tinyRound';
import { ImportPanel } from './pages/ImportPanel';
import { PacketListPage } from './pages/PacketListPage';

test.use({ viewport: { width: 1366, height: 768 } });

const SHOTS = '/tmp/h-formats';

/** The files of packet P001, by name: one of each kind an applicant sends. */
function attachmentFiles(): Map<string, Uint8Array> {
  const rows = Array.from({ length: 30 }, (_, i) => [
    `KP${String(i + 1).padStart(3, '0')}`,
    80 + (i % 7),
  ]);
  return new Map<string, Uint8Array>([
    [
      '申报书.docx',
      minimalDocx(
        [
          '四川省技能人才培养基地申报书',
          '一、基本情况：本基地建于2019年，设有数控加工、工业机器人两个实训区。',
        ],
        { image: makeTinyPng(160, 100, [30, 140, 60]) },
      ),
    ],
    [
      '设备清单.xlsx',
      minimalXlsx({
        设备清单: [['设备名称', '数量', '单价（万元）'], ['五轴加工中心', 2, 186.5], ...rows],
        说明: [['本表由申报单位填写']],
      }),
    ],
    ['现场照片.png', makeTinyPng(320, 200, [40, 120, 180])],
    [
      '电子发票.ofd',
      minimalOfd(
        [
          [['电子发票（普通发票）'], ['购买方名称：', '四川省职业技能鉴定指导中心']],
          [['第二页：备注']],
        ],
        { templateText: '国家税务总局监制' },
      ),
    ],
    ['旧版说明.doc', word97Lookalike()],
    // A PDF saved under a Word name: shown as the PDF it is, with a word about the name.
    ['扫描件.docx', makeTinyPdf('扫描件', ['Scanned page one'])],
    // 20 MB of zeros in 20 KB: refused by the guarded reader before SheetJS sees it.
    ['汇总表.xlsx', zipSync({ 'xl/workbook.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 })],
  ]);
}

function packageWithAttachments(dir: (name: string) => string): string {
  const { round, packets, attachments } = tinyRound('FMT-1');
  const files = attachmentFiles();
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const refs: AttachmentRef[] = [...files].map(([name, bytes]) => ({
    name,
    path: `attachments/P001/${name}`,
    sha256: sha256(bytes),
    size: bytes.length,
  }));
  const all = new Map(attachments);
  for (const ref of packets[1]!.attachments) ref.sha256 = sha256(all.get(ref.path)!);
  packets[0]!.attachments = refs;
  for (const [name, bytes] of files) all.set(`attachments/P001/${name}`, bytes);
  const path = dir('formats.zip');
  writeFileSync(path, writeRoundPackage({ round, packets, attachments: all }));
  return path;
}

const openFile = (page: Page, name: string) =>
  page
    .getByTestId('reader-pane')
    .getByRole('button', { name: `查看 ${name}` })
    .click();

const viewer = (page: Page) => page.getByTestId('format-viewer');

test('a packet’s .docx, .xlsx, image and OFD are read in the app; a .doc and a zip bomb get a message and 另存为', async ({
  page,
}, testInfo) => {
  const zip = packageWithAttachments((name) => testInfo.outputPath(name));
  // Nothing a viewer does may need more than the app's Content-Security-Policy allows.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto('/');
  await new ImportPanel(page).importPackage(zip);
  const list = new PacketListPage(page);
  await list.expectVisible();
  await list.openPacket('项目1');

  // Word: the document's own text, laid out inside the app (in the viewer's shadow root).
  await openFile(page, '申报书.docx');
  const docx = viewer(page).getByTestId('format-docx');
  await expect(docx.getByText('四川省技能人才培养基地申报书')).toBeVisible();
  await expect(docx.getByText(/设有数控加工、工业机器人两个实训区/)).toBeVisible();
  // Its external link is shown but leads nowhere.
  // Its picture is drawn from the document's own bytes (a data: URL the CSP allows).
  const picture = docx.locator('img').first();
  await expect(picture).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  const link = docx.locator('a', { hasText: '外部链接' });
  await expect(link).toHaveAttribute('title', 'https://example.invalid/');
  expect(await link.getAttribute('href')).toBeNull();
  await page.screenshot({ path: `${SHOTS}/docx.png` });

  // Excel: each sheet a tab, the cells as text in a table.
  await openFile(page, '设备清单.xlsx');
  const table = viewer(page).getByTestId('format-sheet');
  await expect(table.getByRole('cell', { name: '五轴加工中心' })).toBeVisible();
  await expect(table.getByRole('cell', { name: '186.5' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/xlsx.png` });
  await viewer(page).getByRole('tab', { name: '说明' }).click();
  await expect(viewer(page).getByRole('cell', { name: '本表由申报单位填写' })).toBeVisible();

  // An image: fit to the pane by default, then zoomed and turned.
  await openFile(page, '现场照片.png');
  const image = viewer(page).getByTestId('format-image');
  await expect(image).toBeVisible();
  const fitWidth = (await image.boundingBox())!.width;
  expect(fitWidth).toBeGreaterThan(320);
  await viewer(page).getByRole('button', { name: '原始大小' }).click();
  await expect(viewer(page).getByTestId('image-zoom')).toHaveText('100%');
  await expect.poll(async () => (await image.boundingBox())!.width).toBeCloseTo(320, 0);
  await viewer(page).getByRole('button', { name: '放大' }).click();
  await expect(viewer(page).getByTestId('image-zoom')).toHaveText('125%');
  await viewer(page).getByRole('button', { name: '向右旋转 90°' }).click();
  // Turned a quarter: the box is now taller than wide (200 × 320 at 125 %).
  await expect
    .poll(async () => {
      const box = (await image.boundingBox())!;
      return Math.round(box.height);
    })
    .toBe(400);
  await page.screenshot({ path: `${SHOTS}/image.png` });
  // Ctrl − with focus in the viewer zooms the image, not the window.
  await viewer(page).getByRole('button', { name: '放大' }).focus();
  await page.keyboard.press('Control+Minus');
  await expect(viewer(page).getByTestId('image-zoom')).toHaveText('100%');

  // OFD: the page count and each page's text in reading order, template text included.
  await openFile(page, '电子发票.ofd');
  await expect(viewer(page).getByTestId('ofd-pages')).toHaveText('OFD 文件，共 2 页');
  await expect(viewer(page).getByText('购买方名称： 四川省职业技能鉴定指导中心')).toBeVisible();
  await expect(viewer(page).getByText('国家税务总局监制')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ofd.png` });

  await openFile(page, '扫描件.docx');
  await expect(viewer(page)).toContainText('文件扩展名是 .docx，但内容不是这种格式');
  await expect(viewer(page).getByTestId('reader-page-count')).toContainText('1');
  await expect(viewer(page).getByTestId('pdf-canvas-1')).toBeVisible();

  // Word 97–2003: what it is, that it cannot be shown, and 另存为 with its own name and bytes.
  await openFile(page, '旧版说明.doc');
  const other = viewer(page).getByTestId('format-other');
  await expect(other).toContainText('Word 97–2003 文档');
  await expect(other).toContainText('评审台不能在应用内显示');
  await page.screenshot({ path: `${SHOTS}/doc.png` });
  const download = page.waitForEvent('download');
  await other.getByRole('button', { name: '另存为…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('旧版说明.doc');
  const savedPath = testInfo.outputPath('saved.doc');
  await saved.saveAs(savedPath);
  expect(readFileSync(savedPath).equals(Buffer.from(word97Lookalike()))).toBe(true);

  // A zip bomb named .xlsx: a reason in the viewer and 另存为; the page stays usable.
  await openFile(page, '汇总表.xlsx');
  await expect(viewer(page).getByTestId('format-other')).toContainText('压缩炸弹');
  await expect(viewer(page).getByRole('button', { name: '另存为…' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/bomb.png` });

  // In a narrow pane the Word page narrows with it: no sideways scrolling to read a line.
  await page.setViewportSize({ width: 760, height: 768 });
  await openFile(page, '申报书.docx');
  const section = viewer(page).getByTestId('format-docx').locator('section.docx').first();
  await expect(section).toContainText('四川省技能人才培养基地申报书');
  const pane = (await viewer(page).boundingBox())!;
  expect((await section.boundingBox())!.width).toBeLessThanOrEqual(pane.width);
  await page.screenshot({ path: `${SHOTS}/docx-narrow.png` });
  expect(refused).toEqual([]);
});
