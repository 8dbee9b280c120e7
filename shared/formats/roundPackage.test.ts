import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readBrandRoundBytes } from '../../test/conformance/fixture';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { packetSchema, roundSchema } from '../model/roundPackage';
import { readRoundPackage, readRoundPackageAsync } from './roundPackageReader';
import { writeRoundPackage } from './roundPackageWriter';
import { bytesSource } from '../../test/fixtures/bytesSource';
import { crc32, entryNameProblem, looksLikeZip, readZip, type ByteSource } from './zip';

const FIXTURE_ZIP = readBrandRoundBytes('round.zip');

/** The fixture's entries, for building variations of a known-good package. */
function fixtureEntries(): Record<string, Uint8Array> {
  return unzipSync(FIXTURE_ZIP);
}

function rezip(entries: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = data;
  return zipSync(zippable);
}

function editJson(
  entries: Record<string, Uint8Array>,
  name: string,
  edit: (v: Record<string, unknown>) => void,
) {
  const value = JSON.parse(strFromU8(entries[name]!)) as Record<string, unknown>;
  edit(value);
  entries[name] = strToU8(JSON.stringify(value));
}

function problemsOf(bytes: Uint8Array, limits?: Parameters<typeof readRoundPackage>[1]) {
  const result = readRoundPackage(bytes, limits);
  if (result.ok) throw new Error('expected the package to be refused');
  return result.problems;
}

