/**
 * `review-desk compile` refuses what the rules forbid: each case runs the CLI on the brand round
 * with one score file changed and re-signed by its expert's registered key (or signed by the
 * wrong key), and asserts the exit code, the located message and that no workbook was written.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { escapeForTerminal } from './io';
import { run } from './run';
import { EXPERT_KEYS_FORMAT, serializeExpertKeys } from '@shared/formats/expertKeys';
import { readRoundPackage } from '@shared/formats/roundPackageReader';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import {
  readScoreFile,
  serializeScoreFile,
  signScoreFile,
  type UnsignedScoreFile,
} from '@shared/formats/scoreFile';
import { encodeBase64 } from '@shared/signing/base64';
import { publicKeyFromSeed } from '@shared/signing/ed25519';
import { keyFingerprint } from '@shared/signing/hash';
import { verifyResultWorkbook } from '@shared/workbook';
import { readBrandRoundBytes } from '../test/conformance/fixture';
import { ROUND_ZIP, SCORES_DIR, SECRETARIAT_PEM } from '../test/workbook/brandRound';
import { memoryIo } from '../test/workbook/cliIo';

const enc = new TextEncoder();
const EXPERT_IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
/** Test seeds standing in for the experts' device keys. */
const seedOf = (id: string) => new Uint8Array(32).fill(EXPERT_IDS.indexOf(id) + 1);
const keyOf = (id: string) => encodeBase64(publicKeyFromSeed(seedOf(id)));
const fingerprintOf = (id: string) => keyFingerprint(publicKeyFromSeed(seedOf(id)));

const fixtureContent = (id: string): UnsignedScoreFile => {
  const parsed = readScoreFile(readFileSync(`${SCORES_DIR}/${id}.scores.json`, 'utf8'), id);
  if (!parsed.ok) throw new Error('fixture');
  const { signature: _signature, ...unsigned } = parsed.value.content;
  return structuredClone(unsigned);
};

const NAMES: Record<string, string> = {
  e1: '王建国',
  e2: '李秀英',
  e3: '张伟',
  e4: '刘洋',
  e5: '陈静',
  e6: '杨帆',
  e7: '赵磊',
};

const expertKeysFile = (ids = EXPERT_IDS) =>
  enc.encode(
    serializeExpertKeys({
      format: EXPERT_KEYS_FORMAT,
      roundId: 'R2026-BRAND-01',
      experts: ids.map((id) => ({ id, name: NAMES[id]!, publicKey: keyOf(id) })),
    }),
  );

interface Case {
  /** Change e2's file before it is signed. */
  change?: (file: UnsignedScoreFile) => void;
  /** Sign e2's file with this seed instead of e2's. */
  signWith?: Uint8Array;
  keys?: Uint8Array | null;
  extra?: string[];
  files?: Record<string, Uint8Array>;
}

/** The seven fixture files at s/eN.scores.json, re-signed with the test keys; e2's as `c` says. */
function signedFiles(c: Case = {}): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const id of EXPERT_IDS) {
    const unsigned = fixtureContent(id);
    if (id === 'e2') c.change?.(unsigned);
    const seed = id === 'e2' && c.signWith ? c.signWith : seedOf(id);
    files[`s/${id}.scores.json`] = enc.encode(serializeScoreFile(signScoreFile(unsigned, seed)));
  }
  return files;
}

const compileArgv = (round: string, keys: string | null, extra: string[] = []) => [
  'compile',
  '--round',
  round,
  '--scores',
  ...EXPERT_IDS.map((id) => `s/${id}.scores.json`),
  '--key',
  SECRETARIAT_PEM,
  ...(keys === null ? [] : ['--expert-keys', keys]),
  '--out',
  'out.xlsx',
  ...extra,
];

/** Runs compile on the brand round with the files of signedFiles(c) and keys.json. */
async function compileCase(c: Case = {}) {
  const files: Record<string, Uint8Array> = { ...c.files, ...signedFiles(c) };
  if (c.keys !== null) files['keys.json'] = c.keys ?? expertKeysFile();
  const t = memoryIo(files);
  const code = await run(
    compileArgv(ROUND_ZIP, c.keys === null ? null : 'keys.json', c.extra),
    t.io,
  );
  return { code, ...t };
}

