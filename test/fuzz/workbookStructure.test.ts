/**
 * Structure-aware fuzzing of result-workbook verification. Byte mutations of the compressed
 * package almost all stop at the zip layer; these cases start from the valid package and change
 * its XML instead (one cell's value, type, style or formula; a shared string; a number format;
 * a sheet's visibility; a row's visibility; a payload chunk), re-zip it soundly and verify. Each
 * case must be refused with problems (or verify as the very same signed payload), and the
 * refusals must reach past the zip layer: the run counts and prints how many cases each layer
 * refused, and asserts that the signature, the cell comparison and the presentation checks each
 * refused some.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyResultWorkbook, type VerifyResult } from '@shared/workbook/verify';
import { brandRoundWorkbook } from '../workbook/brandRound';
import { editParts, sheetPath } from '../workbook/edit';
import { CASE_TIME_LIMIT_MS, expectPrototypeClean, FUZZ_SCALE, fuzzTimeout } from './harness';

type Parts = Record<string, string | null>;

const VISIBLE = ['结果汇总', '评分明细', '专家名单', '回避记录'];
const FORMAT_CODES = ['0', '0.0', '@', '0;0;0;"入选"', '"入选"', ';;;', '0.00', 'General', '#,##0'];

type Change =
  | { kind: 'cellValue'; sheet: number; pick: number; delta: number }
  | { kind: 'cellType'; sheet: number; pick: number; type: string }
  | { kind: 'cellStyle'; sheet: number; pick: number; style: number }
  | { kind: 'cellFormula'; sheet: number; pick: number }
  | { kind: 'cellDelete'; sheet: number; pick: number }
  | { kind: 'sharedString'; pick: number; text: string }
  | { kind: 'numberFormat'; xf: number; code: number }
  | { kind: 'sheetState'; sheet: number; state: string }
  | { kind: 'rowHidden'; sheet: number; row: number }
  | { kind: 'payloadChunk'; at: number; char: string };

const sheetArb = fc.integer({ min: 0, max: VISIBLE.length - 1 });
const pickArb = fc.nat();
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constant('cellValue' as const),
    sheet: sheetArb,
    pick: pickArb,
    delta: fc.oneof(fc.constantFrom(1, -1, 0.01, 1e-9), fc.integer({ min: -5, max: 5 })),
  }),
  fc.record({
    kind: fc.constant('cellType' as const),
    sheet: sheetArb,
    pick: pickArb,
    type: fc.constantFrom('n', 's', 'str', 'b', 'e', 'inlineStr', 'd'),
  }),
  fc.record({
    kind: fc.constant('cellStyle' as const),
    sheet: sheetArb,
    pick: pickArb,
    style: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('cellFormula' as const), sheet: sheetArb, pick: pickArb }),
  fc.record({ kind: fc.constant('cellDelete' as const), sheet: sheetArb, pick: pickArb }),
  fc.record({
    kind: fc.constant('sharedString' as const),
    pick: pickArb,
    text: fc.oneof(
      fc.constantFrom('入选', '', ' ', '𠀀', '&#131072;'),
      fc.string({ maxLength: 6 }),
    ),
  }),
  fc.record({
    kind: fc.constant('numberFormat' as const),
    xf: fc.integer({ min: 0, max: 1 }),
    code: fc.integer({ min: 0, max: FORMAT_CODES.length - 1 }),
  }),
  fc.record({
    kind: fc.constant('sheetState' as const),
    sheet: fc.integer({ min: 0, max: 5 }),
    state: fc.constantFrom('hidden', 'veryHidden', 'visible'),
  }),
  fc.record({
    kind: fc.constant('rowHidden' as const),
    sheet: sheetArb,
    row: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({
    kind: fc.constant('payloadChunk' as const),
    at: fc.nat(),
    char: fc.constantFrom('0', '9', '"', ' ', '入', '𠀀'),
  }),
);

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Apply `edit` to the `pick`-th cell element of a sheet (modulo the count). */
function editCell(parts: Parts, sheet: string, pick: number, edit: (cell: string) => string) {
  const path = sheetPath(parts, sheet);
  const xml = parts[path]!;
  const cells = [...xml.matchAll(/<c r="[A-Z]+\d+"(?:[^>]*\/>|[^>]*>.*?<\/c>)/g)];
  if (cells.length === 0) return;
  const cell = cells[pick % cells.length]!;
  parts[path] = xml.slice(0, cell.index) + edit(cell[0]) + xml.slice(cell.index + cell[0].length);
}

