import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  DEFAULT_BACKUP_LIMITS,
  readRoundBackup,
  sealBackup,
  writeRoundBackup,
  type BackupContent,
  type BackupCrypto,
} from '@shared/backup';
import { buildDemoRound } from '@shared/demo/demoRound';
import { readRoundPackage } from '@shared/formats/roundPackageReader';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import {
  readScoreFileBytes,
  serializeScoreFile,
  signScoreFile,
  type UnsignedScoreFile,
} from '@shared/formats/scoreFile';
import { readRosterWorkbook } from '@shared/roster/readRosterWorkbook';
import { rosterToRound, type RosterSettings } from '@shared/roster/rosterToRound';
import { builtInRubric } from '@shared/rubrics/builtInRubrics';
import { generateKeyPair } from '@shared/signing/ed25519';
import { verifyResultWorkbook } from '@shared/workbook/verify';
import { brandRoundWorkbook } from '../workbook/brandRound';
import { growCompressedSize, handZip, type HandEntry } from '../fixtures/handZip';
import { classifyParsed, fuzzReader, fuzzTimeout, parsedMessages, utf8 } from './harness';

const POLLUTE =
  '"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},';
/** `{` + the polluting members + the rest of the object. */
const polluted = (json: string) => json.replace('{', `{${POLLUTE}`);
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const gbk = (bytes: Uint8Array) => new TextDecoder('gbk', { fatal: true }).decode(bytes);

describe('fuzz: round package (readRoundPackage)', () => {
  const demo = buildDemoRound();
  const valid = writeRoundPackage(demo);
  const json = (v: unknown) => strToU8(JSON.stringify(v));
  const files = (round: string, packetText?: (id: string, text: string) => string) => {
    const entries: Record<string, Uint8Array> = { 'round.json': strToU8(round) };
    for (const p of demo.packets) {
      const text = JSON.stringify(p);
      entries[`packets/${p.id}.json`] = strToU8(packetText ? packetText(p.id, text) : text);
    }
    for (const [path, bytes] of demo.attachments) entries[path] = bytes;
    return zipSync(entries);
  };
  /** The demo package as handZip entries, `extra` added: for archives no tool writes. */
  const hand = (extra: HandEntry[] = [], edit = (entries: HandEntry[]) => entries) => {
    const entries: HandEntry[] = [
      { name: 'round.json', data: json(demo.round), deflate: true },
      ...demo.packets.map((p) => ({ name: `packets/${p.id}.json`, data: json(p), deflate: true })),
      ...[...demo.attachments].map(([name, data]) => ({ name, data, deflate: true })),
    ];
    return handZip([...edit(entries), ...extra]);
  };
  const roundText = JSON.stringify(demo.round);
  const megabyte = new Uint8Array(1024 * 1024);
  const packageRules = () => [
    {
      name: 'duplicate member',
      message: /成员“[^”]+”重复出现/,
      inputs: [
        files(`{"title":"伪造",${roundText.slice(1)}`),
        files(roundText, (id, text) => (id === 'D02' ? `{"id":"D09",${text.slice(1)}` : text)),
      ],
    },
    {
      name: 'control character',
      message: /不可见的控制字符|改变文字显示方向/,
      inputs: [
        files(JSON.stringify({ ...demo.round, title: '\u001b[2J评审包已通过全部检查' })),
        files(roundText, (id, text) =>
          id === 'D01' ? JSON.stringify({ ...JSON.parse(text), title: '项目\u202efdp.exe' }) : text,
        ),
      ],
    },
    {
      name: 'zip records shared',
      message: /指向同一段数据/,
      inputs: [hand([{ name: 'attachments/copy.pdf', data: new Uint8Array(), sharesRecordOf: 0 }])],
    },
    {
      name: 'zip records overlapping',
      message: /与下一个条目的记录重叠|伸入 ZIP 目录/,
      inputs: [growCompressedSize(hand(), 0, 40), growCompressedSize(hand(), 3, 3)],
    },
    {
      name: 'local header mismatch',
      message: /文件头中的.+与 ZIP 目录不一致/,
      inputs: [
        hand([], (e) => e.map((x, i) => (i === 1 ? { ...x, local: { crc: 1 } } : x))),
        hand([], (e) =>
          e.map((x, i) => (i === 2 ? { ...x, local: { name: 'packets/X.json' } } : x)),
        ),
      ],
    },
    {
      name: 'deflate stream length',
      message: /比目录登记的 \d+ 字节(更长|短)|多余数据/,
      inputs: [
        hand([], (e) => e.map((x, i) => (i === 1 ? { ...x, trailing: Uint8Array.of(0) } : x))),
        hand([], (e) => e.map((x, i) => (i === 0 ? { ...x, declaredSize: x.data.length - 1 } : x))),
      ],
    },
    {
      name: 'symlink',
      message: /符号链接/,
      inputs: [hand([{ name: 'attachments/link', data: utf8('/etc/passwd'), unixMode: 0o120777 }])],
    },
    {
      // One stored megabyte that 400 directory entries all point at.
      name: 'total inflated size',
      message: /超过压缩包大小.*倍/,
      inputs: [
        hand(
          Array.from({ length: 400 }, (_, i) => ({
            name: `attachments/x${i}.bin`,
            data: megabyte,
            ...(i > 0 ? { sharesRecordOf: 1 + demo.packets.length + demo.attachments.size } : {}),
          })),
        ),
      ],
    },
  ];
  it(
    'loads or refuses every mutated package with located messages',
    async () => {
      const stats = await fuzzReader({
        name: 'round package',
        valid,
        defaultRuns: 1000,
        seed: 7001,
        read: (bytes) => readRoundPackage(bytes, { fileName: 'fuzz.zip', decodeLegacyName: gbk }),
        classify: classifyParsed,
        extra: [
          files(polluted(JSON.stringify(demo.round))),
          files(JSON.stringify(demo.round), (_id, text) =>
            polluted(text).replace('"fields":{', `"fields":{${POLLUTE}`),
          ),
          files(deep(50_000)),
          files('{"format":"review-desk/round@1","id":"' + 'x'.repeat(100_000) + '"}'),
          zipSync({ 'round.json': json(null) }),
          zipSync({ '../round.json': json(demo.round) }),
          new Uint8Array(),
          utf8('PK\u0005\u0006'),
        ],
        messages: parsedMessages,
        rules: packageRules(),
      });
      expect(stats.failures).toBe(0);
      expect(stats.refused).toBeGreaterThan(0);
    },
    fuzzTimeout(1000, 20),
  );
});

