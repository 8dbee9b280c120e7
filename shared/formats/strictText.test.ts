/**
 * What every reader refuses in JSON and text, whatever the file: a member name twice in one
 * object (JSON.parse would keep the last, so what a person reads first is not what is used or
 * signed), nesting beyond any format's depth, and control characters or bidi overrides in ids,
 * names and titles.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readBrandRoundBytes } from '../../test/conformance/fixture';
import { decodeBackupContent } from '../backup/backupContent';
import { readBackupHeader } from '../backup/backupFormat';
import { unsafeTextProblem } from '../model/safeText';
import { formatProblem } from '../model/validation';
import { readRosterWorkbook } from '../roster/readRosterWorkbook';
import { generateKeyPair } from '../signing/ed25519';
import { parseTrustedKeys } from '../workbook/trust';
import { readExpertKeys } from './expertKeys';
import { readRoundPackage } from './roundPackageReader';
import {
  readScoreFile,
  serializeScoreFile,
  signScoreFile,
  type UnsignedScoreFile,
} from './scoreFile';
import { MAX_JSON_DEPTH, parseJsonText } from './text';

const DUPLICATE = '重复出现（同一对象中成员名称不能重复），文件可能被改动过，请重新导出';
const problemOf = (text: string) => {
  const result = parseJsonText(text, 'f.json');
  return result.ok ? null : formatProblem(result.problem);
};

describe('parseJsonText: duplicate member names', () => {
  it('refuses a name twice in one object, naming it and the object', () => {
    expect(problemOf('{"a":1,"a":2}')).toBe(`f.json：成员“a”${DUPLICATE}`);
    expect(problemOf('{"sheets":[{"scores":{},"x":"a\\"b","scores":{"c1":1}}]}')).toBe(
      `f.json › sheets[0]：成员“scores”${DUPLICATE}`,
    );
    expect(problemOf('{"a":{"b":[1,2,{"c":1,"\\u0063":2}]}}')).toBe(
      `f.json › a.b[2]：成员“c”${DUPLICATE}`,
    );
  });

  it('shows a name with control characters escaped, never raw', () => {
    expect(problemOf('{"k\\u001b[2J":1,"k\\u001b[2J":2}')).toBe(
      `f.json：成员“k\\u{1B}[2J”${DUPLICATE}`,
    );
  });

  it('accepts one name in different objects, and quotes, braces and backslashes inside strings', () => {
    expect(
      problemOf('{"a":{"a":1},"b":{"a":1},"c":"\\\\","d":"{\\"a\\":1,\\"a\\":2}"}'),
    ).toBeNull();
  });

  it('agrees with JSON.parse on every JSON without duplicates, and refuses every duplicate added', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, name) => {
        const text = JSON.stringify(value, null, 1);
        const result = parseJsonText(text, 'f.json');
        expect(result.ok && result.value).toEqual(JSON.parse(text));
        const twice = `{${JSON.stringify(name)}:${text},${JSON.stringify(name)}:0}`;
        expect(parseJsonText(twice, 'f.json').ok).toBe(false);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe('parseJsonText: nesting', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more, naming where`, () => {
    expect(problemOf(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(problemOf(nested(MAX_JSON_DEPTH + 1))).toBe(
      `f.json › ${'[0]'.repeat(MAX_JSON_DEPTH)}：嵌套超过 ${MAX_JSON_DEPTH} 层，不是评审台的文件格式`,
    );
  });

  it('refuses a million levels without running out of stack', () => {
    expect(problemOf(nested(1_000_000))).toMatch(/嵌套超过 64 层/);
  });
});

const ESC = '\u001b';
const RLO = '\u202e';

describe('control characters and bidi overrides in names and titles', () => {
  it('names the character and what to do', () => {
    expect(unsafeTextProblem(`评审${ESC}[2J`)).toBe(
      '含有不可见的控制字符（U+001B），请删除后重新导出',
    );
    expect(unsafeTextProblem(`项目${RLO}fdp.exe`)).toBe(
      '含有改变文字显示方向的不可见字符（U+202E），请删除后重新导出',
    );
    expect(unsafeTextProblem('两行\n文字')).toMatch(
      /^含有换行符或制表符（U\+000A），此处只能填写一行文字/,
    );
    expect(unsafeTextProblem('\u0085')).toMatch(/U\+0085/);
    expect(unsafeTextProblem('\u2069')).toMatch(/U\+2069/);
  });

  it('lets multi-line text keep tab and newline, nothing else', () => {
    expect(unsafeTextProblem('第一行\n\t第二行', true)).toBeNull();
    expect(unsafeTextProblem('回车\r换行', true)).toMatch(/U\+000D/);
  });

  it('accepts characters outside the BMP and formula-like text: they are no control characters', () => {
    expect(unsafeTextProblem('𠀀𪚥 =SUM(A1:A9) @cmd ‮'.slice(0, -1))).toBeNull();
  });
});

/** The example package with `edit` applied to one JSON file's text. */
function editedPackage(file: string, edit: (text: string) => string): Uint8Array {
  const entries = unzipSync(readBrandRoundBytes('round.zip'));
  entries[file] = strToU8(edit(strFromU8(entries[file]!)));
  return zipSync(entries);
}

