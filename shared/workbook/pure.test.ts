import { describe, expect, it } from 'vitest';
import { cellText, chunkText } from './cellText';
import { compareTable, sameValue } from './compare';
import type { ReadSheet } from './readModel';
import { columnName } from './table';
import { isTrustedKey, parseTrustedKeys } from './trust';
import { encodeBase64 } from '../signing/base64';
import { keyFingerprint } from '../signing/hash';

describe('cellText', () => {
  it('turns CR LF and CR into LF and unsafe controls into U+FFFD, keeping the rest', () => {
    expect(cellText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(cellText('x\u0001y\u001fz')).toBe('x\ufffdy\ufffdz');
    expect(cellText('\t=1+1')).toBe('\t=1+1');
    expect(cellText('𠀀 @SUM -1 +2')).toBe('𠀀 @SUM -1 +2');
    expect(cellText('lone \ud800 high, lone \udc00 low')).toBe('lone \ufffd high, lone \ufffd low');
  });
});

describe('chunkText', () => {
  it('never splits a surrogate pair and joins back to the text', () => {
    const text = `${'a'.repeat(4)}𠀀${'b'.repeat(6)}`;
    const chunks = chunkText(text, 5);
    expect(chunks.join('')).toBe(text);
    expect(chunks[0]).toBe('aaaa');
    expect(chunks[1]).toBe('𠀀bbb');
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(5);
    expect(chunkText('', 5)).toEqual([]);
  });
});

describe('sameValue', () => {
  it('numbers: equal, or equal at the 15 significant digits spreadsheets keep', () => {
    expect(sameValue(81.88, { type: 'number', value: 81.88 })).toBe(true);
    expect(sameValue(0.1 + 0.2, { type: 'number', value: 0.3 })).toBe(true);
    expect(sameValue(81.88, { type: 'number', value: 81.87 })).toBe(false);
    expect(sameValue(81.88, { type: 'number', value: 81.880000001 })).toBe(false);
    expect(sameValue(81.88, { type: 'string', value: '81.88' })).toBe(false);
  });

  it('empty: no cell or an empty text cell; text must be identical; formulas never match', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(null, { type: 'string', value: '' })).toBe(true);
    expect(sameValue(null, { type: 'string', value: ' ' })).toBe(false);
    expect(sameValue(null, { type: 'number', value: 0 })).toBe(false);
    expect(sameValue('P001', { type: 'string', value: 'P001 ' })).toBe(false);
    expect(sameValue('P001', { type: 'string', value: 'P001', formula: '"P001"' })).toBe(false);
  });
});

describe('compareTable', () => {
  const table = { name: 'T', columns: [{ header: 'a' }, { header: 'b' }], rows: [[1, 'x']] };
  const sheet = (rows: ReadSheet['rows']): ReadSheet => ({ name: 'T', visibility: 0, rows });
  const s = (value: string) => ({ type: 'string' as const, value });
  const n = (value: number) => ({ type: 'number' as const, value });

  it('accepts the same values and an empty text cell where nothing was written', () => {
    expect(
      compareTable(
        table,
        sheet([
          [s('a'), s('b')],
          [n(1), s('x'), s('')],
        ]),
      ),
    ).toEqual([]);
  });

  it('caps the list of cell problems and counts the rest', () => {
    const big = { ...table, rows: Array.from({ length: 30 }, () => [1, 'x']) };
    const rows = [[s('a'), s('b')], ...Array.from({ length: 30 }, () => [n(2), s('x')])];
    const problems = compareTable(big, sheet(rows));
    expect(problems).toHaveLength(21);
    expect(problems[20]).toBe('T：另有 10 处与签名数据不符');
  });
});

describe('columnName', () => {
  it('spells spreadsheet columns', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('trusted keys', () => {
  const key = new Uint8Array(32).map((_, i) => i);
  it('matches by base64 or fingerprint, with or without spaces', () => {
    expect(isTrustedKey(key, [encodeBase64(key)])).toBe(true);
    expect(isTrustedKey(key, [keyFingerprint(key)])).toBe(true);
    expect(isTrustedKey(key, [keyFingerprint(key).replace(/ /g, '').toUpperCase()])).toBe(true);
    expect(isTrustedKey(key, [encodeBase64(new Uint8Array(32))])).toBe(false);
    expect(isTrustedKey(key, [])).toBe(false);
  });

  it('parses KEYS.json and names what is wrong', () => {
    const ok = parseTrustedKeys(
      JSON.stringify({ keys: [{ name: '秘书处', publicKey: encodeBase64(key) }] }),
    );
    expect(ok).toEqual({
      ok: true,
      keys: [{ name: '秘书处', publicKey: encodeBase64(key), fingerprint: keyFingerprint(key) }],
    });
    expect(parseTrustedKeys('{')).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^不是有效的 JSON/)],
    });
    const bad = parseTrustedKeys(JSON.stringify({ keys: [{ name: '', publicKey: 'abc' }] }));
    expect(bad.ok ? [] : bad.problems).toEqual([
      'keys[0].name：不能为空',
      'keys[0].publicKey：应为 32 字节 Ed25519 公钥的 base64',
    ]);
  });
});