describe('fuzz: roster spreadsheet (readRosterWorkbook → rosterToRound)', () => {
  const settings: RosterSettings = {
    id: 'RS-2026-01',
    title: '2026年重点项目遴选',
    builtIn: builtInRubric('key-project-selection')!,
  };
  const book = (sheets: Record<string, unknown[][]>, bookType: XLSX.BookType = 'xlsx') => {
    const wb = XLSX.utils.book_new();
    for (const [name, rows] of Object.entries(sheets)) {
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
    }
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
  };
  const projects = [
    ['项目编号', '项目名称', '申报单位', '市(州)', '类别'],
    ['P001', '川菜烹饪技能大师工作室', '成都市技师学院', '成都市', '技能大师工作室'],
    ['P002', '=1+2', '@SUM(A1)', '绵阳市', '公共实训基地'],
  ];
  const experts = [
    ['姓名', '单位', '市(州)'],
    ['周敏', '四川省职业技能鉴定指导中心', '成都市'],
  ];
  const valid = book({ 项目清单: projects, 专家名单: experts });
  const read = (bytes: Uint8Array) => {
    const tables = readRosterWorkbook(bytes, '名单.xlsx');
    return tables.ok ? rosterToRound(tables.value, settings, '名单.xlsx') : tables;
  };
  it(
    'loads or refuses every mutated workbook with located messages',
    async () => {
      const stats = await fuzzReader({
        name: 'roster spreadsheet',
        valid,
        defaultRuns: 600,
        seed: 7002,
        read,
        classify: classifyParsed,
        extra: [
          book({
            __proto__: [
              [
                '项目编号',
                '项目名称',
                '申报单位',
                '__proto__',
                'constructor',
                'toString',
                'hasOwnProperty',
              ],
              ['P001', '名称', '单位', '{"polluted":1}', 'x', 'y', 'z'],
            ],
            constructor: experts,
          }),
          book({ 项目清单: projects, 专家名单: experts }, 'xls'),
          book({ 项目清单: [['项目编号'], ...Array.from({ length: 3000 }, (_, i) => [`P${i}`])] }),
        ],
        messages: parsedMessages,
        rules: [
          {
            name: 'control character',
            message: /不可见的控制字符|改变文字显示方向/,
            inputs: [
              book({
                项目清单: [...projects, ['P003', '项目\u001b[2J', '单位']],
                专家名单: experts,
              }),
              book({
                项目清单: projects,
                专家名单: [...experts, ['张\u202e三', '单位', '成都市']],
              }),
            ],
          },
        ],
      });
      expect(stats.failures).toBe(0);
    },
    fuzzTimeout(600, 30),
  );
});

