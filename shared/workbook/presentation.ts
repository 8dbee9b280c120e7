/**
 * What a person sees beyond the values: a workbook whose cells all match the signed payload can
 * still *show* something else. These checks read the package's XML parts themselves (SheetJS
 * surfaces only some of this) and refuse, naming sheet and cell or object:
 *  1. macros: a VBA project, macro sheets, dialog sheets, ActiveX, macro-enabled content types;
 *  2. a hidden or very hidden sheet other than `_signature`, a hidden workbook window;
 *  3. defined names other than print settings and the autofilter's range (`Auto_Open` …);
 *  4. on every sheet: comments (legacy and threaded), hyperlinks, drawings with anything in them,
 *     images, embedded objects, controls, tables, conditional formats, data validations, filter
 *     criteria;
 *  5. on each signed grid: hidden rows or columns (also rows under 5 pt and columns under one
 *     character), zero values shown blank, merged cells, and any number format other than
 *     General and the column's own (format.ts).
 * Tolerated, because re-saves by Calc and openpyxl write them and they change nothing shown:
 * empty drawings (Calc adds one per sheet), printer settings, the number formats General and
 * 0.00 under any id, the defined names `_xlnm._FilterDatabase`, `_xlnm.Print_Area` and
 * `_xlnm.Print_Titles`.
 */
import { cellStyleFormats, GENERAL } from './cellFormats';
import { definedNames, relationships, workbookParts, type WorkbookSheet } from './packageParts';
import type { PartsText } from './readModel';
import { cellAddress, columnName, type SheetTable } from './table';
import { hasElement, INSIDE, isTrue, parseAttrs, startTags, startTagsOf } from './xmlScan';

/** Narrower columns (characters) and lower rows (points) hide what is in them. */
const MIN_WIDTH = 1;
const MIN_HEIGHT = 5;

/** Problems of one kind listed per sheet before the rest are only counted. */
const MAX_LISTED = 20;

const ALLOWED_NAMES = new Set(['_xlnm._filterdatabase', '_xlnm.print_area', '_xlnm.print_titles']);

/** Relationships a sheet may have: printer settings, and a drawing when it is empty. */
const OBJECT_KINDS: Record<string, string> = {
  comments: '批注',
  threadedComment: '批注（新式）',
  vmlDrawing: '批注或控件的绘图（VML）',
  hyperlink: '超链接',
  image: '图片',
  oleObject: '嵌入对象',
  control: '控件',
  table: '表格（列表对象）',
  pivotTable: '数据透视表',
  drawing: '图形或图片',
};

/** Elements of a worksheet that show something the values do not say. */
const SHEET_ELEMENTS: Record<string, [what: string, where: string]> = {
  conditionalFormatting: ['条件格式', 'sqref'],
  dataValidation: ['数据验证', 'sqref'],
  hyperlink: ['超链接', 'ref'],
  legacyDrawing: ['批注或控件（VML 绘图）', ''],
  legacyDrawingHF: ['页眉页脚图片', ''],
  picture: ['背景图片', ''],
  oleObject: ['嵌入对象', ''],
  control: ['控件', ''],
  filterColumn: ['筛选条件（隐藏了部分行）', ''],
  mergeCell: ['合并单元格（只显示左上角的值）', 'ref'],
};

const MACRO_PART = /(^|\/)vbaProject[^/]*\.bin$|^xl\/(macrosheets|dialogsheets|activeX)\//i;
const MACRO_TYPE = /macroEnabled|vbaProject|macrosheet|vbaData|activeX/i;

const FIX = '请使用评审台导出的原文件，或在表格程序中撤销这一改动后重新保存';

