/**
 * The renderer's side of a passphrase-protected desktop key. The real preload turns main's
 * `{ ok: false, error: { code } }` into an Error whose name is the code (unit-tested in
 * electron/preload/api.test.ts); here a bridge with that same contract stands in for it, so the
 * screens' handling is what is tested: the export asks for the passphrase, unlocks, and goes on.
 */
import { expect, test } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { allCriteria } from '@shared/rubric/points';
import { ExportScoreFile } from './pages/ExchangePages';
import { HomePage } from './pages/HomePage';
import { PacketListPage } from './pages/PacketListPage';
import { ExpertSheetsPage, ScoringSheet } from './pages/ScoringPages';

const demo = buildDemoRound();
const expert = demo.round.experts[0]!;
const criteria = allCriteria(demo.round.rubric);

test('a score-file export with a locked desktop key asks for the passphrase, then signs', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const failure = (name: string, message: string) => Object.assign(new Error(message), { name });
    let pair: CryptoKeyPair | null = null;
    let unlocked = false;
    const saved: { name: string; size: number }[] = [];
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    const info = async () => {
      if (!pair) return null;
      const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
      return {
        algorithm: 'Ed25519' as const,
        publicKey: b64(raw),
        fingerprint: '0000 0000 0000 0000',
        protection: 'passphrase' as const,
        createdAt: '2026-11-20T00:00:00.000Z',
      };
    };
    (window as unknown as { __saved: typeof saved }).__saved = saved;
    (window as unknown as { reviewDesk: unknown }).reviewDesk = {
      kind: 'electron',
      appVersion: async () => 'test',
      openFiles: async () => [],
      openFileSource: async () => null,
      printToPdf: async () => ({ saved: false }),
      saveFile: async (request: { suggestedName: string; bytes: Uint8Array }) => {
        saved.push({ name: request.suggestedName, size: request.bytes.length });
        return { saved: true, location: request.suggestedName };
      },
      keys: {
        info,
        async create() {
          pair ??= (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
            'sign',
            'verify',
          ])) as CryptoKeyPair;
          return (await info())!;
        },
        async unlock(passphrase: string) {
          if (passphrase !== 'correct horse') {
            throw failure('wrong-passphrase', '口令不正确，请重试。');
          }
          unlocked = true;
          return null;
        },
        async sign(message: Uint8Array) {
          if (!pair) throw failure('failed', '没有密钥');
          if (!unlocked) throw failure('passphrase-locked', '签名密钥已锁定，请输入口令。');
          return new Uint8Array(
            await crypto.subtle.sign(
              { name: 'Ed25519' },
              pair.privateKey,
              message as Uint8Array<ArrayBuffer>,
            ),
          );
        },
      },
    };
  });

  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PacketListPage(page).goToScoring();
  const sheets = new ExpertSheetsPage(page);
  await sheets.pickExpert(expert.name);
  await sheets.openSheet(demo.packets[0]!.id);
  const sheet = new ScoringSheet(page);
  await sheet.typePoints(criteria.map(() => '8'));
  await sheet.submitWithKeyboard();
  await sheet.expectSubmitted();
  await page.getByRole('link', { name: /返回我的评分表/ }).click();

  const exporter = new ExportScoreFile(page);
  await exporter.button.click();
  const unlock = page.getByRole('form', { name: '输入签名密钥口令' });
  await expect(unlock).toBeVisible();
  await unlock.getByLabel('口令').fill('wrong one');
  await unlock.getByRole('button', { name: '解锁' }).click();
  await expect(unlock.getByRole('alert')).toHaveText('口令不正确，请重试。');
  await unlock.getByLabel('口令').fill('correct horse');
  await unlock.getByRole('button', { name: '解锁' }).click();
  await expect(exporter.outcome).toBeVisible();
  const saved = await page.evaluate(
    () => (window as unknown as { __saved: { name: string; size: number }[] }).__saved,
  );
  expect(saved).toEqual([{ name: `${expert.id}.scores.json`, size: expect.any(Number) }]);
});