function apply(parts: Parts, change: Change): void {
  const sheet = 'sheet' in change ? VISIBLE[change.sheet % VISIBLE.length]! : '';
  switch (change.kind) {
    case 'cellValue':
      return editCell(parts, sheet, change.pick, (c) =>
        c.replace(/<v>([^<]*)<\/v>/, (_, v: string) => `<v>${Number(v) + change.delta}</v>`),
      );
    case 'cellType':
      return editCell(parts, sheet, change.pick, (c) =>
        c.replace(/ t="[^"]*"/, '').replace(/^<c r="([^"]+)"/, `<c r="$1" t="${change.type}"`),
      );
    case 'cellStyle':
      return editCell(parts, sheet, change.pick, (c) =>
        c.replace(/ s="\d+"/, '').replace(/^<c r="([^"]+)"/, `<c r="$1" s="${change.style}"`),
      );
    case 'cellFormula':
      return editCell(parts, sheet, change.pick, (c) => c.replace('<v>', '<f>1+1</f><v>'));
    case 'cellDelete':
      return editCell(parts, sheet, change.pick, () => '');
    case 'sharedString': {
      const xml = parts['xl/sharedStrings.xml']!;
      const items = [...xml.matchAll(/<si>.*?<\/si>/g)];
      const item = items[change.pick % items.length]!;
      parts['xl/sharedStrings.xml'] =
        xml.slice(0, item.index) +
        `<si><t xml:space="preserve">${change.text.startsWith('&#') ? change.text : escapeXml(change.text)}</t></si>` +
        xml.slice(item.index + item[0].length);
      return;
    }
    case 'numberFormat': {
      const id = 200 + change.code;
      const code = escapeXml(FORMAT_CODES[change.code]!).replace(/"/g, '&quot;');
      let n = 0;
      parts['xl/styles.xml'] = parts['xl/styles.xml']!.replace(
        /<numFmts count="\d+">/,
        `$&<numFmt numFmtId="${id}" formatCode="${code}"/>`,
      ).replace(/<cellXfs count="\d+">.*?<\/cellXfs>/, (section) =>
        section.replace(/<xf numFmtId="\d+"/g, (m) =>
          n++ === change.xf ? `<xf numFmtId="${id}"` : m,
        ),
      );
      return;
    }
    case 'sheetState': {
      let n = 0;
      parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(/<sheet name="[^"]*"/g, (m) =>
        n++ === change.sheet ? `${m} state="${change.state}"` : m,
      );
      return;
    }
    case 'rowHidden': {
      const path = sheetPath(parts, sheet);
      parts[path] = parts[path]!.replace(
        `<row r="${change.row}"`,
        `<row r="${change.row}" hidden="1"`,
      );
      return;
    }
    case 'payloadChunk': {
      const path = sheetPath(parts, '_signature');
      const strings = parts['xl/sharedStrings.xml']!;
      // The payload chunks are the longest shared strings: change one character of the longest.
      const items = [...strings.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)];
      const longest = items.reduce((a, b) => (b[1]!.length > a[1]!.length ? b : a));
      const text = longest[1]!;
      const at = change.at % text.length;
      const next = text.slice(0, at) + escapeXml(change.char) + text.slice(at + 1);
      parts['xl/sharedStrings.xml'] = strings.replace(longest[0], longest[0].replace(text, next));
      expect(parts[path]).toBeDefined();
      return;
    }
  }
}

type Layer = 'zip' | 'signature' | 'cells' | 'presentation' | 'verified';

/** Which check refused: the first problem's wording says which layer it came from. */
function layerOf(result: VerifyResult): Layer {
  if (result.ok) return 'verified';
  if (result.kind === 'unreadable') return 'zip';
  const first = result.problems[0]!;
  if (
    /^(SHA-256 不符|签名无效|_signature!|缺少签名工作表|签名数据|不支持的结果工作簿格式)/.test(
      first,
    )
  ) {
    return 'signature';
  }
  if (/请使用评审台导出的原文件|显示方式被改动/.test(first)) return 'presentation';
  return 'cells';
}

describe('fuzz: result workbook, structure-aware (verifyResultWorkbook)', () => {
  it(
    'every changed cell, string, style or visibility is refused past the zip layer, or changes nothing',
    async () => {
      const valid = await brandRoundWorkbook();
      const original = verifyResultWorkbook(valid);
      if (!original.ok) throw new Error('fixture');
      const counts: Record<Layer, number> = {
        zip: 0,
        signature: 0,
        cells: 0,
        presentation: 0,
        verified: 0,
      };
      await fc.assert(
        fc.asyncProperty(fc.array(changeArb, { minLength: 1, maxLength: 3 }), async (changes) => {
          const bytes = editParts(valid, (parts) => changes.forEach((c) => apply(parts, c)));
          const started = performance.now();
          const result = verifyResultWorkbook(bytes);
          expect(performance.now() - started).toBeLessThan(CASE_TIME_LIMIT_MS);
          const layer = layerOf(result);
          counts[layer] += 1;
          if (result.ok) expect(result.summary.sha256).toBe(original.summary.sha256);
          else expect(result.problems.length).toBeGreaterThan(0);
          expectPrototypeClean();
          await Promise.resolve();
        }),
        { numRuns: 150 * FUZZ_SCALE, seed: 7017, endOnFailure: true },
      );
      console.log(
        `fuzz: result workbook (structure) — ${Object.values(counts).reduce((a, b) => a + b)} cases: ` +
          `${counts.signature} refused by the signature, ${counts.cells} by the cell comparison, ` +
          `${counts.presentation} by the presentation checks, ${counts.zip} unreadable, ` +
          `${counts.verified} verified unchanged`,
      );
      expect(counts.signature).toBeGreaterThan(0);
      expect(counts.cells).toBeGreaterThan(0);
      expect(counts.presentation).toBeGreaterThan(0);
    },
    fuzzTimeout(150, 300),
  );
});
