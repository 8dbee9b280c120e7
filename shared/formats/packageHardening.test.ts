/**
 * Every bad input that the package reader must refuse (or, for GBK names, read),
 * each with the located Chinese message a secretary sees. Archives that no ordinary tool writes
 * are built byte by byte with test/fixtures/handZip.ts.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { GBK, gbkDecoder, handZip, type HandEntry } from '../../test/fixtures/handZip';
import { buildDemoRound } from '../demo/demoRound';
import { formatProblem } from '../model/validation';
import { readRoundPackage, type RoundPackageProgress } from './roundPackageReader';
import { writeRoundPackage } from './roundPackageWriter';

const json = (value: unknown) => strToU8(JSON.stringify(value));

/** The demo round as hand-zip entries, attachment names replaced by `nameOf`. */
function demoEntries(nameOf: (path: string) => Uint8Array | string = (p) => p): HandEntry[] {
  const demo = buildDemoRound();
  return [
    { name: 'round.json', data: json(demo.round), deflate: true, flags: 0x800 },
    ...demo.packets.map((p) => ({ name: `packets/${p.id}.json`, data: json(p), deflate: true })),
    ...[...demo.attachments].map(([path, data]) => ({ name: nameOf(path), data })),
  ];
}

function refused(bytes: Uint8Array, options: Parameters<typeof readRoundPackage>[1] = {}) {
  const result = readRoundPackage(bytes, { fileName: 'bad.zip', ...options });
  if (result.ok) throw new Error('expected the package to be refused');
  return result.problems.map(formatProblem);
}

describe('entry names in GBK (Chinese Windows zip tools)', () => {
  const ascii = (s: string) => strToU8(s);
  const gbkPath = (path: string) => {
    // Only 申报书 appears in the demo's PDF names; other paths stay ASCII/UTF-8 like real mixes.
    const [before, after] = path.split('申报书');
    return after === undefined
      ? path
      : Uint8Array.from([...ascii(before!), ...GBK.申报书, ...ascii(after)]);
  };

  it('reads a package whose names are GBK without the UTF-8 flag, given a GBK decoder', () => {
    const bytes = handZip(demoEntries(gbkPath));
    const result = readRoundPackage(bytes, { decodeLegacyName: gbkDecoder });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) expect(result.value.attachments.has('attachments/D01/申报书.pdf')).toBe(true);
  });

  it('without a decoder, refuses them naming the entry and the fix', () => {
    const problems = refused(handZip(demoEntries(gbkPath)));
    expect(problems[0]).toMatch(
      /^bad\.zip › 第 \d+ 个条目：条目名称既不是 UTF-8 也不是 GBK.*7-Zip/,
    );
  });

  it('never decodes a name flagged UTF-8 as GBK', () => {
    const bytes = handZip([
      ...demoEntries(),
      {
        name: Uint8Array.from([...ascii('attachments/'), ...GBK.附件]),
        data: new Uint8Array(1),
        flags: 0x800,
      },
    ]);
    expect(refused(bytes, { decodeLegacyName: gbkDecoder }).join()).toMatch(
      /标记为 UTF-8 但编码无效/,
    );
  });
});

describe('zip bombs and limits', () => {
  it('refuses an entry whose declared size is smaller than what it inflates to', () => {
    const entries = demoEntries();
    const big = new Uint8Array(4000).fill(7);
    entries.push({ name: 'attachments/extra.bin', data: big, deflate: true, declaredSize: 100 });
    expect(refused(handZip(entries))).toEqual([
      'bad.zip › attachments/extra.bin：文件已损坏（解压后比目录登记的 100 字节更长），请重新获取评审包',
    ]);
  });

  it('refuses a compression ratio above the limit (zip bomb)', () => {
    const entries = demoEntries();
    entries.push({ name: 'attachments/zeros.bin', data: new Uint8Array(3_000_000), deflate: true });
    expect(refused(handZip(entries))).toEqual([
      'bad.zip › attachments/zeros.bin：压缩比异常（超过 200 倍），疑似“压缩炸弹”，已拒绝；请向省厅索取正常打包的评审包',
    ]);
  });

  it('refuses a declared total over the limit before inflating anything', () => {
    const problems = refused(handZip(demoEntries()), { limits: { maxTotalBytes: 5_000 } });
    expect(problems.join()).toMatch(/^bad\.zip：解压后共 .*超过上限 4\.9 KB；请把评审包拆分/);
  });

  it('refuses one file over the per-file limit, naming it', () => {
    const problems = refused(handZip(demoEntries()), { limits: { maxEntryBytes: 500 } });
    expect(problems.some((p) => p.startsWith('bad.zip › round.json：文件过大'))).toBe(true);
  });

  it('refuses too many entries', () => {
    expect(refused(handZip(demoEntries()), { limits: { maxEntries: 5 } })).toEqual([
      'bad.zip：压缩包中有 26 个条目，超过上限 5；请删去无关文件，或把附件合并后重新打包',
    ]);
  });
});