function macroProblems(parts: PartsText): string[] {
  const problems = parts.names
    .filter((name) => MACRO_PART.test(name))
    .map((name) => `工作簿含有宏或控件（${name}）：结果工作簿不得含有宏，${FIX}`);
  const types = parts.text('[Content_Types].xml') ?? '';
  for (const { attrs } of startTags(types, 'Override')) {
    if (MACRO_TYPE.test(attrs.ContentType ?? '')) {
      problems.push(
        `工作簿声明了启用宏的内容（${attrs.PartName ?? ''}）：结果工作簿不得含有宏，${FIX}`,
      );
    }
  }
  for (const { attrs } of startTags(types, 'Default')) {
    const ext = `.${(attrs.Extension ?? '').toLowerCase()}`;
    const used = parts.names.some((n) => n.toLowerCase().endsWith(ext));
    if (MACRO_TYPE.test(attrs.ContentType ?? '') && used) {
      problems.push(`工作簿声明了启用宏的内容（${ext} 文件）：结果工作簿不得含有宏，${FIX}`);
    }
  }
  return problems;
}

function sheetStateProblems(sheets: WorkbookSheet[], signature: string, xml: string): string[] {
  const problems: string[] = [];
  for (const sheet of sheets) {
    if (sheet.name !== signature && sheet.state !== 'visible') {
      const how = sheet.state === 'veryHidden' ? '深度隐藏' : '隐藏';
      problems.push(`工作表“${sheet.name}”被${how}：只有 _signature 可以隐藏，${FIX}`);
    }
    if (sheet.kind !== 'worksheet' && sheet.kind !== '') {
      problems.push(
        `工作表“${sheet.name}”不是普通工作表（${sheet.kind}）：结果工作簿中不得有图表页或宏表`,
      );
    }
  }
  for (const { attrs } of startTags(xml, 'workbookView')) {
    if (attrs.visibility === 'hidden' || attrs.visibility === 'veryHidden') {
      problems.push(`工作簿窗口被隐藏（workbookView visibility="${attrs.visibility}"）：${FIX}`);
    }
  }
  return problems;
}

function definedNameProblems(xml: string): string[] {
  return definedNames(xml)
    .filter((n) => !ALLOWED_NAMES.has(n.name.toLowerCase()))
    .map(
      (n) =>
        `已定义名称“${n.name}”（${n.value.slice(0, 60)}）：结果工作簿只允许打印区域、打印标题和筛选范围，${FIX}`,
    );
}

/** Comments, hyperlinks, drawings and the like on one sheet (any sheet). */
function objectProblems(parts: PartsText, sheet: WorkbookSheet, xml: string): string[] {
  const problems: string[] = [];
  const part = sheet.part!;
  for (const rel of relationships(parts, part)) {
    const what = OBJECT_KINDS[rel.kind];
    if (rel.kind === 'printerSettings') continue;
    if (rel.kind === 'drawing' && !rel.external) {
      const drawing = parts.text(rel.target) ?? '';
      const anchored = ['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor'].some((a) =>
        hasElement(drawing, a),
      );
      if (!anchored) continue;
    }
    problems.push(
      `${sheet.name}：含有${what ?? `附加内容（${rel.kind}）`}（${rel.target}），${FIX}`,
    );
  }
  for (const { name, attrs } of startTagsOf(xml, Object.keys(SHEET_ELEMENTS))) {
    const [what, where] = SHEET_ELEMENTS[name]!;
    const at = where && attrs[where] ? `!${attrs[where]}` : '';
    problems.push(`${sheet.name}${at}：含有${what}，${FIX}`);
  }
  return problems;
}

