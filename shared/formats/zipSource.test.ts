import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mutate, mutationsArb } from '../../test/fuzz/harness';
import { readBrandRoundBytes } from '../../test/conformance/fixture';
import { bytesSource } from '../../test/fixtures/bytesSource';
import { readZip, readZipFrom, type ByteSource, type ReadZipOptions } from './zip';

const FIXTURE_ZIP = readBrandRoundBytes('round.zip');

/** A source over `bytes` that records every read. */
function recorded(bytes: Uint8Array): ByteSource & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  return {
    reads,
    size: bytes.length,
    read: async (offset, length) => {
      if (offset < 0 || offset + length > bytes.length) throw new Error('read beyond the source');
      reads.push([offset, length]);
      // A copy, as a file read gives: nothing may depend on sharing the caller's buffer.
      return bytes.slice(offset, offset + length);
    },
  };
}

/** Both readers on the same input: result and every onEntry call. */
async function bothReaders(bytes: Uint8Array, windowBytes: number, options: ReadZipOptions = {}) {
  const wholeSeen: string[] = [];
  const whole = readZip(bytes, 'z.zip', { ...options, onEntry: (name) => wholeSeen.push(name) });
  const pieceSeen: string[] = [];
  const source = recorded(bytes);
  const pieces = await readZipFrom(source, 'z.zip', {
    ...options,
    windowBytes,
    onEntry: (name) => pieceSeen.push(name),
  });
  return { whole, pieces, wholeSeen, pieceSeen, reads: source.reads };
}

const big = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
const mixed = zipSync({
  'round.json': strToU8('{"a":1}'),
  'attachments/big.bin': [big, { level: 0 }],
  'attachments/small.txt': strToU8('评审'.repeat(500)),
  'attachments/deflated.bin': [big.subarray(0, 100_000), { level: 6 }],
  'empty/': new Uint8Array(0),
});

