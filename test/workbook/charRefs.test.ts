/**
 * Characters outside the BMP written as numeric character references (`&#131072;`, as openpyxl
 * writes every one of them) read back as themselves, in verification and in the roster reader.
 * SheetJS 0.20.3 alone turns them into U+0000: the first test shows that, and starts failing
 * when a SheetJS release fixes it (then the repair in shared/workbook/charRefs.ts can go).
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readRosterWorkbook } from '@shared/roster/readRosterWorkbook';
import { readWorkbook, verifyResultWorkbook } from '@shared/workbook';
import { brandRoundWorkbook } from './brandRound';
import { editParts } from './edit';

/** Every character above U+FFFF in text written as a decimal reference, as openpyxl does. */
const asReferences = (xml: string) =>
  xml.replace(/[\u{10000}-\u{10FFFF}]/gu, (c) => `&#${c.codePointAt(0)!};`);

function roster(name: string): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['项目编号', '项目名称', '申报单位'],
      ['P1', `${name}技能大师工作室`, '成都市𠀀职业学校'],
    ]),
    '项目清单',
  );
  return new Uint8Array(
    XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer,
  );
}

describe('numeric character references above U+FFFF', () => {
  const bytes = editParts(roster('王𠀀明'), (parts) => {
    parts['xl/sharedStrings.xml'] = asReferences(parts['xl/sharedStrings.xml']!);
  });

  it('the xlsx holds &#131072; in a shared string, which SheetJS alone reads as U+0000', () => {
    const shared = editParts(bytes, (parts) => {
      expect(parts['xl/sharedStrings.xml']).toContain('王&#131072;明');
      expect(parts['xl/sharedStrings.xml']).not.toContain('𠀀');
    });
    const plain = XLSX.read(shared, { type: 'array' }).Sheets['项目清单']!['B2'] as XLSX.CellObject;
    expect(plain.v).toBe('王\u0000明技能大师工作室');
  });

  it('the roster reader reads 𠀀', () => {
    const tables = readRosterWorkbook(bytes, '名单.xlsx');
    expect(tables.ok && tables.value.projects.rows[1]).toEqual([
      'P1',
      '王𠀀明技能大师工作室',
      '成都市𠀀职业学校',
    ]);
  });

  it('verification reads 𠀀 and a result workbook written with references still verifies', async () => {
    const cell = readWorkbook(bytes).sheets[0]!.rows[1]![1];
    expect(cell).toEqual({ type: 'string', value: '王𠀀明技能大师工作室' });

    const original = await brandRoundWorkbook();
    let replaced = 0;
    const referenced = editParts(original, (parts) => {
      for (const [path, xml] of Object.entries(parts)) {
        if (xml === null || !path.startsWith('xl/')) continue;
        const next = asReferences(xml);
        if (next !== xml) replaced += 1;
        parts[path] = next;
      }
    });
    expect(replaced).toBeGreaterThan(0);
    const result = verifyResultWorkbook(referenced);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(JSON.stringify(result.ok && result.summary.payload)).toMatch(/[\u{20000}-\u{2FFFF}]/u);
  });
});
