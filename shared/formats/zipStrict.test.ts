/**
 * What the ZIP reader refuses about an archive's records, built byte by byte with handZip:
 * records shared or overlapping, local headers that disagree with the directory, deflate
 * streams that end early or run long, symlinks and other non-files, and a total that inflates
 * too far beyond the archive's size. Both readers (whole and in windows) must say the same.
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../test/fixtures/bytesSource';
import { growCompressedSize, handZip, type HandEntry } from '../../test/fixtures/handZip';
import { formatProblem } from '../model/validation';
import { readZip, readZipFrom, type ReadZipOptions } from './zip';

const text = strToU8('评审材料，'.repeat(400));
const zeros = new Uint8Array(20_000);

const plain = (): HandEntry[] => [
  { name: 'round.json', data: strToU8('{"a":1}') },
  { name: 'attachments/a.txt', data: text, deflate: true },
  { name: 'attachments/b.bin', data: zeros.subarray(0, 3000), deflate: true },
];

/** readZip's result, after checking that readZipFrom in small windows gives the same. */
async function read(bytes: Uint8Array, options: ReadZipOptions = {}) {
  const whole = readZip(bytes, 'z.zip', options);
  const pieces = await readZipFrom(bytesSource(bytes), 'z.zip', { ...options, windowBytes: 256 });
  expect(pieces).toEqual(whole);
  return whole;
}

async function refused(bytes: Uint8Array, options: ReadZipOptions = {}) {
  const result = await read(bytes, options);
  if (result.ok) throw new Error('expected the archive to be refused');
  return result.problems.map(formatProblem);
}

describe('records: inside the archive and apart from each other', () => {
  it('reads a well-formed archive', async () => {
    const result = await read(handZip(plain()));
    expect(result.ok && [...result.value.keys()]).toEqual([
      'round.json',
      'attachments/a.txt',
      'attachments/b.bin',
    ]);
  });

  it('refuses directory entries that point at one record, before inflating anything', async () => {
    const entries: HandEntry[] = [
      ...plain(),
      { name: 'attachments/copy1.txt', data: text, deflate: true, sharesRecordOf: 1 },
      { name: 'attachments/copy2.txt', data: text, deflate: true, sharesRecordOf: 1 },
    ];
    let inflated = 0;
    const problems = await refused(handZip(entries), { onEntry: () => inflated++ });
    expect(problems).toEqual([
      'z.zip › attachments/copy1.txt：与条目“attachments/a.txt”指向同一段数据（记录重叠），疑似“压缩炸弹”，已拒绝；请向省厅索取正常打包的评审包',
      'z.zip › attachments/copy2.txt：与条目“attachments/a.txt”指向同一段数据（记录重叠），疑似“压缩炸弹”，已拒绝；请向省厅索取正常打包的评审包',
    ]);
    expect(inflated).toBe(0);
  });

  it('refuses an entry whose data runs into the next record', async () => {
    const problems = await refused(growCompressedSize(handZip(plain()), 1, 10));
    expect(problems).toEqual([
      'z.zip › attachments/a.txt：数据与下一个条目的记录重叠，疑似伪造的压缩包，已拒绝；请向省厅索取正常打包的评审包',
    ]);
  });

  it('refuses an entry whose data runs into the directory', async () => {
    const problems = await refused(growCompressedSize(handZip(plain()), 2, 5));
    expect(problems).toEqual([
      'z.zip › attachments/b.bin：文件已损坏（数据超出文件末尾或伸入 ZIP 目录），请重新获取评审包',
    ]);
  });
});

describe('the local header says what the directory says', () => {
  it.each([
    ['名称', { name: 'attachments/other.txt' }],
    ['压缩方式', { method: 0 }],
    ['加密标记', { flags: 0x1 }],
    ['CRC-32 校验和', { crc: 0x12345678 }],
    ['压缩后大小', { compressedSize: 7 }],
    ['原始大小', { size: 7 }],
  ] as const)('refuses a different %s', async (what, local) => {
    const entries = plain();
    entries[1] = { ...entries[1]!, local };
    expect(await refused(handZip(entries))).toEqual([
      `z.zip › attachments/a.txt：文件头中的${what}与 ZIP 目录不一致，压缩包可能被篡改或损坏；请重新获取评审包`,
    ]);
  });

  it('accepts zero CRC and sizes in the local header when they follow the data (flag bit 3)', async () => {
    const entries = plain();
    entries[1] = { ...entries[1]!, flags: 0x8, local: { crc: 0, compressedSize: 0, size: 0 } };
    expect((await read(handZip(entries))).ok).toBe(true);
  });
});

