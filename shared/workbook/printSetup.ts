/**
 * Page setup of the visible sheets, added to the XML SheetJS writes (it writes none of it): A4
 * landscape, every column on one page wide (as many pages long as the rows need), the header row
 * repeated on each page (a `_xlnm.Print_Titles` name per sheet), and a footer naming the round,
 * the short hash of the signed payload and the page, so a loose printed page says where it is
 * from. Only print settings: the cells and the signed payload are unchanged, and the verifier's
 * presentation check allows exactly these names.
 */

export interface PrintFooter {
  roundId: string;
  /** The payload's SHA-256 shortened for people, e.g. `a1b2 c3d4 e5f6 0718`. */
  shortHash: string;
}

const FIT_TO_PAGE = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
const MARGINS =
  '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>';
// paperSize 9 is A4.
const PAGE_SETUP =
  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Footer codes: &L/&C/&R sections, &P page, &N pages; a literal & is written &&. */
export function footerText({ roundId, shortHash }: PrintFooter): string {
  const literal = (text: string) => text.replace(/&/g, '&&');
  return (
    `&L评审轮次 ${literal(roundId.slice(0, 80))}` +
    '&C第 &P 页 / 共 &N 页' +
    `&R摘要 ${literal(shortHash)}`
  );
}

/** One visible sheet's XML with the page setup and footer, in the schema's element order. */
export function withPageSetup(sheetXml: string, footer: PrintFooter, path: string): string {
  if (sheetXml.includes('<sheetPr') || sheetXml.includes('<pageSetup')) {
    throw new Error(`工作表 ${path} 的结构与预期不同，无法设置打印格式`);
  }
  const headerFooter = `<headerFooter><oddFooter>${escapeXml(footerText(footer))}</oddFooter></headerFooter>`;
  const print = MARGINS + PAGE_SETUP + headerFooter;
  // pageMargins, pageSetup and headerFooter come before ignoredErrors (when present).
  const tail = sheetXml.includes('<ignoredErrors') ? '<ignoredErrors' : '</worksheet>';
  return sheetXml
    .replace('<dimension', `${FIT_TO_PAGE}<dimension`)
    .replace(tail, `${print}${tail}`);
}

/** workbook.xml with the header row as print titles of each of the given sheets (0-based). */
export function withPrintTitles(workbookXml: string, sheets: readonly string[]): string {
  const names = sheets
    .map((name, i) => {
      const quoted = `'${name.replace(/'/g, "''")}'`;
      return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(quoted)}!$1:$1</definedName>`;
    })
    .join('');
  if (workbookXml.includes('</definedNames>')) {
    return workbookXml.replace('</definedNames>', `${names}</definedNames>`);
  }
  return workbookXml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
}