describe('readRoundPackage', () => {
  it('reads the example package: 25 packets, 7 experts, every attachment verified', () => {
    const result = readRoundPackage(FIXTURE_ZIP);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.value.packets.map((p) => p.id)[0]).toBe('P001');
    expect(result.value.packets).toHaveLength(25);
    expect(result.value.round.experts).toHaveLength(7);
    expect(result.value.attachments.size).toBe(50);
    expect(result.value.attachments.get('attachments/P001/申报书.pdf')?.length).toBe(223);
  });

  it('reads a package zipped as a folder (round.json one level down)', () => {
    const entries = fixtureEntries();
    const wrapped: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(entries)) wrapped[`评审包/${name}`] = data;
    const result = readRoundPackage(rezip(wrapped));
    expect(result.ok && result.value.packets.length).toBe(25);
  });

  it.each(['../evil.txt', 'attachments/../../evil.txt', '/etc/passwd', 'C:/x.txt', 'a\\..\\b.txt'])(
    'refuses the entry name %j and says why',
    (name) => {
      const entries = fixtureEntries();
      entries[name] = strToU8('x');
      const problems = problemsOf(rezip(entries), { fileName: 'bad.zip' });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: 'bad.zip', field: name });
      expect(problems[0]!.message).toMatch(/已拒绝/);
    },
  );

  it('refuses a duplicate packet id, naming both files', () => {
    const entries = fixtureEntries();
    entries['packets/P001-copy.json'] = entries['packets/P001.json']!;
    const problems = problemsOf(rezip(entries));
    expect(problems).toContainEqual({
      file: 'packets/P001.json',
      field: 'id',
      message:
        '编号“P001”与 packets/P001-copy.json 重复；每个项目的编号必须唯一，请删除重复的文件或改正编号',
    });
  });

  it('names the file for invalid JSON and the field for schema errors', () => {
    const entries = fixtureEntries();
    entries['packets/P003.json'] = strToU8('{"id": "P003", "title": ');
    editJson(entries, 'packets/P005.json', (p) => (p.applicant = { city: '成都市' }));
    editJson(entries, 'round.json', (r) => ((r.rubric as { passLine: unknown }).passLine = '六十'));
    const problems = problemsOf(rezip(entries));
    expect(problems.map((p) => `${p.file} › ${p.field}`)).toEqual([
      'round.json › rubric.passLine',
      'packets/P003.json › ',
      'packets/P005.json › applicant.name',
    ]);
    expect(problems[1]!.message).toMatch(/不是有效的 JSON/);
  });

  it('refuses an attachment whose SHA-256 does not match', () => {
    const entries = fixtureEntries();
    const pdf = entries['attachments/P002/申报书.pdf']!.slice();
    pdf[pdf.length - 2] = pdf[pdf.length - 2]! ^ 1;
    entries['attachments/P002/申报书.pdf'] = pdf;
    expect(problemsOf(rezip(entries))).toEqual([
      {
        file: 'packets/P002.json',
        field: 'attachments[0].sha256',
        message: '附件“申报书.pdf”的 SHA-256 校验值不符，附件可能被替换或损坏；请重新获取评审包',
      },
    ]);
  });

  it('gives the same verdicts when digests are computed by an injected async hash', async () => {
    const nodeSha256 = async (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
    const good = await readRoundPackageAsync(FIXTURE_ZIP, { sha256Hex: nodeSha256 });
    expect(good).toEqual(readRoundPackage(FIXTURE_ZIP));
    expect(good.ok).toBe(true);
    // Read from a source in pieces (the import worker reads the picked file so): the same.
    expect(
      await readRoundPackageAsync(bytesSource(FIXTURE_ZIP), { sha256Hex: nodeSha256 }),
    ).toEqual(good);
    expect(
      await readRoundPackageAsync(bytesSource(new Uint8Array(0)), { sha256Hex: nodeSha256 }),
    ).toEqual(readRoundPackage(new Uint8Array(0)));

    const entries = fixtureEntries();
    const pdf = entries['attachments/P002/申报书.pdf']!.slice();
    pdf[pdf.length - 2] = pdf[pdf.length - 2]! ^ 1;
    entries['attachments/P002/申报书.pdf'] = pdf;
    editJson(entries, 'packets/P005.json', (p) => (p.applicant = { city: '成都市' }));
    const bad = rezip(entries);
    const sync = readRoundPackage(bad);
    const async = await readRoundPackageAsync(bad, { sha256Hex: nodeSha256 });
    expect(async.ok).toBe(false);
    expect(sync.ok).toBe(false);
    if (!async.ok && !sync.ok) expect(new Set(async.problems)).toEqual(new Set(sync.problems));
    expect(await readRoundPackageAsync(bytesSource(bad), { sha256Hex: nodeSha256 })).toEqual(async);
  });

  it('gives the same verdicts when attachments are handed over (transferred) as they are read', async () => {
    const nodeSha256 = async (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
    /** Read with takeEntry, detaching each handed-over buffer as the import worker does. */
    const readTaking = async (zip: Uint8Array | ByteSource) => {
      const took = new Map<string, Uint8Array>();
      const result = await readRoundPackageAsync(zip, {
        // Takes its copy now, like WebCrypto: the bytes are gone once handed over.
        sha256Hex: (data) => nodeSha256(data.slice()),
        takeEntry: (name, data) => {
          took.set(name, data.slice());
          structuredClone(data, { transfer: [data.buffer as ArrayBuffer] });
        },
      });
      return { result, took };
    };
    const sync = readRoundPackage(FIXTURE_ZIP);
    // From the bytes, and from a source read in pieces as the import worker reads the file.
    for (const input of [FIXTURE_ZIP, bytesSource(FIXTURE_ZIP)]) {
      const { result, took } = await readTaking(input);
      if (!result.ok || !sync.ok) throw new Error('the fixture reads');
      expect(result.value.packets).toEqual(sync.value.packets);
      expect([...result.value.attachments.keys()]).toEqual([...sync.value.attachments.keys()]);
      for (const [path, bytes] of sync.value.attachments) {
        expect(result.value.attachments.get(path)!.length).toBe(0); // handed over
        expect(took.get(path)).toEqual(bytes);
      }
    }

    const entries = fixtureEntries();
    const pdf = entries['attachments/P002/申报书.pdf']!.slice();
    pdf[pdf.length - 2] = pdf[pdf.length - 2]! ^ 1;
    entries['attachments/P002/申报书.pdf'] = pdf;
    editJson(entries, 'packets/P006.json', (p) => {
      (p.attachments as { size: number }[])[0]!.size += 1;
    });
    const bad = rezip(entries);
    const badSync = readRoundPackage(bad);
    const badTaking = (await readTaking(bad)).result;
    expect(badTaking.ok).toBe(false);
    if (!badTaking.ok && !badSync.ok) {
      expect(badSync.problems.length).toBe(2);
      expect(new Set(badTaking.problems)).toEqual(new Set(badSync.problems));
    }
  });

  it('refuses missing attachments, wrong sizes and attachment paths outside attachments/', () => {
    const entries = fixtureEntries();
    delete entries['attachments/P004/photo.png'];
    editJson(entries, 'packets/P006.json', (p) => {
      (p.attachments as { size: number }[])[0]!.size += 1;
    });
    editJson(entries, 'packets/P008.json', (p) => {
      (p.attachments as { path: string }[])[0]!.path = 'round.json';
    });
    const fields = problemsOf(rezip(entries)).map((p) => `${p.file} › ${p.field}`);
    expect(fields).toEqual([
      'packets/P004.json › attachments[1].path',
      'packets/P006.json › attachments[0].size',
      'packets/P008.json › attachments[0].path',
    ]);
  });

  it('refuses a package without round.json or without packets', () => {
    const entries = fixtureEntries();
    delete entries['round.json'];
    const [missing] = problemsOf(rezip(entries));
    expect(missing!.message).toMatch(/没有评审的基本信息/);
    expect(missing!.message).not.toMatch(/round\.json/);
    expect(missing!.detail).toMatch(/round\.json/);
    const onlyRound = { 'round.json': fixtureEntries()['round.json']! };
    const [empty] = problemsOf(rezip(onlyRound));
    expect(empty!.message).toMatch(/没有申报材料/);
    expect(empty!.message).not.toMatch(/packets\//);
    expect(empty!.detail).toMatch(/packets\//);
  });
});

describe('readZip guards', () => {
  it('recognises non-ZIP input', () => {
    const garbage = strToU8('这不是压缩包'.repeat(10));
    expect(looksLikeZip(garbage)).toBe(false);
    expect(looksLikeZip(FIXTURE_ZIP)).toBe(true);
    const result = readZip(garbage, 'x.zip');
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/不是 ZIP/);
  });

  it('refuses too many entries before extracting anything', () => {
    const result = readRoundPackage(FIXTURE_ZIP, { limits: { maxEntries: 10 } });
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/76 个条目，超过上限 10/);
  });

  it('refuses an entry declared larger than the per-file limit, and a total over the limit', () => {
    const perFile = readRoundPackage(FIXTURE_ZIP, { limits: { maxEntryBytes: 1000 } });
    expect(perFile.ok ? [] : perFile.problems.map((p) => p.field)).toContain('round.json');
    const total = readRoundPackage(FIXTURE_ZIP, { limits: { maxTotalBytes: 10_000 } });
    expect(total.ok ? '' : total.problems[0]!.message).toMatch(/超过上限/);
  });

  it('refuses a zip bomb by its compression ratio', () => {
    const bomb = zipSync({ 'attachments/zeros.bin': [new Uint8Array(5_000_000), { level: 9 }] });
    const result = readZip(bomb, 'bomb.zip');
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/压缩炸弹/);
  });

  it('detects a corrupt entry through its CRC', () => {
    const data = strToU8('{"hello": "评审"}');
    const stored = zipSync({ 'a.json': [data, { level: 0 }] });
    const broken = stored.slice();
    broken[30 + 'a.json'.length + 2] = broken[30 + 'a.json'.length + 2]! ^ 1; // a byte of the stored data
    const result = readZip(broken, 'c.zip');
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/校验和不符/);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });

  it('hands each entry over as soon as it is verified, and never a corrupt one', () => {
    const good = strToU8('{"ok": true}');
    const zip = zipSync({
      'a.json': [good, { level: 0 }],
      'b.bin': [new Uint8Array([1, 2, 3]), { level: 6 }],
    });
    const seen: [string, number[]][] = [];
    const result = readZip(zip, 'z.zip', { onEntry: (name, data) => seen.push([name, [...data]]) });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([
      ['a.json', [...good]],
      ['b.bin', [1, 2, 3]],
    ]);

    const broken = zip.slice();
    broken[30 + 'a.json'.length + 2] = broken[30 + 'a.json'.length + 2]! ^ 1;
    const names: string[] = [];
    expect(readZip(broken, 'z.zip', { onEntry: (name) => names.push(name) }).ok).toBe(false);
    expect(names).toEqual(['b.bin']);
  });

  it('computes the same CRC-32 as zlib for every length and alignment', () => {
    // The fast CRC folds eight bytes per step; the tail and odd offsets are where it could slip.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), (bytes, offset) => {
        const view = bytes.subarray(Math.min(offset, bytes.length));
        expect(crc32(view)).toBe(zlibCrc32(view));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses GBK-encoded entry names with a fix to apply', () => {
    // 申报书 in GBK, without the UTF-8 flag, as Windows' built-in zip in zh-CN writes it.
    const gbkName = Uint8Array.from([0xc9, 0xea, 0xb1, 0xa8, 0xca, 0xe9]);
    const zip = zipSync({ PLACEHOLDER: [new Uint8Array([1]), { level: 0 }] });
    const ascii = strToU8('PLACEHOLDER');
    // Same length: overwrite the name in both the local header and the central directory.
    const patched = zip.slice();
    const padded = Uint8Array.from([...gbkName, ...strToU8('.pdf_')]);
    expect(padded.length).toBe(ascii.length);
    for (let i = 0; i + ascii.length <= patched.length; i++) {
      if (ascii.every((b, k) => patched[i + k] === b)) patched.set(padded, i);
    }
    const result = readZip(patched, 'gbk.zip');
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/GBK/);
  });

  it('entryNameProblem accepts ordinary Chinese names', () => {
    expect(entryNameProblem('attachments/P001/申报书.pdf')).toBeNull();
    expect(entryNameProblem('attachments/P001/a..b.pdf')).toBeNull();
    expect(entryNameProblem('a/\0b')).not.toBeNull();
  });
});