function packageProblems(bytes: Uint8Array): string[] {
  const result = readRoundPackage(bytes);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('round package', () => {
  const roundJson = JSON.parse(
    strFromU8(unzipSync(readBrandRoundBytes('round.zip'))['round.json']!),
  ) as { title: string; experts: { name: string }[] };

  it('refuses round.json with a duplicate member before the real one', () => {
    const bytes = editedPackage('round.json', (t) => `{"title":"伪造的标题",${t.slice(1)}`);
    expect(packageProblems(bytes)).toEqual([`round.json：成员“title”${DUPLICATE}`]);
  });

  it('refuses a packet with a duplicate member, naming the file and object', () => {
    const bytes = editedPackage('packets/P001.json', (t) =>
      t.replace(/"applicant":\s*\{/, '"applicant":{"name":"别的单位",'),
    );
    expect(packageProblems(bytes)).toEqual([
      `packets/P001.json › applicant：成员“name”${DUPLICATE}`,
    ]);
  });

  it('refuses a title with a terminal escape and an expert name with a bidi override', () => {
    const bytes = editedPackage('round.json', (t) => {
      const round = JSON.parse(t) as typeof roundJson;
      round.title = `${ESC}[2J评审包已通过全部检查`;
      round.experts[1]!.name = `张${RLO}三`;
      return JSON.stringify(round);
    });
    expect(packageProblems(bytes)).toEqual([
      'round.json › title：含有不可见的控制字符（U+001B），请删除后重新导出',
      'round.json › experts[1].name：含有改变文字显示方向的不可见字符（U+202E），请删除后重新导出',
    ]);
  });

  it('refuses a packet title over two lines, and keeps multi-line fields', () => {
    const bytes = editedPackage('packets/P002.json', (t) => {
      const packet = JSON.parse(t) as { title: string; fields: Record<string, string> };
      packet.title = `上一行\n下一行`;
      packet.fields = { 简介: '第一段\n\t第二段' };
      return JSON.stringify(packet);
    });
    expect(packageProblems(bytes)).toEqual([
      'packets/P002.json › title：含有换行符或制表符（U+000A），此处只能填写一行文字，请删除后重新导出',
    ]);
  });

  it('still reads the central system’s example (characters outside the BMP, a formula-like title)', () => {
    expect(readRoundPackage(readBrandRoundBytes('round.zip')).ok).toBe(true);
    expect(roundJson.title.length).toBeGreaterThan(0);
  });
});

describe('score files', () => {
  const unsigned: UnsignedScoreFile = {
    format: 'review-desk/scores@1',
    roundId: 'R1',
    expert: { id: 'x1', name: '周敏' },
    sheets: [
      {
        packetId: 'D01',
        status: 'submitted',
        scores: { c1: 8.5 },
        vetoes: { v1: true },
        vetoReasons: { v1: '数据造假\n见附件 3' },
        comment: '第一段\n\t第二段',
        conflictReason: '',
        revision: 1,
        submittedAt: '2026-11-20T10:00:00+08:00',
      },
    ],
  };
  const { seed } = generateKeyPair();
  const text = serializeScoreFile(signScoreFile(unsigned, seed));

  it('verifies the file as signed, multi-line comment and reason included', () => {
    expect(readScoreFile(text, 'x1.scores.json').ok).toBe(true);
  });

  it('refuses a duplicate member placed before the signed one (what a person reads first)', () => {
    const forged = text.replace('"sheets": [\n  {', '"sheets": [\n  {\n   "scores": {"c1": 20},');
    expect(forged).not.toBe(text);
    // JSON.parse keeps the last member, the signed one: the signature alone would pass.
    expect(JSON.parse(forged)).toEqual(JSON.parse(text));
    const result = readScoreFile(forged, 'x1.scores.json');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `x1.scores.json › sheets[0]：成员“scores”${DUPLICATE}`,
    ]);
  });

  it('refuses control characters in the expert name and in a reason', () => {
    const bad = { ...unsigned, expert: { id: 'x1', name: `周${ESC}敏` } };
    bad.sheets = [{ ...unsigned.sheets[0]!, vetoReasons: { v1: `理由${RLO}` } }];
    const result = readScoreFile(serializeScoreFile(signScoreFile(bad, seed)), 'x1.scores.json');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'x1.scores.json › expert.name：含有不可见的控制字符（U+001B），请删除后重新导出',
      'x1.scores.json › sheets[0].vetoReasons.v1：含有改变文字显示方向的不可见字符（U+202E），请删除后重新导出',
    ]);
  });
});

