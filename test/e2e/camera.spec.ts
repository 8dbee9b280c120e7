/**
 * A site photo taken with the laptop camera. Chromium's fake capture device stands in
 * for the camera; the app asks getUserMedia for video only, draws a frame and stores it as JPEG.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import config from '../../playwright.config';
import { buildInspectionRound } from '@shared/demo/fieldRounds';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { ImportPanel } from './pages/ImportPanel';
import { PacketListPage } from './pages/PacketListPage';
import { RoutePage } from './pages/RoutePages';
import { PanelPage } from './pages/PanelPages';

const base = config.use!.launchOptions!;
test.use({
  launchOptions: {
    ...base,
    args: [...base.args!, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['camera'],
});

test('a photo from the camera is stored with the site and the time it was taken', async ({
  page,
}, testInfo) => {
  const pkg = buildInspectionRound();
  const zip = testInfo.outputPath('inspection.zip');
  writeFileSync(zip, writeRoundPackage(pkg));
  await page.goto('/');
  await new ImportPanel(page).importPackage(zip);
  await new PacketListPage(page).expectVisible();
  // Field work is recorded by an unlocked inspector or the secretariat: here the secretariat.
  await new PanelPage(page).open();

  const route = new RoutePage(page);
  await route.open();
  const site = route.site('S01');
  await site.getByRole('button', { name: '拍照' }).click();
  const capture = site.getByRole('button', { name: '拍下这张' });
  await expect(capture).toBeEnabled();
  await capture.click();
  await expect(site.getByTestId('site-photo')).toHaveCount(1);
  await expect(site.getByTestId('site-photo')).toContainText('拍摄');
  const size = await site
    .getByTestId('site-photo')
    .getByRole('img')
    .evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(size).toBeGreaterThan(0);
});