const ROW_OR_CELL = new RegExp(`<(?:[\\w.-]+:)?(row|c)(?=[\\s/>])(${INSIDE})>`, 'g');
const STYLE_ATTR = /(?:^|\s)s\s*=\s*["'](\d+)["']/;
const REF_ATTR = /(?:^|\s)r\s*=\s*["']([A-Za-z]{1,3})(\d+)["']/;
const ROW_ATTR = /(?:^|\s)r\s*=\s*["'](\d+)["']/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Hidden rows and columns, and number formats other than the column's own, on a signed grid. */
function gridProblems(xml: string, table: SheetTable, formats: readonly string[]): string[] {
  const problems: string[] = [];
  let more = 0;
  const report = (message: string) => {
    if (problems.length < MAX_LISTED) problems.push(message);
    else more += 1;
  };
  const height = table.rows.length + 1;
  const width = table.columns.length;
  const name = table.name;
  for (const { attrs } of startTags(xml, 'sheetFormatPr')) {
    if (isTrue(attrs.zeroHeight)) report(`${name}：所有行默认被隐藏（zeroHeight），${FIX}`);
  }
  for (const { attrs } of startTags(xml, 'sheetView')) {
    if (attrs.showZeros === '0' || attrs.showZeros === 'false') {
      report(`${name}：设置了不显示零值（showZeros），值为 0 的单元格显示为空白，${FIX}`);
    }
  }
  for (const { attrs } of startTags(xml, 'col')) {
    const min = Number(attrs.min);
    const max = Math.min(Number(attrs.max), width);
    const narrow = attrs.width !== undefined && !(Number(attrs.width) >= MIN_WIDTH);
    if (min <= width && (isTrue(attrs.hidden) || narrow)) {
      const span =
        min === max ? columnName(min - 1) : `${columnName(min - 1)}:${columnName(max - 1)}`;
      report(`${name}!${span}：列被隐藏（签名数据所在的列），${FIX}`);
    }
  }
  const allowed = table.columns.map((c) => c.format ?? GENERAL);
  let row = 0;
  let column = -1;
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(xml); m; m = ROW_OR_CELL.exec(xml)) {
    const inside = m[2]!;
    if (m[1] === 'row') {
      const r = ROW_ATTR.exec(inside);
      row = r ? Number(r[1]) : row + 1;
      column = -1;
      if (row > height) continue;
      const attrs = parseAttrs(inside);
      const flat = attrs.ht !== undefined && !(Number(attrs.ht) >= MIN_HEIGHT);
      if (isTrue(attrs.hidden) || flat) report(`${name}!${row}:${row}：第 ${row} 行被隐藏，${FIX}`);
      continue;
    }
    const ref = REF_ATTR.exec(inside);
    column = ref ? columnIndex(ref[1]!) : column + 1;
    // A cell without `s` has style 0, which a change to styles.xml can give any format too.
    const style = STYLE_ATTR.exec(inside);
    const format = formats[style ? Number(style[1]) : 0] ?? GENERAL;
    if (format === GENERAL) continue;
    const r = ref ? Number(ref[2]) - 1 : row - 1;
    if (r >= height || column >= width || format === allowed[column]) continue;
    report(
      `${name}!${cellAddress(r, column)}：数字格式“${format.slice(0, 60)}”会改变显示的内容（此列只用${allowed[column] === GENERAL ? '常规格式' : `常规或“${allowed[column]}”格式`}），${FIX}`,
    );
  }
  if (more > 0) problems.push(`${name}：另有 ${more} 处显示方式被改动`);
  return problems;
}

/**
 * Everything in the package that would make a person see something other than the values:
 * `tables` are the signed visible sheets, `signature` the one sheet that may be hidden.
 */
export function presentationProblems(
  parts: PartsText,
  tables: readonly SheetTable[],
  signature: string,
): string[] {
  const problems = macroProblems(parts);
  const workbook = workbookParts(parts);
  if (!workbook) return [...problems, '找不到工作簿主体（xl/workbook.xml）'];
  problems.push(...sheetStateProblems(workbook.sheets, signature, workbook.xml));
  problems.push(...definedNameProblems(workbook.xml));
  const stylesPart = workbook.rels.find((r) => r.kind === 'styles')?.target;
  const formats = cellStyleFormats(stylesPart ? parts.text(stylesPart) : null);
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const sheet of workbook.sheets) {
    if (sheet.part === null) continue;
    const xml = parts.text(sheet.part);
    if (xml === null) continue;
    problems.push(...objectProblems(parts, sheet, xml));
    const table = byName.get(sheet.name);
    if (table) problems.push(...gridProblems(xml, table, formats));
  }
  return problems;
}
