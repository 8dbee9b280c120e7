/**
 * The result workbook prints well: clerks print it from Excel, WPS or LibreOffice. Every visible
 * sheet is A4 landscape, all columns on one page wide, the header row repeated on each page, and
 * a footer with the round, the payload's short hash and the page; the page setup changes no cell,
 * so the workbook still verifies. Checked on Calc's PDF of the brand round with pdftotext.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shortHash } from '@shared/signing/hash';
import { SHEET, SUMMARY_COLUMNS, verifyResultWorkbook } from '@shared/workbook';
import { footerText } from '@shared/workbook/printSetup';
import { brandRoundWorkbook } from './brandRound';
import { editParts } from './edit';
import { convert, removeScratch, scratch, soffice } from './soffice';

afterAll(removeScratch);

const VISIBLE = [
  SHEET.summary,
  SHEET.opinions,
  SHEET.detail,
  SHEET.experts,
  SHEET.conflicts,
  SHEET.audit,
];

/** The signed payload's short hash, from what verify reports: the workbook verifies. */
function payloadShortHash(bytes: Uint8Array): string {
  const result = verifyResultWorkbook(bytes);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return shortHash(result.summary.sha256);
}

describe('print setup of the result workbook', () => {
  it('gives every visible sheet A4 landscape, one page wide, print titles and the footer', async () => {
    const bytes = await brandRoundWorkbook();
    const hash = payloadShortHash(bytes);
    editParts(bytes, (parts) => {
      VISIBLE.forEach((name, i) => {
        const xml = parts[`xl/worksheets/sheet${i + 1}.xml`]!;
        expect(xml, name).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
        expect(xml, name).toContain(
          '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
        );
        expect(xml, name).toContain(`摘要 ${hash}`);
        expect(parts['xl/workbook.xml']).toContain(
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${name}'!$1:$1</definedName>`,
        );
      });
      // The signature sheet is never printed and gets none of it.
      expect(parts[`xl/worksheets/sheet${VISIBLE.length + 1}.xml`]).not.toContain('<pageSetup');
    });
  });

  it('writes a literal & in the round id as && so it is not read as a footer code', () => {
    expect(footerText({ roundId: 'R&D-01', shortHash: 'abcd' })).toBe(
      '&L评审轮次 R&&D-01&C第 &P 页 / 共 &N 页&R摘要 abcd',
    );
  });

  it.skipIf(!soffice)(
    "Calc's PDF has every 结果汇总 header on page 1 and the footer on every page",
    async () => {
      const dir = scratch('rd-print-');
      const file = join(dir, 'result.xlsx');
      const bytes = await brandRoundWorkbook();
      writeFileSync(file, bytes);
      convert(file, 'pdf', dir);
      const pdf = join(dir, 'result.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect(Number(width)).toBeGreaterThan(Number(height));
      expect(info).toContain('(A4)');

      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
        .split('\f')
        .filter((page) => page.trim() !== '');
      const firstLine = pages[0]!.split('\n').find((line) => line.trim() !== '')!;
      for (const header of SUMMARY_COLUMNS) expect(firstLine).toContain(header);
      // pdftotext drops or moves the spaces around &P and &N, so compare without whitespace.
      const hash = payloadShortHash(bytes).replace(/\s/g, '');
      pages.forEach((page, i) => {
        const text = page.replace(/\s/g, '');
        expect(text).toContain('评审轮次R2026-BRAND-01');
        expect(text).toContain(`第${i + 1}页/共${pages.length}页`);
        expect(text).toContain(`摘要${hash}`);
      });
    },
    120_000,
  );
});
