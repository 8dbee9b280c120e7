/**
 * Every column of every visible sheet is compared: for each column, one body cell and the header
 * cell are edited at the XML level (the value only: another shared string, or the number plus
 * one; nothing else in the package changes), and verification must refuse exactly that cell.
 * A verifier that skipped any column would let that column's edit through.
 */
import { describe, expect, it } from 'vitest';
import {
  buildResultWorkbook,
  renderVisibleSheets,
  seedSigner,
  verifyResultWorkbook,
  type CellValue,
  type ResultWorkbookInput,
  type SheetTable,
} from '@shared/workbook';
import { cellAddress } from '@shared/workbook/table';
import { brandRoundInput, secretariatSeed } from './brandRound';
import { cellXml, editParts, putCell, sheetPath } from './edit';
import { evaluationInput, inspectionInput } from './fieldInputs';
import { opinionsInput } from './opinionInputs';

interface Edit {
  sheet: string;
  address: string;
  what: string;
}

/** The 0-based grid row (0 = header) of the first body cell in column `c` that has a value. */
function bodyRowWithValue(table: SheetTable, c: number): number | null {
  const r = table.rows.findIndex((row) => (row[c] ?? null) !== null);
  return r < 0 ? null : r + 1;
}

function sharedStringCount(parts: Record<string, string | null>): number {
  return (parts['xl/sharedStrings.xml'] ?? '').split('<si>').length - 1;
}

/** The cell's XML with its value changed and nothing else. */
function changedValue(cell: string, expected: CellValue, strings: number): string {
  if (typeof expected === 'number') {
    return cell.replace(/<v>([^<]*)<\/v>/, (_, v: string) => `<v>${Number(v) + 1}</v>`);
  }
  // SheetJS writes each distinct text once: the next entry of the table is another text.
  return cell.replace(/<v>(\d+)<\/v>/, (_, i: string) => `<v>${(Number(i) + 1) % strings}</v>`);
}

function editsOf(tables: readonly SheetTable[]): (Edit & { row: number; column: number })[] {
  return tables.flatMap((table) =>
    table.columns.flatMap((column, c) => {
      const body = bodyRowWithValue(table, c);
      const rows = body === null ? [0, ...(table.rows.length > 0 ? [1] : [])] : [0, body];
      return rows.map((row) => ({
        sheet: table.name,
        address: cellAddress(row, c),
        row,
        column: c,
        what: `${table.name} ${row === 0 ? '表头' : '数据'} ${column.header}`,
      }));
    }),
  );
}

const cases: [string, () => ResultWorkbookInput][] = [
  ['brand round', brandRoundInput],
  ['brand round with 专家组意见', opinionsInput],
  ['evaluation round (动态调整, 城市排名)', evaluationInput],
  ['inspection round (问题清单)', inspectionInput],
];

describe.each(cases)('result workbook, %s: an edit in any column is refused', (_, input) => {
  it('every column of every visible sheet, header and body', async () => {
    const original = await buildResultWorkbook(input(), seedSigner(secretariatSeed()));
    const verified = verifyResultWorkbook(original);
    if (!verified.ok) throw new Error(verified.problems.join('\n'));
    const tables = renderVisibleSheets(verified.summary.payload);
    const edits = editsOf(tables);
    expect(edits.length).toBeGreaterThan(tables.length * 2);
    const missed: string[] = [];
    for (const edit of edits) {
      const table = tables.find((t) => t.name === edit.sheet)!;
      const grid = [table.columns.map((c) => c.header), ...table.rows];
      const expected = grid[edit.row]![edit.column] ?? null;
      const edited = editParts(original, (parts) => {
        const path = sheetPath(parts, edit.sheet);
        const xml = parts[path]!;
        const cell = cellXml(xml, edit.address);
        parts[path] =
          cell === null || expected === null
            ? putCell(xml, edit.address, `<c r="${edit.address}"><v>1</v></c>`)
            : putCell(xml, edit.address, changedValue(cell, expected, sharedStringCount(parts)));
        expect(parts[path]).not.toBe(xml);
      });
      const result = verifyResultWorkbook(edited);
      const problems = result.ok ? [] : result.problems;
      const named = `${edit.sheet}!${edit.address}：`;
      if (!(problems.length === 1 && problems[0]!.startsWith(named))) {
        missed.push(`${edit.what} (${edit.address}): ${JSON.stringify(problems)}`);
      }
    }
    expect(missed).toEqual([]);
    // A shared machine: each case verifies a few hundred edited workbooks.
  }, 120_000);
});

describe('result workbook: content beside or below the signed grid', () => {
  it('a cell added right of the grid, or below it, is refused naming it', async () => {
    const original = await buildResultWorkbook(brandRoundInput(), seedSigner(secretariatSeed()));
    const edited = editParts(original, (parts) => {
      const path = sheetPath(parts, '结果汇总');
      parts[path] = putCell(parts[path]!, 'K2', '<c r="K2"><v>1</v></c>').replace(
        '</sheetData>',
        '<row r="28"><c r="A28"><v>7</v></c></row></sheetData>',
      );
    });
    const result = verifyResultWorkbook(edited);
    expect(result.ok ? [] : result.problems).toEqual([
      '结果汇总：签名数据有 25 行数据，工作表中有 27 行（有行被添加或删除）',
      '结果汇总!K2：多出内容 1（签名数据中没有）',
      '结果汇总!A28：多出内容 7（签名数据中没有）',
    ]);
  });
});