describe('KEYS.json, backups and rosters', () => {
  const key = 'A'.repeat(43) + '=';

  it('KEYS.json: refuses a duplicate member and a name with a control character', () => {
    expect(parseTrustedKeys(`{"keys":[{"name":"省厅","publicKey":"${key}","name":"x"}]}`)).toEqual({
      ok: false,
      problems: [`keys[0]：成员“name”${DUPLICATE}`],
    });
    expect(parseTrustedKeys(`{"keys":[{"name":"省厅\\u001b","publicKey":"${key}"}]}`)).toEqual({
      ok: false,
      problems: ['keys[0].name：含有不可见的控制字符（U+001B），请删除后重新导出'],
    });
  });

  it('expert keys: refuse a duplicate member and a name with a bidi override', () => {
    const file = (expert: string) =>
      `{"format":"review-desk/expert-keys@1","roundId":"R1","experts":[${expert}]}`;
    const problems = (text: string) => {
      const result = readExpertKeys(text, 'keys.json');
      return result.ok ? [] : result.problems.map(formatProblem);
    };
    expect(problems(file(`{"id":"e1","name":"甲","id":"e2","publicKey":"${key}"}`))).toEqual([
      `keys.json › experts[0]：成员“id”${DUPLICATE}`,
    ]);
    expect(problems(file(`{"id":"e1","name":"甲\\u2066","publicKey":"${key}"}`))).toEqual([
      'keys.json › experts[0].name：含有改变文字显示方向的不可见字符（U+2066），请删除后重新导出',
    ]);
  });

  it('backup header and content: refuse a duplicate member', () => {
    const header = strToU8('{"format":"x","format":"review-desk/backup@1"}\n');
    const bytes = new Uint8Array(header.length + 32);
    bytes.set(header);
    expect(readBackupHeader(bytes)).toEqual({
      ok: false,
      kind: 'unreadable',
      message: `不是评审台备份文件（文件头：成员“format”${DUPLICATE}）`,
    });
    expect(decodeBackupContent(strToU8('{"tables":[{"name":"a","rows":[],"name":"b"}]}'))).toEqual({
      ok: false,
      message: `备份内容无效：tables[0]：成员“name”${DUPLICATE}`,
    });
  });

  it('roster: refuses a cell with a control character, naming sheet and cell', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['项目编号', '项目名称', '申报单位'],
        ['P001', `项目${RLO}`, '单位\n（盖章）'],
      ]),
      '项目清单',
    );
    const bytes = new Uint8Array(
      XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
    );
    const result = readRosterWorkbook(bytes, '名单.xlsx');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      '名单.xlsx › 工作表“项目清单”单元格 B2：含有改变文字显示方向的不可见字符（U+202E），请删除后重新导出',
    ]);
  });
});