const E2 = 'e2.scores.json › 李秀英（e2）';

describe('compile refuses a score file the rubric does not allow (exit 1, nothing written)', () => {
  const sheet0 = (f: UnsignedScoreFile) => f.sheets[0]!;
  it.each<[string, (f: UnsignedScoreFile) => void, string]>([
    [
      'points over the maximum',
      (f) => (sheet0(f).scores.c4 = 900),
      `${E2} › P001 › c4：课程体系：超过满分 15 分`,
    ],
    [
      'points off the step',
      (f) => (sheet0(f).scores.c1 = 9.3),
      `${E2} › P001 › c1：所属行业领域在全省的地位：必须是 0.5 的整数倍`,
    ],
    [
      'a missing criterion',
      (f) => delete sheet0(f).scores.c9,
      `${E2} › P001 › c9：可持续发展能力：尚未评分`,
    ],
    [
      'a ticked veto without its reason',
      (f) => {
        sheet0(f).vetoes.v1 = true;
        sheet0(f).vetoReasons = {};
      },
      `${E2} › P001 › 否决项 v1：否决项“存在用地、环保或社会信用等方面违规情况”已勾选，请填写理由`,
    ],
    [
      'a 回避 sheet with points',
      (f) => {
        sheet0(f).status = 'conflict';
        sheet0(f).conflictReason = '同一单位';
      },
      `${E2} › P001：回避的评分表不能含有分数或否决`,
    ],
    [
      'an expert name that is not the roster’s',
      (f) => (f.expert.name = '李秀华'),
      'e2.scores.json › 李秀华（e2）：专家编号 e2 在本评审名单中是“李秀英”，文件中却是“李秀华”',
    ],
    [
      'a packet that is not in the round',
      (f) => (sheet0(f).packetId = 'P999'),
      `${E2} › P999：本评审没有申报材料“P999”`,
    ],
    [
      '1e308 points',
      (f) => (sheet0(f).scores.c1 = 1e308),
      `${E2} › P001 › c1：所属行业领域在全省的地位：超过满分 10 分`,
    ],
  ])('%s', async (_name, change, message) => {
    const t = await compileCase({ change });
    expect(t.code).toBe(1);
    expect(t.stderr()).toContain('评分文件 s/e2.scores.json 被拒绝');
    expect(t.stderr()).toContain(message);
    expect(t.stderr()).not.toContain('内部错误');
    expect(t.files['out.xlsx']).toBeUndefined();
    expect(t.stdout()).toBe('');
  });

  it('lists every problem of the file, not only the first', async () => {
    const t = await compileCase({
      change: (f) => {
        f.sheets[0]!.scores.c4 = 900;
        f.sheets[3]!.scores.c1 = 9.3;
        f.sheets[5]!.packetId = 'P999';
      },
    });
    expect(t.code).toBe(1);
    expect(t.stderr()).toContain('被拒绝（3 个问题）');
    expect(t.stderr()).toContain('› P001 › c4：');
    expect(t.stderr()).toContain('› P004 › c1：');
    expect(t.stderr()).toContain('› P999：');
    expect(t.files['out.xlsx']).toBeUndefined();
  });
});