describe('readZipFrom: the archive read in windows', () => {
  it('gives exactly what readZip gives, for windows smaller than an entry, between, and larger than the archive', async () => {
    for (const archive of [FIXTURE_ZIP, mixed]) {
      for (const windowBytes of [200, 4096, 150_000, 64 * 1024 * 1024]) {
        const { whole, pieces, wholeSeen, pieceSeen } = await bothReaders(archive, windowBytes);
        expect(whole.ok).toBe(true);
        expect(pieces).toEqual(whole);
        expect(pieceSeen).toEqual(wholeSeen);
      }
    }
    // Comparing the 300 KB results element by element takes most of the time, not the readers.
  }, 60_000);

  it('holds about two windows at a time: no read is larger than the window or the entry that needs it', async () => {
    const windowBytes = 64 * 1024;
    const { pieces, reads } = await bothReaders(mixed, windowBytes);
    expect(pieces.ok).toBe(true);
    const [tail, ...data] = reads;
    // The end record (with room for a comment), which holds this small directory too, is read
    // once, at the end.
    expect(tail![0] + tail![1]).toBe(mixed.length);
    // Then forward through the file, each read the window or the one entry larger than it.
    for (const [, length] of data) expect(length).toBeLessThanOrEqual(300_000 + 100);
    expect(data.filter(([, length]) => length > windowBytes)).toHaveLength(1);
    const starts = data.map(([offset]) => offset);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // A small archive, a large window: the end, then all the rest at once.
    const once = await bothReaders(mixed, 16 * 1024 * 1024);
    expect(once.reads).toHaveLength(2);
  });

  it('refuses what readZip refuses, with the same messages', async () => {
    const bomb = zipSync({ 'attachments/zeros.bin': [new Uint8Array(5_000_000), { level: 9 }] });
    const crcBroken = zipSync({ 'a.json': [strToU8('{"hello": "评审"}'), { level: 0 }] });
    crcBroken[30 + 'a.json'.length + 2] = crcBroken[30 + 'a.json'.length + 2]! ^ 1;
    const cases: [Uint8Array, ReadZipOptions][] = [
      [new Uint8Array(0), {}],
      [strToU8('这不是压缩包'.repeat(10)), {}],
      [bomb, {}],
      [crcBroken, {}],
      [mixed.subarray(0, mixed.length - 30), {}],
      [mixed.subarray(1000), {}],
      [
        FIXTURE_ZIP,
        {
          limits: {
            maxEntries: 10,
            maxTotalBytes: 1e9,
            maxEntryBytes: 1e9,
            maxRatio: 200,
            maxTotalRatio: 200,
          },
        },
      ],
      [
        FIXTURE_ZIP,
        {
          limits: {
            maxEntries: 100,
            maxTotalBytes: 10_000,
            maxEntryBytes: 1000,
            maxRatio: 200,
            maxTotalRatio: 200,
          },
        },
      ],
      [
        mixed,
        {
          limits: {
            maxArchiveBytes: 1000,
            maxEntries: 100,
            maxTotalBytes: 1e9,
            maxEntryBytes: 1e9,
            maxRatio: 200,
            maxTotalRatio: 200,
          },
        },
      ],
    ];
    for (const [archive, options] of cases) {
      const { whole, pieces } = await bothReaders(archive, 4096, options);
      expect(whole.ok).toBe(false);
      expect(pieces).toEqual(whole);
    }
  });

  it('agrees with readZip on mutated archives (flipped bits, lying sizes, cut and spliced bytes)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(FIXTURE_ZIP, mixed),
        mutationsArb,
        async (valid, mutations) => {
          const archive = mutate(valid, mutations);
          for (const windowBytes of [300, 4096]) {
            const { whole, pieces } = await bothReaders(archive, windowBytes);
            expect(pieces).toEqual(whole);
          }
        },
      ),
      { numRuns: 150, seed: 8101 },
    );
    // Mutating a 300 KB archive 150 times takes most of the time, not the readers.
  }, 120_000);

  it('asks for the next window while it inflates the entries of this one', async () => {
    // Without reading ahead the import worker sat idle for every piece it asked the page for.
    const events: string[] = [];
    const source = recorded(mixed);
    const read = source.read;
    source.read = (offset, length) => {
      events.push(`read ${offset}`);
      return read(offset, length);
    };
    const result = await readZipFrom(source, 'z.zip', {
      windowBytes: 64 * 1024,
      onEntry: (name) => events.push(`entry ${name}`),
    });
    expect(result.ok).toBe(true);
    // The end first, then the first window, then the second before round.json (in the first)
    // is even handed on.
    expect(events.slice(0, 4)).toEqual([
      `read ${source.reads[0]![0]}`,
      'read 0',
      `read ${64 * 1024}`,
      'entry round.json',
    ]);
  });

  it('a window read ahead but never needed may fail harmlessly; one that is needed fails the read', async () => {
    const view = new DataView(mixed.buffer, mixed.byteOffset, mixed.byteLength);
    const directoryAt = view.getUint32(mixed.length - 22 + 16, true);
    const refused: number[] = [];
    // After the end record and directory (the first read), reads that reach `from` fail, as
    // they would from a file cut short after it was picked.
    const failingFrom = (from: number): ByteSource => {
      const source = recorded(mixed);
      return {
        size: source.size,
        read: (offset, length) => {
          if (source.reads.length > 0 && offset + length > from) {
            refused.push(offset);
            return Promise.reject(new Error('文件在读取时被移动、修改或删除'));
          }
          return source.read(offset, length);
        },
      };
    };
    const harmless = await readZipFrom(failingFrom(directoryAt), 'z.zip', { windowBytes: 200 });
    expect(refused.length).toBeGreaterThan(0);
    expect(harmless).toEqual(readZip(mixed, 'z.zip'));
    refused.length = 0;
    await expect(
      readZipFrom(failingFrom(directoryAt - 50_000), 'z.zip', { windowBytes: 200 }),
    ).rejects.toThrow('文件在读取时被移动、修改或删除');
  });

  it('bytesSource serves views of bytes already in memory', async () => {
    const result = await readZipFrom(bytesSource(mixed), 'z.zip');
    expect(result).toEqual(readZip(mixed, 'z.zip'));
  });
});
