import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { buildSampleRound } from '@shared/demo/sampleRound';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { HomePage } from './pages/HomePage';
import { ImportPanel } from './pages/ImportPanel';
import { PacketListPage } from './pages/PacketListPage';
import { ReaderPane } from './pages/ReaderPane';
import { unlockSecretariat } from './pages/SecretariatPages';

// Big enough that the list must be windowed, small enough to build in a second.
const PACKETS = 600;

test('import a round package, search, read a PDF, re-import unchanged, refuse a bad package, apply a newer version', async ({
  page,
}, testInfo) => {
  const sample = buildSampleRound({ packets: PACKETS, attachmentsPerPacket: 2 });
  const good = testInfo.outputPath('sample.zip');
  writeFileSync(good, writeRoundPackage(sample));

  await page.goto('/');
  const importer = new ImportPanel(page);
  await importer.importPackage(good);

  const list = new PacketListPage(page);
  await list.expectVisible();
  await expect(list.count).toHaveText(`共 ${PACKETS} 个项目`);
  // Windowed: far fewer rows in the DOM than packets, yet the last one is reachable by scrolling.
  expect(await list.rows.count()).toBeLessThan(100);
  await page.locator('.table-viewport').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByRole('cell', { name: `KP0${PACKETS}`, exact: true })).toBeVisible();

  // Counts per group, and search by applicant.
  await expect(page.getByRole('button', { name: /^平台载体类 \d+$/ })).toBeVisible();
  const target = sample.packets[42]!;
  await list.search.fill(target.applicant.name);
  await expect(list.rows.first()).toContainText(target.title);
  await list.search.fill('');

  // Filter by city narrows to that city's packets.
  await page.getByRole('combobox', { name: '全部市(州)' }).selectOption('凉山彝族自治州');
  const inLiangshan = sample.packets.filter((p) => p.applicant.city === '凉山彝族自治州').length;
  await expect(list.count).toHaveText(`显示 ${inLiangshan} / ${PACKETS} 个项目`);
  await page.getByRole('button', { name: '清除筛选' }).click();

  // The PDF attachment opens inside the app: its page drawn, its text found by the reader's search.
  await list.search.fill(target.id);
  await list.openPacket(target.title);
  await expect(page.getByRole('heading', { name: target.title })).toBeVisible();
  const reader = new ReaderPane(page);
  await reader.open('申报书.pdf');
  await expect(reader.pane.getByTestId('reader-page-count')).toHaveText('/ 1 页');
  await reader.expectDrawn(1);
  await reader.find(`Application ${target.id}`);
  await expect(reader.searchStatus).toHaveText(/^第 1 \/ \d+ 处（第 1 页）$/);

  // The same package again: nothing to do, and the UI says so.
  await page.getByRole('link', { name: /返回项目列表/ }).click();
  await importer.importPackage(good);
  await expect(importer.message).toContainText('完全相同，无需更新');
  await importer.dismiss();

  // A package with one swapped attachment: refused with the located message, data intact.
  const tampered = buildSampleRound({ packets: PACKETS, attachmentsPerPacket: 2 });
  const victim = tampered.packets[1]!;
  const bytes = tampered.attachments.get(victim.attachments[0]!.path)!.slice();
  bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x20;
  tampered.attachments.set(victim.attachments[0]!.path, bytes);
  const bad = testInfo.outputPath('bad.zip');
  writeFileSync(bad, writeRoundPackage(tampered));
  await importer.importPackage(bad);
  await expect(importer.problems).toContainText('未导入任何内容');
  await expect(importer.problems).toContainText(
    `packets/${victim.id}.json › attachments[0].sha256：附件“申报书.pdf”的 SHA-256 校验值不符`,
  );
  await importer.dismiss();
  await expect(list.count).toHaveText(`共 ${PACKETS} 个项目`);

  // A newer version: shown as a diff, applied only on confirmation.
  const newer = buildSampleRound({ packets: PACKETS, attachmentsPerPacket: 2 });
  newer.packets[0]!.title = '更名后的项目';
  newer.packets.pop();
  const v2 = testInfo.outputPath('v2.zip');
  writeFileSync(v2, writeRoundPackage(newer));
  await importer.importPackage(v2);
  await expect(importer.diff).toContainText('移除项目 1 个');
  await expect(importer.diff).toContainText('变更项目 1 个');
  await expect(list.count).toHaveText(`共 ${PACKETS} 个项目`);
  // Applying it is the secretariat's: refused without the passphrase, which is asked for there
  // (set here, this being the laptop's first round); then applied.
  await page.getByRole('button', { name: '确认更新' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '此操作需要秘书处口令' })).toBeVisible();
  await expect(list.count).toHaveText(`共 ${PACKETS} 个项目`);
  await unlockSecretariat(page);
  await page.getByRole('button', { name: '确认更新' }).click();
  await expect(list.count).toHaveText(`共 ${PACKETS - 1} 个项目`);
});

test('an attachment that is itself a JSON file is imported with the others', async ({
  page,
}, testInfo) => {
  const sample = buildSampleRound({ packets: 3, attachmentsPerPacket: 1 });
  const json = new TextEncoder().encode('{"说明":"附件本身是 JSON 文件"}');
  const path = 'attachments/KP1/数据.json';
  const first = sample.packets[0]!;
  first.attachments.push({
    name: '数据.json',
    path,
    size: json.length,
    sha256: createHash('sha256').update(json).digest('hex'),
  });
  sample.attachments.set(path, json);
  const file = testInfo.outputPath('json-attachment.zip');
  writeFileSync(file, writeRoundPackage(sample));

  await page.goto('/');
  await new ImportPanel(page).importPackage(file);
  await new PacketListPage(page).expectVisible();
  const stored = await page.evaluate(
    async (key) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('review-desk');
        open.onsuccess = () => {
          const get = open.result.transaction('attachments').objectStore('attachments').get(key);
          get.onsuccess = () =>
            resolve((get.result as { blob: Blob } | undefined)?.blob.size ?? -1);
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      }),
    `${sample.round.id}:${path}`,
  );
  expect(stored).toBe(json.length);
});

test('a package changed on disk while it is being read is refused, saying so, and nothing is stored', async ({
  page,
}, testInfo) => {
  // ~40 MB: the reader asks for the file in 16 MiB pieces, so it is still reading when the
  // file changes (the import no longer holds the whole file: it reads pieces as it goes).
  const sample = buildSampleRound({ packets: 40, attachmentsPerPacket: 1, attachmentKb: 1000 });
  const file = testInfo.outputPath('changing.zip');
  writeFileSync(file, writeRoundPackage(sample));

  await page.goto('/');
  const importer = new ImportPanel(page);
  await importer.importPackage(file);
  writeFileSync(file, 'replaced while the import was reading it');
  await expect(importer.message).toContainText('文件在读取时被移动、修改或删除，请重新选择');
  await importer.dismiss();
  await new HomePage(page).expectEmpty();
});
