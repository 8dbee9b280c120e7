/**
 * `review-desk keygen | compile | verify` through run() with an in-memory file system over the
 * real fixture files: exit codes and messages for each outcome.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { run } from '../../cli/run';
import { readScoreFile, serializeScoreFile } from '@shared/formats/scoreFile';
import { parsePrivateKeyPem } from '@shared/signing/pem';
import { publicKeyFromSeed } from '@shared/signing/ed25519';
import { encodeBase64 } from '@shared/signing/base64';
import { verifyResultWorkbook } from '@shared/workbook';
import { BRAND_EXPERT_KEYS, BRAND_TRUST, brandRoundPath } from '../conformance/fixture';
import { ROUND_ZIP, SCORES_DIR, SECRETARIAT_PEM } from './brandRound';
import { memoryIo } from './cliIo';
import { editWorkbook, sheet, summaryRow } from './edit';

const compileArgs = (out = 'r.xlsx', scores: string[] = [SCORES_DIR]) => [
  'compile',
  '--round',
  ROUND_ZIP,
  '--scores',
  ...scores,
  '--key',
  SECRETARIAT_PEM,
  '--expert-keys',
  BRAND_EXPERT_KEYS,
  '--out',
  out,
];

const secretariatKey = () =>
  encodeBase64(publicKeyFromSeed(parsePrivateKeyPem(readFileSync(SECRETARIAT_PEM, 'utf8'))));

describe('review-desk with a passphrase-protected key', () => {
  const withKey = (pem: Uint8Array, pass?: string) =>
    memoryIo({ 'enc.pem': pem }, pass === undefined ? {} : { KEY_PASS: pass });
  const compileWith = (pass?: string) => [
    ...compileArgs().map((arg) => (arg === SECRETARIAT_PEM ? 'enc.pem' : arg)),
    ...(pass === undefined ? [] : ['--passphrase-env', 'KEY_PASS']),
  ];

  it('keygen encrypts the key with the passphrase from the environment; compile signs with it', async () => {
    const made = memoryIo({}, { KEY_PASS: 'correct horse battery' });
    expect(await run(['keygen', '--out', 'enc.pem', '--passphrase-env', 'KEY_PASS'], made.io)).toBe(
      0,
    );
    const pem = made.files['enc.pem']!;
    expect(new TextDecoder().decode(pem)).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    expect(made.stdout()).toContain('已用口令加密');
    const publicKey = /公钥（base64，交省厅系统登记）：(\S+)/.exec(made.stdout())![1]!;

    const signed = withKey(pem, 'correct horse battery');
    expect(await run(compileWith('x'), signed.io)).toBe(0);
    const check = verifyResultWorkbook(signed.files['r.xlsx']!, { trustedKeys: [publicKey] });
    expect(check.ok).toBe(true);
  });

  it('refuses a missing, short or wrong passphrase, saying what to do, and writes nothing', async () => {
    const made = memoryIo({}, { KEY_PASS: 'correct horse battery' });
    await run(['keygen', '--out', 'enc.pem', '--passphrase-env', 'KEY_PASS'], made.io);
    const pem = made.files['enc.pem']!;

    const none = withKey(pem);
    expect(await run(compileWith(), none.io)).toBe(1);
    expect(none.stderr()).toContain('已加密：请用 --passphrase-env');
    const wrong = withKey(pem, 'wrong horse battery');
    expect(await run(compileWith('x'), wrong.io)).toBe(1);
    expect(wrong.stderr()).toContain('口令不正确');
    const short = withKey(pem, 'short');
    expect(await run(compileWith('x'), short.io)).toBe(2);
    expect(short.stderr()).toContain('至少 8 个字符');
    for (const t of [none, wrong, short]) expect(t.files['r.xlsx']).toBeUndefined();
    expect(await run(['keygen', '--out', 'k2.pem', '--passphrase-env', 'NOPE'], made.io)).toBe(2);
    expect(made.files['k2.pem']).toBeUndefined();
  });
});

describe('review-desk keygen', () => {
  it('writes a PKCS#8 PEM owner-only, prints the fingerprint, never overwrites', async () => {
    const t = memoryIo();
    expect(await run(['keygen', '--out', 'k.pem'], t.io)).toBe(0);
    const seed = parsePrivateKeyPem(new TextDecoder().decode(t.files['k.pem']));
    expect(seed).toHaveLength(32);
    expect(t.writes[0]?.options).toEqual({ exclusive: true, private: true });
    expect(t.stdout()).toMatch(/密钥指纹：[0-9a-f]{4}( [0-9a-f]{4}){3}/);
    expect(t.stdout()).toContain(encodeBase64(publicKeyFromSeed(seed)));

    const again = memoryIo(t.files);
    expect(await run(['keygen', '--out', 'k.pem'], again.io)).toBe(2);
    expect(again.stderr()).toContain('k.pem 已存在，不会覆盖');
    expect(parsePrivateKeyPem(new TextDecoder().decode(t.files['k.pem']))).toEqual(seed);
  });

  it('usage errors exit 2', async () => {
    expect(await run(['keygen'], memoryIo().io)).toBe(2);
    expect(await run(['keygen', '--out'], memoryIo().io)).toBe(2);
    expect(await run(['keygen', '--force', 'k.pem'], memoryIo().io)).toBe(2);
  });
});

describe('review-desk compile', () => {
  it('compiles the brand round from a folder, prints the table, writes a workbook that verifies', async () => {
    const t = memoryIo();
    expect(await run(compileArgs(), t.io)).toBe(0);
    expect(t.stderr()).toBe('');
    const stdout = t.stdout();
    expect(stdout).toMatch(/^3\tP005\t天府数智工匠\t6\t81\.88\t建议备选\t$/m);
    expect(stdout).toMatch(/^—\tP002\t天府建筑工\t7\t61\.80\t建议取消资格\t否决：/m);
    expect(stdout).toContain('已写入结果工作簿 r.xlsx');
    expect(stdout).toContain('签名密钥 59df 2305 87f4 da2b');

    const v = memoryIo(t.files);
    expect(await run(['verify', 'r.xlsx', '--trust', BRAND_TRUST], v.io)).toBe(0);
    expect(v.stdout()).toContain('有效：r.xlsx 的签名与内容一致，签名人受信任');
    expect(v.stdout()).toContain('25 份申报材料');
  });

  it('accepts score files listed one by one', async () => {
    const files = readdirSync(SCORES_DIR).map((name) => `${SCORES_DIR}/${name}`);
    const t = memoryIo();
    expect(await run(compileArgs('r.xlsx', files), t.io)).toBe(0);
  });

  it('refuses a score file whose signature does not match (exit 1)', async () => {
    const path = brandRoundPath('scores', 'e2.scores.json');
    const parsed = readScoreFile(readFileSync(path, 'utf8'), 'e2.scores.json');
    if (!parsed.ok) throw new Error('fixture');
    const forged = structuredClone(parsed.value.content);
    forged.sheets[0]!.scores = { ...forged.sheets[0]!.scores, c1: 10 };
    const t = memoryIo({ 'e2.scores.json': new TextEncoder().encode(serializeScoreFile(forged)) });
    const others = readdirSync(SCORES_DIR)
      .filter((n) => n !== 'e2.scores.json')
      .map((n) => `${SCORES_DIR}/${n}`);
    expect(await run(compileArgs('r.xlsx', [...others, 'e2.scores.json']), t.io)).toBe(1);
    expect(t.stderr()).toContain('评分文件 e2.scores.json 被拒绝');
    expect(t.stderr()).toContain('签名无效');
    expect(t.files['r.xlsx']).toBeUndefined();
  });

  it('exit codes: usage 2, missing file 2, bad round 1, bad key 1, passphrase variable unset 2', async () => {
    expect(await run(['compile', '--round', ROUND_ZIP], memoryIo().io)).toBe(2);
    const missing = memoryIo();
    expect(
      await run(
        [
          'compile',
          '--round',
          'nope.zip',
          '--scores',
          SCORES_DIR,
          '--key',
          SECRETARIAT_PEM,
          '--out',
          'r.xlsx',
        ],
        missing.io,
      ),
    ).toBe(2);
    expect(missing.stderr()).toContain('无法读取 nope.zip：文件不存在');

    const badKey = memoryIo({
      'k.pem': new TextEncoder().encode(
        '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
      ),
    });
    expect(
      await run(
        [
          'compile',
          '--round',
          ROUND_ZIP,
          '--scores',
          SCORES_DIR,
          '--key',
          'k.pem',
          '--out',
          'r.xlsx',
        ],
        badKey.io,
      ),
    ).toBe(1);
    expect(badKey.stderr()).toContain('签名私钥 k.pem 无效');

    const notZip = memoryIo({ 'round.zip': new TextEncoder().encode('{}') });
    expect(
      await run(
        [
          'compile',
          '--round',
          'round.zip',
          '--scores',
          SCORES_DIR,
          '--key',
          SECRETARIAT_PEM,
          '--out',
          'r.xlsx',
        ],
        notZip.io,
      ),
    ).toBe(2);

    const passphrase = memoryIo();
    expect(await run([...compileArgs(), '--passphrase-env', 'KEY_PASS'], passphrase.io)).toBe(2);
    expect(passphrase.stderr()).toContain('环境变量 KEY_PASS 未设置');

    const emptyDir = memoryIo();
    expect(await run(compileArgs('r.xlsx', [brandRoundPath('keys')]), emptyDir.io)).toBe(1);
    expect(emptyDir.stderr()).toContain('中没有评分文件');
  });
});

describe('review-desk verify', async () => {
  const t = memoryIo();
  await run(compileArgs('good.xlsx'), t.io);
  const good = t.files['good.xlsx']!;
  const keysJson = (publicKey: string) =>
    new TextEncoder().encode(
      JSON.stringify({ keys: [{ name: '四川省职业技能鉴定指导中心', publicKey }] }),
    );

  it('with --trust of the signing key → 0 and names the signer', async () => {
    const v = memoryIo({ 'good.xlsx': good, 'keys.json': keysJson(secretariatKey()) });
    expect(await run(['verify', 'good.xlsx', '--trust', 'keys.json'], v.io)).toBe(0);
    expect(v.stdout()).toContain('（受信任：四川省职业技能鉴定指导中心）');
  });

  it('--help states the exit codes, 3 included', async () => {
    const h = memoryIo();
    expect(await run(['verify', '--help'], h.io)).toBe(0);
    expect(h.stdout()).toContain('3  verify 未给 --trust：签名有效，但未核对签名人');
    expect(h.stdout()).toContain(
      '0  成功（verify：签名有效，且签名人在 --trust 列出的受信任密钥中）',
    );
  });

  it('without --trust → 3: the signature is valid, but nobody checked whose key it is', async () => {
    const v = memoryIo({ 'good.xlsx': good });
    expect(await run(['verify', 'good.xlsx'], v.io)).toBe(3);
    expect(v.stdout()).toContain('签名有效，但未核对签名人');
    expect(v.stdout()).toContain('签名密钥 59df 2305 87f4 da2b');
    expect(v.stdout()).not.toContain('有效：');
  });

  it('a workbook re-made and signed with another key verifies without --trust only as 3, and fails --trust', async () => {
    const keygen = memoryIo();
    await run(['keygen', '--out', 'mine.pem'], keygen.io);
    const t2 = memoryIo({ 'mine.pem': keygen.files['mine.pem']! });
    const args = compileArgs('forged.xlsx').map((a) => (a === SECRETARIAT_PEM ? 'mine.pem' : a));
    expect(await run(args, t2.io)).toBe(0);
    const v = memoryIo({ 'forged.xlsx': t2.files['forged.xlsx']! });
    expect(await run(['verify', 'forged.xlsx'], v.io)).toBe(3);
    expect(await run(['verify', 'forged.xlsx', '--trust', BRAND_TRUST], v.io)).toBe(1);
    expect(v.stderr()).toContain('不在受信任的密钥列表中');
  });

  it('tampered → 1 naming sheet and cell', async () => {
    let row = 0;
    const bad = editWorkbook(good, (book) => {
      row = summaryRow(book, 'P005');
      sheet(book, '结果汇总')[`H${row}`] = { t: 'n', v: 81.87, z: '0.00' };
    });
    const v = memoryIo({ 'bad.xlsx': bad });
    expect(await run(['verify', 'bad.xlsx', '--trust', BRAND_TRUST], v.io)).toBe(1);
    expect(v.stderr()).toContain(`结果汇总!H${row}：得分 81.87 与签名数据 81.88 不符`);
  });

  it('an edited registered key on 专家名单 → 1 naming the cell', async () => {
    const bad = editWorkbook(good, (book) => {
      sheet(book, '专家名单').H2 = { t: 's', v: encodeBase64(new Uint8Array(32).fill(1)) };
    });
    const v = memoryIo({ 'bad.xlsx': bad });
    expect(await run(['verify', 'bad.xlsx', '--trust', BRAND_TRUST], v.io)).toBe(1);
    expect(v.stderr()).toContain('专家名单!H2');
  });

  it('untrusted key → 1', async () => {
    const other = encodeBase64(new Uint8Array(32).fill(7));
    const v = memoryIo({ 'good.xlsx': good, 'keys.json': keysJson(other) });
    expect(await run(['verify', 'good.xlsx', '--trust', 'keys.json'], v.io)).toBe(1);
    expect(v.stderr()).toContain('签名密钥 59df 2305 87f4 da2b 不在受信任的密钥列表中');
  });

  it('unreadable, missing, bad KEYS.json or wrong usage → 2', async () => {
    const v = memoryIo({
      'x.xlsx': new TextEncoder().encode('hello'),
      'keys.json': new TextEncoder().encode('{"keys":[{"name":"a"}]}'),
      'good.xlsx': good,
    });
    expect(await run(['verify', 'x.xlsx'], v.io)).toBe(2);
    expect(await run(['verify', 'nope.xlsx'], v.io)).toBe(2);
    expect(await run(['verify', 'good.xlsx', '--trust', 'keys.json'], v.io)).toBe(2);
    expect(v.stderr()).toContain('keys[0].publicKey');
    expect(await run(['verify'], v.io)).toBe(2);
    expect(await run(['verify', 'a.xlsx', 'b.xlsx'], v.io)).toBe(2);
    expect(await run(['verify', 'good.xlsx', '--trust'], v.io)).toBe(2);
  });

  it('a workbook without _signature (any other spreadsheet) → 1', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a']]), 'Sheet1');
    const other = new Uint8Array(
      XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
    );
    const v = memoryIo({ 'other.xlsx': other });
    expect(await run(['verify', 'other.xlsx'], v.io)).toBe(1);
    expect(v.stderr()).toContain('缺少签名工作表 _signature');
  });
});