describe('each deflate stream: exactly its compressed size, exactly its declared size', () => {
  it('refuses bytes after the end of the stream', async () => {
    const entries = plain();
    entries[1] = { ...entries[1]!, trailing: Uint8Array.from([1, 2, 3]) };
    expect(await refused(handZip(entries))).toEqual([
      'z.zip › attachments/a.txt：文件已损坏（压缩数据在登记的长度之前已经结束，其后还有 3 字节多余数据），请重新获取评审包',
    ]);
  });

  it('refuses a stream that yields more than declared, instead of cutting it off', async () => {
    const entries = plain();
    entries[2] = { ...entries[2]!, declaredSize: 2999 };
    expect(await refused(handZip(entries))).toEqual([
      'z.zip › attachments/b.bin：文件已损坏（解压后比目录登记的 2999 字节更长），请重新获取评审包',
    ]);
  });

  it('refuses a stream that yields less than declared', async () => {
    const entries = plain();
    entries[2] = { ...entries[2]!, declaredSize: 3001 };
    expect(await refused(handZip(entries))).toEqual([
      'z.zip › attachments/b.bin：文件已损坏（解压后只有 3000 字节，比目录登记的 3001 字节短），请重新获取评审包',
    ]);
  });

  it('reads an entry of several inflating steps whole', async () => {
    // Random bytes barely compress: about 700 KB stored, several steps of the inflater.
    const large = new Uint8Array(700_000);
    for (let i = 0; i < large.length; i += 65_536)
      crypto.getRandomValues(large.subarray(i, i + 65_536));
    const result = await read(handZip([{ name: 'big.bin', data: large, deflate: true }]));
    const data = result.ok ? result.value.get('big.bin')! : new Uint8Array();
    expect(data.length).toBe(large.length);
    expect(data.every((b, i) => b === large[i])).toBe(true);
  });
});

describe('only plain files and folders', () => {
  it('refuses a symlink entry, naming it', async () => {
    const entries: HandEntry[] = [
      ...plain(),
      { name: 'attachments/link.pdf', data: strToU8('/etc/passwd'), unixMode: 0o120777 },
    ];
    expect(await refused(handZip(entries))).toEqual([
      'z.zip › attachments/link.pdf：条目是符号链接（快捷方式），评审包中只能有普通文件；请把实际文件放入评审包后重新打包',
    ]);
  });

  it('refuses other file types (a named pipe)', async () => {
    const entries: HandEntry[] = [
      ...plain(),
      { name: 'attachments/pipe', data: new Uint8Array(), unixMode: 0o010644 },
    ];
    expect(await refused(handZip(entries))).toEqual([
      'z.zip › attachments/pipe：条目不是普通文件（文件类型 0o10000），评审包中只能有普通文件；请重新打包',
    ]);
  });

  it('refuses an entry name with a control or bidi character, showing it escaped', async () => {
    const entries: HandEntry[] = [
      ...plain(),
      { name: 'attachments/\u001b[2J.pdf', data: strToU8('x') },
      { name: 'attachments/申报书\u202efdp.exe', data: strToU8('x') },
    ];
    expect(await refused(handZip(entries))).toEqual([
      'z.zip › attachments/\\u{1B}[2J.pdf：条目名称中含有控制字符或改变文字方向的字符（U+001B），已拒绝该评审包',
      'z.zip › attachments/申报书\\u{202E}fdp.exe：条目名称中含有控制字符或改变文字方向的字符（U+202E），已拒绝该评审包',
    ]);
  });

  it('reads Unix regular files and skips Unix folders', async () => {
    const entries: HandEntry[] = [
      { name: 'attachments/', data: new Uint8Array(), unixMode: 0o040755 },
      { ...plain()[1]!, unixMode: 0o100644 },
    ];
    const result = await read(handZip(entries));
    expect(result.ok && [...result.value.keys()]).toEqual(['attachments/a.txt']);
  });
});

describe('total inflated size against the archive size (maxTotalRatio)', () => {
  /** An archive of exactly `archiveBytes` bytes whose entries inflate to `total` bytes. */
  function sized(total: number, archiveBytes: number): Uint8Array {
    const entries: HandEntry[] = [
      { name: 'zeros.bin', data: new Uint8Array(total), deflate: true },
    ];
    const base = handZip(entries).length;
    return handZip(entries, { commentLength: archiveBytes - base });
  }
  const limits = {
    maxEntries: 10,
    maxTotalBytes: 1e9,
    maxEntryBytes: 1e9,
    maxRatio: 10_000,
    maxTotalRatio: 100,
  };

  it('accepts a total of exactly the limit, refuses one byte more', async () => {
    expect((await read(sized(100_000, 1000), { limits })).ok).toBe(true);
    expect(await refused(sized(100_001, 1000), { limits })).toEqual([
      'z.zip：解压后共 97.7 KB，超过压缩包大小（1000 B）的 100 倍，疑似“压缩炸弹”，已拒绝；请向省厅索取正常打包的评审包',
    ]);
  });
});