describe('writeRoundPackage', () => {
  it('round-trips the example package and is deterministic', () => {
    const read = readRoundPackage(FIXTURE_ZIP);
    if (!read.ok) throw new Error('fixture did not read');
    const written = writeRoundPackage(read.value);
    expect(writeRoundPackage(read.value)).toEqual(written);
    const again = readRoundPackage(written);
    expect(again.ok ? again.value : again.problems).toEqual(read.value);
    // What the writer emits is valid under the schemas on its own (no reader leniency involved).
    const entries = unzipSync(written);
    expect(roundSchema.safeParse(JSON.parse(strFromU8(entries['round.json']!))).success).toBe(true);
    expect(
      packetSchema.safeParse(JSON.parse(strFromU8(entries['packets/P007.json']!))).success,
    ).toBe(true);
  });
});

describe('robustness', () => {
  it('never throws on a damaged package: every outcome is a Parsed value', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.nat({ max: FIXTURE_ZIP.length - 1 }), fc.integer({ min: 1, max: 255 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (flips) => {
          const damaged = FIXTURE_ZIP.slice();
          for (const [at, mask] of flips) damaged[at] = damaged[at]! ^ mask;
          const result = readRoundPackage(damaged);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes, including truncations of a real package', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(readRoundPackage(bytes).ok).toBe(false);
      }),
    );
    for (let cut = 0; cut < FIXTURE_ZIP.length; cut += 97) {
      expect(readRoundPackage(FIXTURE_ZIP.subarray(0, cut)).ok).toBe(false);
    }
  });
});
