/**
 * The brand-round exchange as the central system runs it: `review-desk compile` with the
 * experts' registered keys (keys/experts.json) reproduces expected.json, the workbook records
 * each expert's registered key, and `verify --trust keys/trust.json` accepts it (exit 0).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { run } from '../../cli/run';
import { readExpertKeys } from '@shared/formats/expertKeys';
import { verifyResultWorkbook } from '@shared/workbook';
import { memoryIo } from '../workbook/cliIo';
import { BRAND_EXPERT_KEYS, BRAND_TRUST, brandRoundPath, readExpected } from './fixture';

const expected = readExpected();

describe('brand-round fixture: compile with the experts’ registered keys', async () => {
  const t = memoryIo();
  const code = await run(
    [
      'compile',
      '--round',
      brandRoundPath('round.zip'),
      '--scores',
      brandRoundPath('scores'),
      '--key',
      brandRoundPath('keys', 'secretariat.pem'),
      '--expert-keys',
      BRAND_EXPERT_KEYS,
      '--out',
      'result.xlsx',
    ],
    t.io,
  );
  const bytes = t.files['result.xlsx'];

  it('accepts every score file and writes a workbook the trusted key verifies (exit 0)', async () => {
    expect(t.stderr()).toBe('');
    expect(code).toBe(0);
    const v = memoryIo({ 'result.xlsx': bytes! });
    expect(await run(['verify', 'result.xlsx', '--trust', BRAND_TRUST], v.io)).toBe(0);
  });

  it('reproduces expected.json for every packet', () => {
    const check = verifyResultWorkbook(bytes!);
    if (!check.ok) throw new Error(check.problems.join('\n'));
    const byId = new Map(check.summary.payload.results.map((r) => [r.packetId, r]));
    for (const want of expected.packets) {
      const got = byId.get(want.id)!;
      expect({
        id: got.packetId,
        n: got.n,
        score: got.score,
        vetoed: got.decisionSource === 'veto',
        decision: got.decision,
        ...(got.rank === null ? {} : { rank: got.rank }),
      }).toEqual({
        id: want.id,
        n: want.n,
        score: want.score,
        vetoed: want.vetoed,
        decision: want.decision,
        ...(want.rank === undefined ? {} : { rank: want.rank }),
      });
    }
  });

  it('records each expert’s registered public key and its fingerprint', () => {
    const keys = readExpertKeys(readFileSync(BRAND_EXPERT_KEYS, 'utf8'), 'experts.json');
    if (!keys.ok) throw new Error('experts.json');
    const check = verifyResultWorkbook(bytes!);
    if (!check.ok) throw new Error('workbook');
    expect(check.summary.payload.experts.map((e) => [e.id, e.publicKey])).toEqual(
      keys.value.experts.map((e) => [e.id, e.publicKey]),
    );
    // …and shows them on 专家名单, the sheet a person reads.
    const book = XLSX.read(bytes!, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['专家名单']!, { header: 1 });
    expect(rows[0]!.slice(6)).toEqual(['密钥指纹', '公钥']);
    expect(rows.slice(1).map((r) => [r[0], r[7]])).toEqual(
      keys.value.experts.map((e) => [e.id, e.publicKey]),
    );
    expect(
      check.summary.payload.experts.every((e) =>
        /^[0-9a-f]{4}( [0-9a-f]{4}){3}$/.test(e.keyFingerprint ?? ''),
      ),
    ).toBe(true);
  });
});
