import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateKeyPair } from '../signing/ed25519';
import { keyFingerprint } from '../signing/hash';
import {
  BAD_SIGNATURE_MESSAGE,
  readScoreFile,
  readScoreFileBytes,
  serializeScoreFile,
  signScoreFile,
  type UnsignedScoreFile,
} from './scoreFile';

const unsigned: UnsignedScoreFile = {
  format: 'review-desk/scores@1',
  roundId: 'DEMO-2026-01',
  expert: { id: 'x1', name: '周敏' },
  sheets: [
    {
      packetId: 'D01',
      status: 'submitted',
      scores: { c1: 8.5, c2: 12 },
      vetoes: { v1: false },
      vetoReasons: {},
      comment: '材料齐全 𠀀',
      conflictReason: '',
      revision: 1,
      submittedAt: '2026-11-20T10:00:00+08:00',
    },
    {
      packetId: 'D02',
      status: 'conflict',
      scores: {},
      vetoes: {},
      vetoReasons: {},
      comment: '',
      conflictReason: '同一单位',
      revision: 2,
      submittedAt: '2026-11-20T09:00:00+08:00',
    },
  ],
};

describe('readScoreFile', () => {
  const keys = generateKeyPair();
  const signed = signScoreFile(unsigned, keys.seed);
  const text = serializeScoreFile(signed);

  it('accepts a file it signed and reports the key fingerprint', () => {
    const result = readScoreFile(text, 'x1.scores.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.content).toEqual(signed);
    expect(result.value.keyFingerprint).toBe(keyFingerprint(keys.publicKey));
    expect(result.value.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not care about whitespace, key order or a BOM: the signature covers canonical JSON', () => {
    const reordered = JSON.stringify({ signature: signed.signature, ...JSON.parse(text) });
    const result = readScoreFile(`\ufeff${reordered}`, 'x1.scores.json');
    expect(result.ok).toBe(true);
  });

  it('refuses a changed score with the signature message', () => {
    const result = readScoreFile(text.replace('"c1": 8.5', '"c1": 9.5'), 'x1.scores.json');
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'x1.scores.json', field: 'signature', message: BAD_SIGNATURE_MESSAGE }],
    });
  });

  it('refuses an added field, even one the schema would strip', () => {
    const tampered = { ...signed, note: '补充' };
    const result = readScoreFile(JSON.stringify(tampered), 'x1.scores.json');
    expect(result.ok).toBe(false);
  });

  it('names empty files and invalid JSON with a position', () => {
    expect(readScoreFile('  \n', 'a.json')).toEqual({
      ok: false,
      problems: [{ file: 'a.json', field: '', message: '文件是空的' }],
    });
    const broken = readScoreFile('{\n "format": "review-desk/scores@1",\n}', 'b.json');
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.problems[0]!.message).toMatch(/不是有效的 JSON：第 3 行/);
  });

  it('says so when a round.json or another JSON is picked by mistake', () => {
    const round = readScoreFile('{"format":"review-desk/round@1"}', 'round.json');
    expect(round.ok ? '' : round.problems[0]!.message).toMatch(/round\.json/);
    const other = readScoreFile('[1,2]', 'list.json');
    expect(other.ok ? '' : other.problems[0]!.message).toMatch(/不是评分文件/);
  });

  it('locates schema problems by field, in Chinese', () => {
    const bad = JSON.parse(text) as Record<string, unknown> & { sheets: Record<string, unknown>[] };
    bad.sheets[0]!.status = 'draft';
    bad.sheets[1]!.scores = { c1: -1 };
    const result = readScoreFile(JSON.stringify(bad), 'x1.scores.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual([
      'sheets[0].status',
      'sheets[1].scores.c1',
    ]);
    expect(result.problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
  });

  it('refuses a packet listed twice and a 回避 without a reason', () => {
    const bad = JSON.parse(text) as Record<string, unknown> & { sheets: Record<string, unknown>[] };
    bad.sheets[1]!.conflictReason = ' ';
    bad.sheets[1]!.packetId = 'D01';
    const result = readScoreFile(JSON.stringify(bad), 'x1.scores.json');
    expect(result.ok ? [] : result.problems).toEqual([
      { file: 'x1.scores.json', field: 'sheets[1].packetId', message: '申报材料“D01”出现了两次' },
      { file: 'x1.scores.json', field: 'sheets[1].conflictReason', message: '回避必须填写理由' },
    ]);
  });

  it('refuses a malformed public key as a field problem, not a crash', () => {
    const bad = { ...signed, signature: { ...signed.signature, publicKey: 'not base64!' } };
    const result = readScoreFile(JSON.stringify(bad), 'x1.scores.json');
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['signature.publicKey']);
  });

  it('reads bytes as UTF-8 and refuses other encodings', () => {
    expect(readScoreFileBytes(new TextEncoder().encode(text), 'x1.scores.json').ok).toBe(true);
    const gbk = Uint8Array.from([0x7b, 0x22, 0xc9, 0xea, 0x22, 0x7d]);
    const result = readScoreFileBytes(gbk, 'x1.scores.json');
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/UTF-8/);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(text.slice(0, 200))), (input) => {
        expect(readScoreFile(input, 'x.json').ok).toBe(false);
      }),
    );
  });
});
