/**
 * openpyxl round trip: a signed workbook loaded and saved by openpyxl (a common tool on the
 * receiving side) still verifies. openpyxl writes every text as an inline string and every
 * character outside ASCII as a numeric character reference (the brand round's Extension-B
 * names as `&#131072;`), keeps the writer's styles and number formats by id, writes the sheet
 * states explicitly and marks the autofilter names hidden. CI installs python3-openpyxl
 * (.ci/run); there a missing openpyxl is a failure, not a skip.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyResultWorkbook } from '@shared/workbook';
import { brandRoundWorkbook } from './brandRound';
import { editParts, sheetPath } from './edit';

function findPython(): string | null {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import openpyxl'], { stdio: 'pipe' });
      return candidate;
    } catch {
      // no such interpreter, or no openpyxl for it: try the next
    }
  }
  return null;
}

const python = findPython();
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const dir = mkdtempSync(join(tmpdir(), 'rd-openpyxl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function resave(bytes: Uint8Array): Uint8Array {
  const input = join(dir, 'in.xlsx');
  const output = join(dir, 'out.xlsx');
  writeFileSync(input, bytes);
  execFileSync(
    python!,
    [
      '-c',
      'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])',
      input,
      output,
    ],
    { stdio: 'pipe', timeout: 60_000 },
  );
  return new Uint8Array(readFileSync(output));
}

describe('openpyxl round trip', () => {
  it('openpyxl is available (required in CI)', () => {
    if (inCi) expect(python, 'CI must install python3-openpyxl (.ci/run)').not.toBeNull();
  });

  it.skipIf(!python)('a re-saved workbook verifies, Extension-B names included', async () => {
    const resaved = resave(await brandRoundWorkbook());
    editParts(resaved, (parts) => {
      // What openpyxl wrote: references for the 生僻字, no shared strings, no number formats.
      const summary = parts[sheetPath(parts, '结果汇总')]!;
      expect(summary).toContain('t="inlineStr"');
      expect(Object.values(parts).join('')).toContain('&#131072;');
      expect(parts['xl/styles.xml']).toContain('<numFmts count="0"/>');
    });
    const result = verifyResultWorkbook(resaved);
    expect(result.ok ? [] : result.problems).toEqual([]);
    const payload = JSON.stringify(result.ok && result.summary.payload);
    expect(payload).toContain('𠀀');

    // What openpyxl's own file shows is checked like ours: a row hidden in it is refused.
    const hidden = editParts(resaved, (parts) => {
      const path = sheetPath(parts, '结果汇总');
      parts[path] = parts[path]!.replace('<row r="3"', '<row hidden="1" r="3"');
    });
    const refused = verifyResultWorkbook(hidden);
    expect(refused.ok ? [] : refused.problems).toEqual([
      '结果汇总!3:3：第 3 行被隐藏，请使用评审台导出的原文件，或在表格程序中撤销这一改动后重新保存',
    ]);
  });
});
