import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildDemoRound } from '@shared/demo/demoRound';
import { parseTrustedKeys } from '@shared/workbook';
import { ExportPanel, KeysPage, VerifyPage } from './pages/ExportPages';
import { HomePage } from './pages/HomePage';
import { PacketListPage } from './pages/PacketListPage';
import { PanelPage } from './pages/PanelPages';
import { PapersPages } from './pages/PapersPages';
import { ResultsPage } from './pages/ResultsPages';
import { DEFAULT_PIN, ExpertSheetsPage, ScoringSheet } from './pages/ScoringPages';

const demo = buildDemoRound();
const [e1, e2, , , chair] = demo.round.experts;
// D01 and D02: the two packets of 天府新农人 (quota 1 入选 + 1 备选). 80 and 80 on D01, 70 on D02:
// no tie at the line and no deviation flag, so the chair can confirm at once.
const [first, second] = demo.packets;
const EIGHTY = ['12', '8', '12', '8', '12', '8', '8', '12'];
const SEVENTY = ['10.5', '7', '10.5', '7', '10.5', '7', '7', '10.5'];

const CLI = 'dist-cli/review-desk.cjs';

test.beforeAll(() => {
  // The CLI as the central system runs it: the bundled command, built from this checkout.
  test.setTimeout(180_000);
  execFileSync('npm', ['run', '--silent', 'build:cli'], { stdio: 'pipe' });
});

test('the chair exports a signed workbook that the CLI and the app verify, and prints the report', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  await home.open();

  // The key screen: no key yet in this fresh browser profile; create it and note its id.
  const keys = new KeysPage(page);
  await keys.open();
  await page.getByRole('button', { name: '创建签名密钥' }).click();
  await expect(keys.protection).toHaveText('浏览器不可导出密钥');
  const keyId = (await keys.fingerprint.textContent())!.trim();
  expect(keyId).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  // The public key for registration: a KEYS.json entry the verifier's --trust accepts.
  const registration = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出公钥（JSON）' }).click();
  const entryPath = testInfo.outputPath('key.json');
  await (await registration).saveAs(entryPath);
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as unknown;
  const trusted = parseTrustedKeys(JSON.stringify({ keys: [entry] }));
  expect(trusted.ok).toBe(true);

  await page.getByRole('link', { name: '评审台' }).click();
  await home.loadDemo();
  const panel = new PanelPage(page);
  await panel.open();
  await panel.setRole(chair!.name, '专家组组长');

  const sheets = new ExpertSheetsPage(page);
  const sheet = new ScoringSheet(page);
  async function score(packetId: string, values: string[]) {
    await sheets.openSheet(packetId);
    await sheet.typePoints(values);
    await sheet.submitWithKeyboard();
    await sheet.expectSubmitted();
    await page.getByRole('link', { name: /返回我的评分表/ }).click();
  }
  await new PacketListPage(page).goToScoring();
  await sheets.pickExpert(e1!.name, DEFAULT_PIN);
  await score(first!.id, EIGHTY);
  await score(second!.id, SEVENTY);
  await sheets.lockAndSwitch();
  await sheets.pickExpert(e2!.name, DEFAULT_PIN);
  await score(first!.id, EIGHTY);
  await sheets.lockAndSwitch();

  // Export is refused until the chair confirms.
  const results = new ResultsPage(page);
  await results.open(DEFAULT_PIN);
  const exporter = new ExportPanel(page);
  await expect(exporter.button).toBeDisabled();
  await expect(page.getByText('评审结果尚未经专家组组长确认')).toBeVisible();
  await new PapersPages(page).writeOpinionFromBlocker(first!.id, '条件完善，专家组建议入选。');
  await results.confirm();
  await expect(results.state).toContainText('已确认 第 1 版');

  const workbook = testInfo.outputPath('result.xlsx');
  expect(await exporter.exportTo(workbook)).toBe(`${demo.round.id}-结果.xlsx`);
  await expect(exporter.keyId).toHaveText(keyId);
  const sha256 = (await exporter.sha256.textContent())!.trim();
  expect(sha256).toMatch(/^[0-9a-f]{64}$/);

  // The central system's check: exit 0, the same key id and hash, and trusted with --trust.
  const keysFile = testInfo.outputPath('KEYS.json');
  writeFileSync(keysFile, JSON.stringify({ keys: [entry] }));
  const cli = spawnSync('node', [CLI, 'verify', workbook, '--trust', keysFile], {
    encoding: 'utf8',
  });
  expect(cli.stderr).toBe('');
  expect(cli.status).toBe(0);
  expect(cli.stdout).toContain(demo.round.id);
  expect(cli.stdout).toContain(keyId);
  expect(cli.stdout).toContain(sha256);

  // The same check inside the app: without a list of trusted keys the signer is not checked
  // (anyone can sign with a key of their own), as the CLI's exit 3 says.
  const verify = new VerifyPage(page);
  await verify.open();
  await verify.verify(workbook);
  await expect(verify.result).toContainText('签名有效，但未核对签名人');
  await expect(verify.result).toContainText(keyId);
  await expect(page.getByTestId('verify-key-id')).toHaveText(keyId);
  await expect(page.getByTestId('verify-sha256')).toHaveText(sha256);
  await expect(page.getByTestId('verify-signer')).toHaveText('未核对 （本机的签名密钥）');
  // With the trusted keys the workbook is valid and the signer named.
  await verify.pickTrustedKeys(keysFile);
  await verify.verify(workbook);
  await expect(verify.result).toContainText('有效：签名正确');
  await expect(verify.result).toContainText('签名人受信任（评审秘书处）');
  await expect(page.getByTestId('verify-signer')).toHaveText('受信任：评审秘书处');
  // A list that does not hold the signer's key: invalid, like the CLI's exit 1.
  const otherKeys = testInfo.outputPath('OTHER-KEYS.json');
  writeFileSync(
    otherKeys,
    JSON.stringify({ keys: [{ name: '别处', publicKey: Buffer.alloc(32, 7).toString('base64') }] }),
  );
  await verify.pickTrustedKeys(otherKeys);
  await verify.verify(workbook);
  await expect(verify.result).toContainText('无效');

  // The printed report: rendered to PDF by headless Chromium and read back with pdftotext.
  // The verify page belongs to no round; Back returns to the results (the chair is still unlocked).
  await page.goBack();
  await expect(page.getByRole('heading', { name: '结果汇总', level: 1 })).toBeVisible();
  await exporter.openReport();
  const shortHash = sha256.slice(0, 16).match(/.{4}/g)!.join(' ');
  await expect(page.getByTestId('report-sha256').first()).toHaveText(sha256);
  await expect(page.getByTestId('report-key-id').first()).toHaveText(keyId);
  await expect(
    page.getByRole('img', { name: `签名数据短哈希 ${shortHash} 的二维码` }).first(),
  ).toBeVisible();
  await expect(page.getByTestId(`report-row-${first!.id}`)).toContainText('80.00');
  await expect(page.getByTestId(`report-row-${first!.id}`)).toContainText('入选');

  const pdfPath = testInfo.outputPath('report.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(demo.round.title);
  expect(text).toContain('专家签字表');
  for (const expert of demo.round.experts) expect(text).toContain(expert.name);
  // The full hash may wrap across lines on paper.
  expect(text.replace(/\s+/g, '')).toContain(sha256);
  // Every printed page carries the short hash (pdftotext separates pages with a form feed).
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThanOrEqual(3);
  for (const printed of pages) expect(printed).toContain(shortHash);
});
