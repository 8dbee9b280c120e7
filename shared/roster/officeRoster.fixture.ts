/**
 * A roster as a provincial office writes one, built with SheetJS at test time: a title merged
 * across the table, 序号 1…6 instead of codes, 所属市(州) with short names (阿坝州 and the full
 * 阿坝藏族羌族自治州 both), 联系人, and an experts sheet with 职称.
 */
import * as XLSX from 'xlsx';

export const OFFICE_TITLE = '2024年技能四川重点项目申报汇总表';

export const OFFICE_PROJECTS: unknown[][] = [
  [OFFICE_TITLE],
  ['序号', '项目名称', '申报单位', '所属市(州)', '项目类别', '联系人'],
  [1, '成都公共实训基地', '成都市职业技能公共实训中心', '成都', '职业技能培训类', '李明'],
  [2, '阿坝州技能小镇', '阿坝州人力资源和社会保障局', '阿坝州', '平台载体类', '扎西'],
  [
    3,
    '九寨沟文旅技能培训中心',
    '九寨沟县职业技术学校',
    '阿坝藏族羌族自治州',
    '职业技能培训类',
    '王芳',
  ],
  [4, '凉山技师学院扩建', '凉山技师学院', '凉山州', '技工教育发展类', '吉克'],
  [5, '甘孜工匠陈列馆', '甘孜州总工会', '甘孜州', '展示展览类', '泽仁'],
  [6, '绵阳工匠城', '绵阳市人社局', '绵阳市', '平台载体类', '赵强'],
];

export const OFFICE_EXPERTS: unknown[][] = [
  ['姓名', '单位', '职称', '联系电话'],
  ['周敏', '四川省职业技能鉴定指导中心', '正高级经济师', '028-00000001'],
  ['吴志强', '四川建筑职业技术学院', '教授', '028-00000002'],
  ['孙浩', '绵阳职业技术学院', '副教授', '0816-0000003'],
  ['刘洋', '西南交通大学', '研究员', '028-00000004'],
];

/** A sheet from rows; `mergeTitle` merges the first row across the table's width. */
export function sheetOf(rows: unknown[][], mergeTitle = false): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  if (mergeTitle) {
    const width = Math.max(...rows.map((r) => r.length));
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
  }
  return sheet;
}

/** A workbook of named sheets, as .xlsx or as the older .xls (BIFF8). */
export function workbookBytes(
  sheets: Record<string, XLSX.WorkSheet | unknown[][]>,
  bookType: 'xlsx' | 'biff8' = 'xlsx',
): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(book, Array.isArray(sheet) ? sheetOf(sheet) : sheet, name);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

/** The office roster: projects with the merged title, experts in a 专家名单 sheet or not. */
export function officeWorkbook(
  options: { experts?: boolean; bookType?: 'xlsx' | 'biff8'; projects?: unknown[][] } = {},
): Uint8Array {
  return workbookBytes(
    {
      申报汇总表: sheetOf(options.projects ?? OFFICE_PROJECTS, true),
      ...(options.experts === false ? {} : { 专家名单: OFFICE_EXPERTS }),
    },
    options.bookType,
  );
}

/** The rows with one cell replaced: `row` counts from the header (0), `column` from A (0). */
export function withCell(
  rows: unknown[][],
  row: number,
  column: number,
  value: unknown,
): unknown[][] {
  return rows.map((r, i) => (i === row + 1 ? r.map((v, j) => (j === column ? value : v)) : r));
}
