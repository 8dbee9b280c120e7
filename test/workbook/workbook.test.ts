/**
 * The signed result workbook on the brand-round fixture: written, read back, verified; the
 * numbers of 结果汇总 are expected.json's; spreadsheet safety and readability.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  SUMMARY_COLUMNS,
  buildResultWorkbook,
  readWorkbook,
  seedSigner,
  verifyResultWorkbook,
} from '@shared/workbook';
import { recommendationText } from '@shared/compile/recommendation';
import { readBrandRoundBytes } from '../conformance/fixture';
import { brandRoundInput, brandRoundWorkbook, secretariatSeed } from './brandRound';
import { summaryRow, xmlParts } from './edit';

interface ExpectedPacket {
  id: string;
  n: number;
  score: number;
  vetoed: boolean;
  rank?: number;
  decision: string | null;
}
const expected = JSON.parse(new TextDecoder().decode(readBrandRoundBytes('expected.json'))) as {
  packets: ExpectedPacket[];
};

describe('result workbook: brand-round', async () => {
  const bytes = await brandRoundWorkbook();
  const book = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });

  it('verifies, and says what it holds', () => {
    const result = verifyResultWorkbook(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary).toMatchObject({
      roundId: 'R2026-BRAND-01',
      packets: 25,
      keyId: '59df 2305 87f4 da2b',
      trusted: false,
      warnings: [],
    });
    expect(result.summary.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has the sheets in order, _signature very hidden', () => {
    expect(book.SheetNames).toEqual([
      '结果汇总',
      '专家组意见',
      '评分明细',
      '专家名单',
      '回避记录',
      '审计记录',
      '_signature',
    ]);
    expect(book.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 0, 0, 0, 0, 2]);
  });

  it('结果汇总 has exactly the contract columns and expected.json numbers', () => {
    const ws = book.Sheets['结果汇总']!;
    const header = SUMMARY_COLUMNS.map((_, c) => ws[XLSX.utils.encode_cell({ r: 0, c })]?.v);
    expect(header).toEqual([...SUMMARY_COLUMNS]);
    for (const want of expected.packets) {
      const r = summaryRow(book, want.id);
      const cell = (col: string) => ws[`${col}${r}`] as XLSX.CellObject | undefined;
      expect(cell('G')?.v, `${want.id} n`).toBe(want.n);
      expect(cell('H')).toMatchObject({ t: 'n', v: want.score, z: '0.00' });
      expect(cell('A')?.v, `${want.id} rank`).toBe(want.rank);
      // 结论 words the decision code as the panel's recommendation (建议入选 …).
      if (want.decision) expect(cell('I')?.v).toBe(recommendationText(want.decision));
      else expect(cell('I')?.v).toBe('待组长决定');
      if (want.vetoed) expect(String(cell('J')?.v)).toMatch(/^否决：/);
    }
  });

  it('marks veto, deviation and tie flags in Chinese', () => {
    const ws = book.Sheets['结果汇总']!;
    const marks = (id: string) => String(ws[`J${summaryRow(book, id)}`]?.v ?? '');
    expect(marks('P002')).toBe('否决：存在用地、环保或社会信用等方面违规情况（4/7 票）');
    expect(marks('P003')).toBe('否决项未达否决条件：申报材料弄虚作假（1/7 票）');
    expect(marks('P013')).toMatch(/偏离待复核：陈静（34.5 分）/);
    expect(marks('P001')).toBe('并列第 1 名');
  });

  it('writes a formula-looking title as a string cell and no formula anywhere', () => {
    const ws = book.Sheets['结果汇总']!;
    const title = ws[`C${summaryRow(book, 'P004')}`] as XLSX.CellObject;
    expect(title).toMatchObject({ t: 's', v: '=HYPERLINK("http://example.invalid","点击")' });
    expect(title.f).toBeUndefined();
    const parts = xmlParts(bytes);
    for (const [path, xml] of Object.entries(parts)) {
      expect(xml, path).not.toMatch(/<f[\s>/]/);
      expect(xml, path).not.toMatch(/t="str"/);
    }
    expect(parts['xl/sharedStrings.xml']).toContain(
      '=HYPERLINK(&quot;http://example.invalid&quot;',
    );
  });

  it('keeps characters outside the Basic Multilingual Plane', () => {
    const ws = book.Sheets['结果汇总']!;
    expect(ws[`D${summaryRow(book, 'P007')}`]?.v).toBe('𠀀𠀁 测试𪚥单位（扩展B区汉字）');
  });

  it('is readable: frozen header, autofilter, column widths on every visible sheet', () => {
    const parts = xmlParts(bytes);
    for (let n = 1; n <= 5; n += 1) {
      const xml = parts[`xl/worksheets/sheet${n}.xml`]!;
      expect(xml).toContain(
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
      );
      expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"/);
      expect(xml).toMatch(/<col [^>]*customWidth="1"/);
    }
  });

  it('lists experts with key fingerprints, 回避 and sheet details', () => {
    const read = readWorkbook(bytes);
    const experts = read.sheets.find((s) => s.name === '专家名单')!;
    expect(experts.rows).toHaveLength(8);
    expect(experts.rows[1]?.[6]).toMatchObject({
      type: 'string',
      value: expect.stringMatching(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/),
    });
    const conflicts = read.sheets.find((s) => s.name === '回避记录')!;
    expect(conflicts.rows.length - 1).toBeGreaterThanOrEqual(4);
    const detail = read.sheets.find((s) => s.name === '评分明细')!;
    expect(detail.rows).toHaveLength(1 + 171);
    const audit = read.sheets.find((s) => s.name === '审计记录')!;
    expect(audit.rows).toHaveLength(1);
  });

  it('chunks the payload down column A, each chunk within the cell limit', () => {
    const sig = readWorkbook(bytes).sheets.find((s) => s.name === '_signature')!;
    const count = sig.rows[6]?.[1];
    expect(count?.type).toBe('number');
    const chunks = sig.rows.slice(8).map((row) => row[0]);
    expect(chunks).toHaveLength(count?.type === 'number' ? count.value : -1);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk?.type).toBe('string');
      if (chunk?.type === 'string') expect(chunk.value.length).toBeLessThanOrEqual(30_000);
    }
  });

  it('keeps comments and audit text that look like formulas as text; CR becomes LF', async () => {
    const input = brandRoundInput();
    const risky = ['=1+1', '+SUM(A1:A9)', '-2+3', '@cmd', '\t=HYPERLINK("x")', '\r=1', 'a\r\nb'];
    const first = input.result.packets[0]!.sheets[0]!;
    input.sheets = input.sheets.map((s) =>
      s.packetId === input.result.packets[0]!.packetId && s.expertId === first.expertId
        ? { ...s, comment: risky.join('|') }
        : s,
    );
    input.audit = risky.map((detail, i) => ({
      at: '2026-11-21T09:00:00+08:00',
      actor: '秘书',
      action: 'note',
      subject: `x${i}`,
      detail,
    }));
    const written = await buildResultWorkbook(input, seedSigner(secretariatSeed()));
    expect(verifyResultWorkbook(written).ok).toBe(true);
    const read = readWorkbook(written);
    const audit = read.sheets.find((s) => s.name === '审计记录')!;
    const details = audit.rows.slice(1).map((row) => row[5]);
    expect(details).toEqual(
      ['=1+1', '+SUM(A1:A9)', '-2+3', '@cmd', '\t=HYPERLINK("x")', '\n=1', 'a\nb'].map((value) => ({
        type: 'string',
        value,
      })),
    );
    const detail = read.sheets.find((s) => s.name === '评分明细')!;
    expect(detail.rows[1]?.at(-1)).toEqual({
      type: 'string',
      value: risky.join('|').replace(/\r\n?/g, '\n'),
    });
    for (const xml of Object.values(xmlParts(written))) expect(xml).not.toMatch(/<f[\s>/]/);
  });
});
