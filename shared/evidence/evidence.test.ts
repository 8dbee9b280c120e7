import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { inspectionInput } from '../../test/workbook/fieldInputs';
import {
  buildResultPayload,
  RESULT_FORMAT_V2,
  seedSigner,
  verifyResultWorkbook,
  writeSignedWorkbook,
} from '../workbook';
import { evidenceArchiveName, evidencePathProblem, writeEvidenceArchive } from '.';

const site = { kind: 'site', id: 'S02' } as const;

describe('evidence archive writer', () => {
  it('names the archive beside the workbook', () => {
    expect(evidenceArchiveName('LL-2026-Q1-结果.xlsx')).toBe('LL-2026-Q1-结果.evidence.zip');
  });

  it('refuses paths that would not stay inside the archive, or name the manifest', () => {
    for (const path of [
      '../x.jpg',
      '/x.jpg',
      'C:x.jpg',
      'a\\b.jpg',
      'a//b.jpg',
      './a.jpg',
      'manifest.json',
    ]) {
      expect(evidencePathProblem(path), path).not.toBeNull();
      expect(() => writeEvidenceArchive('R', [{ path, bytes: strToU8('x'), of: site }])).toThrow(
        path,
      );
    }
    expect(() =>
      writeEvidenceArchive('R', [
        { path: 'a.txt', bytes: strToU8('x'), of: site },
        { path: 'a.txt', bytes: strToU8('y'), of: site },
      ]),
    ).toThrow('重复');
  });
});

describe('evidence in the result payload', () => {
  it('is refused in a review-desk/result@2 payload: a new member is a new format id', async () => {
    const { entries } = writeEvidenceArchive('LL-2026-Q1', [
      { path: 'notes/S02.txt', bytes: strToU8('记录'), of: site },
    ]);
    const { opinions: _dropped, ...v3 } = buildResultPayload({
      ...inspectionInput(),
      evidence: entries,
    });
    const signer = seedSigner(new Uint8Array(32).fill(3));
    const v2 = await writeSignedWorkbook({ ...v3, format: RESULT_FORMAT_V2 }, signer);
    const check = verifyResultWorkbook(v2);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems.join('\n')).toContain('evidence');
    const { evidence: _none, ...plain } = v3;
    expect(
      verifyResultWorkbook(
        await writeSignedWorkbook({ ...plain, format: RESULT_FORMAT_V2 }, signer),
      ).ok,
    ).toBe(true);
  });
});
