import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildDemoRound } from '@shared/demo/demoRound';
import { readRoundPackage } from '@shared/formats/roundPackageReader';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import {
  readScoreFileBytes,
  serializeScoreFile,
  signScoreFile,
  type UnsignedScoreFile,
} from '@shared/formats/scoreFile';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '@shared/formats/zip';
import { readRosterWorkbook, ROSTER_LIMITS } from '@shared/roster/readRosterWorkbook';
import { generateKeyPair } from '@shared/signing/ed25519';
import { verifyResultWorkbook, VERIFY_LIMITS } from '@shared/workbook/verify';
import { brandRoundWorkbook } from '../workbook/brandRound';

/**
 * Every resource limit at its boundary (docs/formats.md, Resource limits): the limit itself is
 * accepted, one less is refused. Limits are injected so the boundary sits at the fixture's size.
 */

/** Entry count, largest entry, total and highest ratio of a zip, from its directory. */
function zipFacts(bytes: Uint8Array) {
  const facts = { entries: 0, largest: 0, total: 0, ratio: 0 };
  unzipSync(bytes, {
    filter: (file) => {
      facts.entries++;
      facts.largest = Math.max(facts.largest, file.originalSize);
      facts.total += file.originalSize;
      if (file.originalSize > 0) facts.ratio = Math.max(facts.ratio, file.originalSize / file.size);
      return false;
    },
  });
  return facts;
}

function boundary(
  name: string,
  read: (limits: Partial<ZipLimits>) => { ok: boolean },
  key: keyof ZipLimits,
  at: number,
  below: number,
) {
  it(`${name}: ${key} = ${at} is accepted, ${below} refused`, () => {
    expect(read({ [key]: at }).ok).toBe(true);
    expect(read({ [key]: below }).ok).toBe(false);
  });
}

describe('round package limits', () => {
  const bytes = writeRoundPackage(buildDemoRound());
  const facts = zipFacts(bytes);
  const read = (limits: Partial<ZipLimits>) => readRoundPackage(bytes, { limits });
  boundary('package', read, 'maxArchiveBytes', bytes.length, bytes.length - 1);
  boundary('package', read, 'maxEntries', facts.entries, facts.entries - 1);
  boundary('package', read, 'maxEntryBytes', facts.largest, facts.largest - 1);
  boundary('package', read, 'maxTotalBytes', facts.total, facts.total - 1);
  boundary('package', read, 'maxRatio', facts.ratio, facts.ratio * 0.999);
  it('has the documented defaults', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({
      maxArchiveBytes: 2048 * 1024 * 1024,
      maxEntries: 20_000,
      maxEntryBytes: 200 * 1024 * 1024,
      maxTotalBytes: 2048 * 1024 * 1024,
      maxRatio: 200,
      maxTotalRatio: 200,
    });
  });
});

describe('roster workbook limits', () => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['项目编号', '项目名称', '申报单位'],
      ['P001', '项目', '单位'],
    ]),
    '项目清单',
  );
  const bytes = new Uint8Array(
    XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
  );
  const facts = zipFacts(bytes);
  const read = (limits: Partial<ZipLimits>) => readRosterWorkbook(bytes, '名单.xlsx', { limits });
  boundary('roster', read, 'maxArchiveBytes', bytes.length, bytes.length - 1);
  boundary('roster', read, 'maxEntries', facts.entries, facts.entries - 1);
  boundary('roster', read, 'maxEntryBytes', facts.largest, facts.largest - 1);
  boundary('roster', read, 'maxTotalBytes', facts.total, facts.total - 1);
  boundary('roster', read, 'maxRatio', facts.ratio, facts.ratio * 0.999);
  it('has the documented defaults', () => {
    expect(ROSTER_LIMITS.maxArchiveBytes).toBe(50 * 1024 * 1024);
  });
});

describe('result workbook limits (verify)', async () => {
  const bytes = await brandRoundWorkbook();
  const facts = zipFacts(bytes);
  const read = (limits: Partial<ZipLimits>) => verifyResultWorkbook(bytes, { limits });
  boundary('verify', read, 'maxArchiveBytes', bytes.length, bytes.length - 1);
  boundary('verify', read, 'maxEntries', facts.entries, facts.entries - 1);
  boundary('verify', read, 'maxEntryBytes', facts.largest, facts.largest - 1);
  boundary('verify', read, 'maxTotalBytes', facts.total, facts.total - 1);
  boundary('verify', read, 'maxRatio', facts.ratio, facts.ratio * 0.999);
  it('refuses a workbook that inflates like a zip bomb before SheetJS reads it', () => {
    const bomb = zipSync({ '[Content_Types].xml': new Uint8Array(50_000_000) });
    const result = verifyResultWorkbook(bomb);
    expect(result).toMatchObject({ ok: false, kind: 'unreadable' });
    if (!result.ok) expect(result.problems.join()).toContain('压缩炸弹');
    expect(VERIFY_LIMITS.maxArchiveBytes).toBe(200 * 1024 * 1024);
  });
});

describe('score file and text field limits', () => {
  const { seed } = generateKeyPair();
  const file = (comment: string, conflictReason = ''): UnsignedScoreFile => ({
    format: 'review-desk/scores@1',
    roundId: 'R1',
    expert: { id: 'e1', name: '周敏' },
    sheets: [
      {
        packetId: 'P1',
        status: 'submitted',
        scores: { c1: 1 },
        vetoes: {},
        vetoReasons: {},
        comment,
        conflictReason,
        revision: 1,
        submittedAt: '2026-11-20T10:00:00+08:00',
      },
    ],
  });
  const bytesOf = (f: UnsignedScoreFile) =>
    new TextEncoder().encode(serializeScoreFile(signScoreFile(f, seed)));

  it('file size: the limit is accepted, one byte less refused', () => {
    const bytes = bytesOf(file('好'));
    expect(readScoreFileBytes(bytes, 'f', bytes.length).ok).toBe(true);
    expect(readScoreFileBytes(bytes, 'f', bytes.length - 1)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining('文件过大') }],
    });
  });

  it('comment ≤ 10 000 and conflictReason ≤ 2 000 characters', () => {
    expect(readScoreFileBytes(bytesOf(file('评'.repeat(10_000))), 'f').ok).toBe(true);
    expect(readScoreFileBytes(bytesOf(file('评'.repeat(10_001))), 'f').ok).toBe(false);
    expect(readScoreFileBytes(bytesOf(file('', '因'.repeat(2_000))), 'f').ok).toBe(true);
    expect(readScoreFileBytes(bytesOf(file('', '因'.repeat(2_001))), 'f').ok).toBe(false);
  });

  it('a packet field value ≤ 20 000 and a title ≤ 300 characters', () => {
    const withPacket = (value: string, title = '项目') => {
      const demo = buildDemoRound();
      demo.packets[0]!.fields = { 简介: value };
      demo.packets[0]!.title = title;
      return readRoundPackage(writeRoundPackage(demo));
    };
    expect(withPacket('字'.repeat(20_000)).ok).toBe(true);
    expect(withPacket('字'.repeat(20_001)).ok).toBe(false);
    expect(withPacket('', '题'.repeat(300)).ok).toBe(true);
    expect(withPacket('', '题'.repeat(301)).ok).toBe(false);
  });
});