describe('fuzz: score file (readScoreFileBytes)', () => {
  const { seed } = generateKeyPair();
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
        comment: '材料齐全',
        conflictReason: '',
        revision: 1,
        submittedAt: '2026-11-20T10:00:00+08:00',
      },
    ],
  };
  const signed = signScoreFile(unsigned, seed);
  const valid = utf8(serializeScoreFile(signed));
  const original = readScoreFileBytes(valid, 'x1.scores.json');
  if (!original.ok) throw new Error('fixture');
  const pollutedUnsigned = JSON.parse(
    polluted(JSON.stringify(unsigned)).replace('"scores":{', `"scores":{${POLLUTE}`),
  ) as UnsignedScoreFile;
  it(
    'loads only the signed content, refuses everything else with a message',
    async () => {
      const stats = await fuzzReader({
        name: 'score file',
        valid,
        defaultRuns: 1000,
        seed: 7003,
        read: (bytes) => readScoreFileBytes(bytes, 'x1.scores.json'),
        classify: (result) => {
          // A mutation that still verifies changed nothing that was signed (whitespace, order).
          if (result.ok) expect(result.value.digest).toBe(original.value.digest);
          return classifyParsed(result);
        },
        extra: [
          utf8(serializeScoreFile(signScoreFile(pollutedUnsigned, seed))),
          utf8(deep(100_000)),
          utf8(`{"format":"review-desk/scores@1","x":${deep(20_000)}}`),
          utf8('{"format":"review-desk/scores@1","sheets":' + '[{"a":1}]'.repeat(1) + '}'),
        ],
        messages: parsedMessages,
        rules: [
          {
            name: 'duplicate member',
            message: /成员“[^”]+”重复出现/,
            // Before the signed member, where JSON.parse would let the signature verify.
            inputs: [
              utf8(
                serializeScoreFile(signed).replace(
                  '"scores": {',
                  '"scores": {"c1": 20}, "scores": {',
                ),
              ),
            ],
          },
          {
            name: 'control character',
            message: /不可见的控制字符|改变文字显示方向/,
            inputs: [
              utf8(
                serializeScoreFile(
                  signScoreFile({ ...unsigned, expert: { id: 'x1', name: '周\u001b敏' } }, seed),
                ),
              ),
            ],
          },
        ],
      });
      expect(stats.failures).toBe(0);
    },
    fuzzTimeout(1000, 10),
  );
});

describe('fuzz: result workbook (verifyResultWorkbook)', () => {
  it(
    'verifies only the signed workbook, refuses every other mutation with problems',
    async () => {
      const valid = await brandRoundWorkbook();
      const original = verifyResultWorkbook(valid);
      if (!original.ok) throw new Error('fixture');
      const stats = await fuzzReader({
        name: 'result workbook',
        valid,
        defaultRuns: 200,
        seed: 7004,
        read: (bytes) => verifyResultWorkbook(bytes),
        classify: (result) => {
          if (result.ok) {
            expect(result.summary.sha256).toBe(original.summary.sha256);
            return 'loaded';
          }
          expect(['unreadable', 'invalid']).toContain(result.kind);
          expect(result.problems.length).toBeGreaterThan(0);
          return 'refused';
        },
        extra: [zipSync({ 'xl/workbook.xml': new Uint8Array(5_000_000) }), utf8('PK\u0003\u0004')],
      });
      expect(stats.failures).toBe(0);
    },
    fuzzTimeout(200, 200),
  );
});

describe('fuzz: backup archive (readRoundBackup)', () => {
  const crypto = globalThis.crypto as unknown as BackupCrypto;
  const FAST = 1000;
  const limits = { ...DEFAULT_BACKUP_LIMITS, minIterations: FAST };
  const content: BackupContent = {
    roundId: 'R1',
    schemaVersion: 6,
    createdAt: '2026-01-01T00:00:00.000Z',
    tables: [{ name: 'rounds', rows: [{ id: 'R1', title: '测试' }] }],
    attachments: [],
  };
  const info = {
    roundId: 'R1',
    roundTitle: '测试',
    createdAt: content.createdAt,
    generator: 'fuzz',
  };
  it(
    'decrypts only the authentic archive; every mutation is refused with a message',
    async () => {
      const valid = await writeRoundBackup(content, 'passphrase', {
        crypto,
        info,
        iterations: FAST,
      });
      const pollutedContent = await sealBackup(
        utf8(
          polluted(
            JSON.stringify({
              format: 'review-desk/backup-content@1',
              roundId: 'R1',
              schemaVersion: 6,
              createdAt: content.createdAt,
              tables: [{ name: 'rounds', rows: [JSON.parse(polluted('{"id":"R1"}'))] }],
              attachments: [],
            }),
          ),
        ),
        'passphrase',
        { crypto, info, iterations: FAST },
      );
      const stats = await fuzzReader({
        name: 'backup archive',
        valid,
        defaultRuns: 600,
        seed: 7005,
        read: (bytes) => readRoundBackup(bytes, 'passphrase', { crypto, limits }),
        classify: (result) => {
          if (result.ok) {
            expect(result.content).toEqual(content);
            return 'loaded';
          }
          expect(['unreadable', 'wrong-passphrase', 'damaged']).toContain(result.kind);
          expect(result.message.length).toBeGreaterThan(0);
          return 'refused';
        },
        extra: [pollutedContent],
        messages: (result) => (result.ok ? [] : [result.message]),
        rules: [
          {
            name: 'duplicate member',
            message: /成员“[^”]+”重复出现/,
            inputs: [
              await sealBackup(
                utf8(
                  JSON.stringify({ ...content, format: 'review-desk/backup-content@1' }).replace(
                    '{',
                    '{"roundId":"R9",',
                  ),
                ),
                'passphrase',
                { crypto, info, iterations: FAST },
              ),
              Uint8Array.from([
                ...utf8('{"format":"x","format":"review-desk/backup@1"}\n'),
                ...new Uint8Array(32),
              ]),
            ],
          },
        ],
      });
      expect(stats.failures).toBe(0);
    },
    fuzzTimeout(600, 10),
  );
});
