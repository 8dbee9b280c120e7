import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../test/fixtures/tinyRound';
import { formatProblem } from '../model/validation';
import { encodeBase64 } from '../signing/base64';
import {
  EXPERT_KEYS_FORMAT,
  expertKeysRoundProblems,
  readExpertKeys,
  readExpertKeysBytes,
  serializeExpertKeys,
  type ExpertKeysFile,
} from './expertKeys';

const key = (n: number) => encodeBase64(new Uint8Array(32).fill(n));
const valid: ExpertKeysFile = {
  format: EXPERT_KEYS_FORMAT,
  roundId: 'T-1',
  experts: [
    { id: 'e1', name: '王建国', publicKey: key(1) },
    { id: 'e2', name: '李秀英', publicKey: key(2) },
  ],
};
const { round } = tinyRound();

const problemsOf = (value: unknown): string[] => {
  const read = readExpertKeys(JSON.stringify(value), 'keys.json');
  return read.ok ? [] : read.problems.map(formatProblem);
};

describe('expert-keys file', () => {
  it('reads what it writes, members in the pinned order', () => {
    const text = serializeExpertKeys(valid);
    expect(text.indexOf('"format"')).toBeLessThan(text.indexOf('"roundId"'));
    expect(readExpertKeys(text, 'keys.json')).toEqual({ ok: true, value: valid });
    expect(expertKeysRoundProblems(valid, round, 'keys.json')).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    [
      'an unknown member',
      { ...valid, note: 'x' },
      'keys.json：不允许的成员 “note”：只能有 format、roundId、experts',
    ],
    [
      'an unknown member of an expert',
      { ...valid, experts: [{ ...valid.experts[0], fingerprint: 'x' }] },
      'keys.json › experts[0]：不允许的成员 “fingerprint”：只能有 id、name、publicKey',
    ],
    [
      'another format',
      { ...valid, format: 'review-desk/keys@1' },
      'keys.json › format：格式标识必须是',
    ],
    [
      'a duplicate expert',
      { ...valid, experts: [valid.experts[0], { ...valid.experts[0], publicKey: key(3) }] },
      'keys.json › experts[1].id：专家编号“e1”重复',
    ],
    [
      'one key for two experts',
      { ...valid, experts: [valid.experts[0], { ...valid.experts[1], publicKey: key(1) }] },
      'keys.json › experts[1].publicKey：与专家“e1”的公钥相同',
    ],
    [
      'a non-canonical base64 key',
      { ...valid, experts: [{ ...valid.experts[0], publicKey: key(1).replace(/=$/, 'F') }] },
      'keys.json › experts[0].publicKey：公钥必须是 32 字节',
    ],
    [
      'a key of the wrong length',
      { ...valid, experts: [{ ...valid.experts[0], publicKey: encodeBase64(new Uint8Array(31)) }] },
      'keys.json › experts[0].publicKey：公钥必须是 32 字节',
    ],
    ['a missing member', { format: EXPERT_KEYS_FORMAT, roundId: 'T-1' }, 'keys.json › experts'],
  ])('refuses %s', (_name, value, expected) => {
    const problems = problemsOf(value);
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('refuses a member named twice: the bytes a person reads are the bytes that count', () => {
    const text = serializeExpertKeys(valid).replace('"roundId"', '"roundId": "T-9",\n "roundId"');
    const read = readExpertKeys(text, 'keys.json');
    expect(read.ok ? [] : read.problems.map(formatProblem)).toEqual([
      expect.stringContaining('keys.json：成员“roundId”重复出现'),
    ]);
  });

  it('reads bytes as strict UTF-8', () => {
    const bytes = new TextEncoder().encode(serializeExpertKeys(valid));
    expect(readExpertKeysBytes(bytes, 'keys.json')).toEqual({ ok: true, value: valid });
    const gbk = readExpertKeysBytes(Uint8Array.from([0x7b, 0xcd, 0xf5, 0x7d]), 'keys.json');
    expect(gbk.ok ? [] : gbk.problems.map(formatProblem)).toEqual([
      'keys.json：文件不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 后重试',
    ]);
  });

  it('refuses another round, unknown experts and names that are not the roster’s', () => {
    const check = (file: ExpertKeysFile) =>
      expertKeysRoundProblems(file, round, 'keys.json').map(formatProblem);
    expect(check({ ...valid, roundId: 'T-2' })).toEqual([
      'keys.json › roundId：这是评审“T-2”的专家公钥登记，不是本评审“T-1”的',
    ]);
    expect(
      check({
        ...valid,
        experts: [
          { id: 'e9', name: '赵六', publicKey: key(1) },
          { id: 'e2', name: '李秀华', publicKey: key(2) },
        ],
      }),
    ).toEqual([
      'keys.json › experts[0].id：专家“e9”（赵六）不在本评审的专家名单中',
      'keys.json › experts[1].name：专家编号 e2 在本评审名单中是“李秀英”，登记文件中却是“李秀华”',
    ]);
  });
});