describe('empty files', () => {
  it('refuses a 0-byte package', () => {
    expect(refused(new Uint8Array())).toEqual([
      'bad.zip：文件是空的（0 字节），请重新下载或复制评审包',
    ]);
  });

  it('refuses an empty round.json and an empty packet file, naming each', () => {
    const entries = demoEntries().map((e) =>
      e.name === 'round.json' || e.name === 'packets/D03.json'
        ? { ...e, data: new Uint8Array() }
        : e,
    );
    const problems = refused(handZip(entries));
    expect(problems).toContain('round.json：文件是空的');
    expect(problems).toContain('packets/D03.json：文件是空的');
  });

  it('refuses an archive with no entries at all', () => {
    expect(refused(zipSync({})).join()).toMatch(/没有评审的基本信息/);
  });
});

describe('paths escaping the archive', () => {
  it.each([
    ['../escape.txt', /跳出评审包目录/],
    ['attachments/../../escape.txt', /跳出评审包目录/],
    ['/etc/passwd', /绝对路径/],
    ['C:/Windows/win.ini', /盘符/],
    ['D:escape.txt', /盘符/],
    ['attachments\\..\\escape.txt', /反斜杠/],
  ])('refuses %j', (name, why) => {
    const problems = refused(handZip([...demoEntries(), { name, data: strToU8('x') }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^bad\\.zip › ${name.replace(/[\\.]/g, '\\$&')}：`));
    expect(problems[0]).toMatch(why);
  });
});

describe('packets and attachments', () => {
  it('refuses two packet files with the same id', () => {
    const entries = demoEntries();
    const d01 = entries.find((e) => e.name === 'packets/D01.json')!;
    entries.push({ ...d01, name: 'packets/D01-copy.json' });
    expect(refused(handZip(entries)).join('\n')).toMatch(
      /packets\/D01\.json › id：编号“D01”与 packets\/D01-copy\.json 重复/,
    );
  });

  it('refuses a missing attachment and one whose bytes were swapped', () => {
    const demo = buildDemoRound();
    demo.attachments.delete('attachments/D02/申报书.pdf');
    const swapped = demo.attachments.get('attachments/D01/场地照片.png')!.slice();
    swapped[swapped.length - 1] = swapped[swapped.length - 1]! ^ 0xff;
    demo.attachments.set('attachments/D01/场地照片.png', swapped);
    const problems = refused(writeRoundPackage(demo));
    expect(problems).toEqual([
      'packets/D01.json › attachments[1].sha256：附件“场地照片.png”的 SHA-256 校验值不符，附件可能被替换或损坏；请重新获取评审包',
      'packets/D02.json › attachments[0].path：评审包中找不到附件“attachments/D02/申报书.pdf”；请把该文件放入评审包，或从 attachments 中删去这一项',
    ]);
  });
});

describe('progress', () => {
  it('reports unpacking and checking, ending at the totals', () => {
    const events: RoundPackageProgress[] = [];
    const result = readRoundPackage(writeRoundPackage(buildDemoRound()), {
      onProgress: (p) => events.push(p),
    });
    expect(result.ok).toBe(true);
    const unpack = events.filter((e) => e.phase === 'unpack');
    expect(unpack[0]).toMatchObject({ done: 0, total: 26 });
    expect(unpack.at(-1)).toMatchObject({ done: 26, total: 26 });
    expect(events.at(-1)).toEqual({ phase: 'check', done: 10, total: 10 });
  });
});
