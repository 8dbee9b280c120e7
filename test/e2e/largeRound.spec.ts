import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { buildSampleRound } from '@shared/demo/sampleRound';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { ImportPanel } from './pages/ImportPanel';
import { PacketListPage } from './pages/PacketListPage';

/**
 * A large round's attachments are written ahead of the round (attachmentsAhead.ts), and every
 * start of the app sweeps attachment rows whose round does not exist. Another window starting
 * while this one imports must not sweep the rows this import is writing: round creation holds a
 * Web Lock, and the start-up sweep skips while it is held.
 */

/** Attachment rows and bytes stored for `roundId`, read with raw IndexedDB. */
function storedAttachments(page: Page, roundId: string) {
  return page.evaluate(
    (roundId) =>
      new Promise<{ rows: number; bytes: number; declared: number }>((resolve, reject) => {
        const open = indexedDB.open('review-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('attachments')
            .objectStore('attachments')
            .index('roundId')
            .getAll(roundId);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const rows = request.result as { blob: Blob; size: number }[];
            open.result.close();
            resolve({
              rows: rows.length,
              bytes: rows.reduce((sum, row) => sum + row.blob.size, 0),
              declared: rows.reduce((sum, row) => sum + row.size, 0),
            });
          };
        };
      }),
    roundId,
  );
}

test('a large round imports whole while other windows of the app start meanwhile', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  // 120 × 600 KiB ≈ 74 MB: more than one 64 MiB batch, so the attachments are written ahead.
  const sample = buildSampleRound({ packets: 120, attachmentsPerPacket: 1, attachmentKb: 600 });
  const file = testInfo.outputPath('large.zip');
  writeFileSync(file, writeRoundPackage(sample));

  await page.goto('/');
  const started = Date.now();
  await new ImportPanel(page).importPackage(file);
  // Other windows start (and sweep, unless an import holds the lock) all through the import.
  const others: Page[] = [];
  const listHeading = page.getByRole('heading', { name: '项目列表' });
  while (!(await listHeading.isVisible())) {
    const other = await context.newPage();
    await other.goto('/');
    await other.getByRole('button', { name: '导入评审包' }).first().waitFor();
    others.push(other);
    await page.waitForTimeout(150);
    expect(Date.now() - started, 'the import finishes').toBeLessThan(100_000);
  }
  await new PacketListPage(page).expectVisible();
  expect(others.length, 'windows started during the import').toBeGreaterThan(1);

  const stored = await storedAttachments(page, sample.round.id);
  expect(stored.rows).toBe(sample.attachments.size);
  expect(stored.bytes).toBe(stored.declared);
  expect(stored.declared).toBeGreaterThan(64 * 1024 * 1024);
});
