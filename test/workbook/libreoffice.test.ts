/**
 * LibreOffice Calc round trip: a workbook opened and saved again by Calc without edits still
 * verifies (what Calc adds to the package shows nothing, see below); an edited copy does not;
 * the formula-looking title stays text in Calc.
 * CI installs libreoffice-calc (.ci/run); there a missing soffice is a failure, not a skip.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { verifyResultWorkbook } from '@shared/workbook';
import { brandRoundWorkbook } from './brandRound';
import { editParts, editWorkbook, sheet, summaryRow } from './edit';
import { convert, inCi, removeScratch, scratch, soffice } from './soffice';

afterAll(removeScratch);

describe('LibreOffice Calc round trip', () => {
  it('soffice is available (required in CI)', () => {
    if (inCi) expect(soffice, 'CI must install libreoffice-calc (.ci/run)').not.toBeNull();
  });

  it.skipIf(!soffice)(
    'a re-saved workbook verifies; an edited one does not; the formula-like title stays text',
    async () => {
      const dir = scratch('rd-lo-');
      const original = join(dir, 'result.xlsx');
      writeFileSync(original, await brandRoundWorkbook());

      convert(original, 'xlsx', join(dir, 'resaved'));
      const resaved = new Uint8Array(readFileSync(join(dir, 'resaved', 'result.xlsx')));
      const result = verifyResultWorkbook(resaved);
      expect(result.ok ? [] : result.problems).toEqual([]);
      // The brand round's Extension-B names came through, and what Calc adds is tolerated
      // because it shows nothing: an empty drawing per sheet, General and 0.00 as custom number
      // formats, the autofilter names marked hidden.
      expect(JSON.stringify(result.ok && result.summary.payload)).toContain('𠀀');
      editParts(resaved, (parts) => {
        expect(parts['xl/drawings/drawing1.xml']).toMatch(/<xdr:wsDr[^>]*><\/xdr:wsDr>/);
        expect(parts['xl/styles.xml']).toContain('<numFmt numFmtId="164" formatCode="General"/>');
        expect(parts['xl/styles.xml']).toContain('<numFmt numFmtId="165" formatCode="0.00"/>');
        expect(parts['xl/workbook.xml']).toContain(
          'hidden="true" localSheetId="0" name="_xlnm._FilterDatabase"',
        );
      });
      // Calc keeps the sheet hidden but cannot keep it *very* hidden.
      const sheets = XLSX.read(resaved, { type: 'array' }).Workbook?.Sheets ?? [];
      expect(sheets.find((s) => s.name === '_signature')?.Hidden).toBeGreaterThan(0);

      // An edit made to Calc's own file (not ours) must still be caught.
      let row = 0;
      const edited = editWorkbook(resaved, (book) => {
        row = summaryRow(book, 'P005');
        sheet(book, '结果汇总')[`H${row}`] = { t: 'n', v: 81.87 };
      });
      const editedPath = join(dir, 'edited.xlsx');
      writeFileSync(editedPath, edited);
      convert(editedPath, 'xlsx', join(dir, 'edited-resaved'));
      const bad = verifyResultWorkbook(
        new Uint8Array(readFileSync(join(dir, 'edited-resaved', 'edited.xlsx'))),
      );
      expect(bad.ok ? [] : bad.problems).toEqual([
        `结果汇总!H${row}：得分 81.87 与签名数据 81.88 不符`,
      ]);

      // CSV of the first sheet as Calc shows it (UTF-8, formatted): text, never a formula result.
      convert(
        original,
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        join(dir, 'csv'),
      );
      const csv = readFileSync(join(dir, 'csv', 'result.csv'), 'utf8');
      expect(csv).toContain('"=HYPERLINK(""http://example.invalid"",""点击"")"');
      expect(csv).toMatch(/,P005,.*,81\.88,建议备选,/);
    },
    120_000,
  );
});