describe('compile trusts only registered expert keys', () => {
  it('compiles the honest files with --expert-keys and records each expert’s registered key', async () => {
    const t = await compileCase();
    expect(t.stderr()).toBe('');
    expect(t.code).toBe(0);
    const check = verifyResultWorkbook(t.files['out.xlsx']!);
    if (!check.ok) throw new Error(check.problems.join('\n'));
    const e2 = check.summary.payload.experts.find((e) => e.id === 'e2')!;
    expect(e2).toMatchObject({ publicKey: keyOf('e2'), keyFingerprint: fingerprintOf('e2') });
  });

  it('refuses a file signed by a key registered for nobody, with both fingerprints', async () => {
    const stranger = new Uint8Array(32).fill(99);
    const t = await compileCase({ signWith: stranger });
    expect(t.code).toBe(1);
    expect(t.stderr()).toContain(
      `签名密钥不是专家李秀英（e2）登记的密钥：已登记 ${fingerprintOf('e2')}，本文件 ${keyFingerprint(publicKeyFromSeed(stranger))}`,
    );
    expect(t.files['out.xlsx']).toBeUndefined();
  });

  it('refuses a file signed by another expert’s key, naming that expert', async () => {
    const t = await compileCase({ signWith: seedOf('e3') });
    expect(t.code).toBe(1);
    expect(t.stderr()).toContain(
      `已登记 ${fingerprintOf('e2')}，本文件 ${fingerprintOf('e3')}；该密钥登记给了专家张伟（e3）`,
    );
    expect(t.files['out.xlsx']).toBeUndefined();
  });

  it('refuses a file of an expert without a registered key, saying how to register one', async () => {
    const t = await compileCase({ keys: expertKeysFile(EXPERT_IDS.filter((id) => id !== 'e2')) });
    expect(t.code).toBe(1);
    expect(t.stderr()).toContain('专家李秀英（e2）尚未登记签名公钥');
    expect(t.stderr()).toContain('--expert-keys');
    expect(t.files['out.xlsx']).toBeUndefined();
  });

  it('without any expert key: exit 1 saying what is missing', async () => {
    const t = await compileCase({ keys: null });
    expect(t.code).toBe(1);
    expect(t.stderr()).toContain('缺少专家公钥');
    expect(t.stderr()).toContain('--expert-keys');
    expect(t.files['out.xlsx']).toBeUndefined();
  });

  it('refuses an expert-keys file of another round, with unknown experts or shared keys', async () => {
    const bad = (experts: unknown[], roundId = 'R2026-BRAND-01') =>
      enc.encode(JSON.stringify({ format: EXPERT_KEYS_FORMAT, roundId, experts }));
    const other = await compileCase({ keys: bad([], 'R-OTHER') });
    expect(other.code).toBe(1);
    expect(other.stderr()).toContain('keys.json › roundId：这是评审“R-OTHER”的专家公钥登记');
    const unknown = await compileCase({
      keys: bad([{ id: 'e9', name: '钱八', publicKey: keyOf('e1') }]),
    });
    expect(unknown.stderr()).toContain(
      'keys.json › experts[0].id：专家“e9”（钱八）不在本评审的专家名单中',
    );
    const shared = await compileCase({
      keys: bad([
        { id: 'e1', name: '王建国', publicKey: keyOf('e1') },
        { id: 'e2', name: '李秀英', publicKey: keyOf('e1') },
      ]),
    });
    expect(shared.stderr()).toContain('experts[1].publicKey：与专家“e1”的公钥相同');
    for (const t of [other, unknown, shared]) expect(t.files['out.xlsx']).toBeUndefined();
  });

  describe('keys carried by the round package', () => {
    const pkg = readRoundPackage(readBrandRoundBytes('round.zip'), { fileName: 'round.zip' });
    if (!pkg.ok) throw new Error('fixture');
    const withKeys = writeRoundPackage({
      ...pkg.value,
      round: {
        ...pkg.value.round,
        experts: pkg.value.round.experts.map((e) => ({ ...e, publicKey: keyOf(e.id) })),
      },
    });

    it('compile needs no --expert-keys when the package carries the keys', async () => {
      const t = memoryIo({ ...signedFiles(), 'keyed.zip': withKeys });
      expect(await run(compileArgv('keyed.zip', null), t.io)).toBe(0);
    });

    it('the same keys in a file as well agree; a file registering another key is refused', async () => {
      const both = memoryIo({
        ...signedFiles(),
        'keyed.zip': withKeys,
        'k.json': expertKeysFile(),
      });
      expect(await run(compileArgv('keyed.zip', 'k.json'), both.io)).toBe(0);

      const otherKey = serializeExpertKeys({
        format: EXPERT_KEYS_FORMAT,
        roundId: 'R2026-BRAND-01',
        experts: [{ id: 'e2', name: '李秀英', publicKey: keyOf('e3') }],
      });
      const conflict = memoryIo({
        ...signedFiles(),
        'keyed.zip': withKeys,
        'k.json': enc.encode(otherKey),
      });
      expect(await run(compileArgv('keyed.zip', 'k.json'), conflict.io)).toBe(1);
      expect(conflict.stderr()).toContain(
        `专家李秀英（e2）：评审包中登记 ${fingerprintOf('e2')}，k.json 中登记 ${fingerprintOf('e3')}`,
      );
      expect(conflict.files['out.xlsx']).toBeUndefined();
    });
  });
});

describe('compile never overwrites', () => {
  it('refuses an existing --out without --force (exit 2), replaces it with --force', async () => {
    const old = enc.encode('old');
    const t = await compileCase({ files: { 'out.xlsx': old } });
    expect(t.code).toBe(2);
    expect(t.stderr()).toContain('out.xlsx 已存在，不会覆盖');
    expect(t.stderr()).toContain('--force');
    expect(t.files['out.xlsx']).toBe(old);
    // Refused before any work: no write was even attempted.
    expect(t.writes).toEqual([]);

    const forced = await compileCase({ files: { 'out.xlsx': old }, extra: ['--force'] });
    expect(forced.code).toBe(0);
    expect(verifyResultWorkbook(forced.files['out.xlsx']!).ok).toBe(true);
  });

  it('the write itself never replaces a file that appeared after the check', async () => {
    const t = await compileCase({ files: {} });
    expect(t.code).toBe(0);
    const late = memoryIo({ ...t.files, 'out.xlsx': enc.encode('late') });
    delete late.io.exists;
    expect(await run(compileArgv(ROUND_ZIP, 'keys.json'), late.io)).toBe(2);
    expect(late.stderr()).toContain('out.xlsx 已存在，不会覆盖');
    expect(new TextDecoder().decode(late.files['out.xlsx'])).toBe('late');
  });

  it('refuses to write over one of its inputs, even with --force', async () => {
    const t = memoryIo({ ...signedFiles(), 'keys.json': expertKeysFile() });
    const args = compileArgv(ROUND_ZIP, 'keys.json', ['--force']).map((a) =>
      a === 'out.xlsx' ? SECRETARIAT_PEM : a,
    );
    expect(await run(args, t.io)).toBe(2);
    expect(t.stderr()).toContain('也是本命令的输入文件');
    expect(t.writes).toEqual([]);
  });

  it('demo refuses an existing OUT.zip without --force', async () => {
    const t = memoryIo({ 'demo.zip': enc.encode('mine') });
    expect(await run(['demo', 'demo.zip', '--packets', '2'], t.io)).toBe(2);
    expect(t.stderr()).toContain('demo.zip 已存在，不会覆盖');
    expect(new TextDecoder().decode(t.files['demo.zip'])).toBe('mine');
    expect(await run(['demo', 'demo.zip', '--packets', '2', '--force'], t.io)).toBe(0);
    expect(t.files['demo.zip']!.length).toBeGreaterThan(100);
  });
});

describe('the CLI prints no stack trace and no raw control character', () => {
  it('an unexpected error is one line and exit 2; --debug adds the details', async () => {
    const boom = (debug: boolean) => {
      const t = memoryIo();
      t.io.env = () => {
        throw new TypeError('boom');
      };
      return {
        t,
        args: ['keygen', '--out', 'k.pem', '--passphrase-env', 'X', ...(debug ? ['--debug'] : [])],
      };
    };
    const plain = boom(false);
    expect(await run(plain.args, plain.t.io)).toBe(2);
    expect(plain.t.stderr()).toBe('内部错误：boom（加 --debug 显示详细信息）\n');
    const debug = boom(true);
    expect(await run(debug.args, debug.t.io)).toBe(2);
    expect(debug.t.stderr()).toContain('内部错误：boom');
    expect(debug.t.stderr()).toContain('TypeError: boom\n    at ');
  });

  it('escapes terminal escapes and bidi controls in everything it prints', async () => {
    const t = memoryIo();
    const name = 'x\u001b[2J\u202e\u0085\r.zip';
    expect(await run(['inspect', name], t.io)).toBe(2);
    const printed = t.stderr();
    expect(printed).toContain('x\\u001b[2J\\u202e\\u0085\\u000d.zip');
    // Nothing left to escape: every character printed is safe for a terminal.
    expect(escapeForTerminal(printed)).toBe(printed);
    expect([...printed].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
  });
});
