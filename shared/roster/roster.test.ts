import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { formatProblem } from '../model/validation';
import { builtInRubric } from '../rubrics/builtInRubrics';
import { readRosterWorkbook } from './readRosterWorkbook';
import { rosterToRound, type RosterSettings } from './rosterToRound';

function workbook(sheets: Record<string, unknown[][]>): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const settings: RosterSettings = {
  id: 'RS-2026-01',
  title: '2026年重点项目遴选',
  builtIn: builtInRubric('key-project-selection')!,
};

const experts = [
  ['姓名', '单位', '市(州)'],
  ['周敏', '四川省职业技能鉴定指导中心', '成都市'],
  ['吴志强', '四川建筑职业技术学院', '德阳市'],
];

function read(bytes: Uint8Array, s: RosterSettings = settings) {
  const tables = readRosterWorkbook(bytes, '名单.xlsx');
  if (!tables.ok) return tables;
  return rosterToRound(tables.value, s, '名单.xlsx');
}

describe('roster spreadsheet → round', () => {
  it('reads the template headers, a title row above them, and the 专家名单 sheet', () => {
    const bytes = workbook({
      项目清单: [
        ['2026年技能四川重点项目申报汇总表'],
        ['项目编号', '项目名称', '申报单位', '市(州)', '区(县)', '类别', '品牌', '总投资(万元)'],
        [
          'KP-002',
          '绵阳工匠城',
          '绵阳市人社局',
          '绵阳市',
          '涪城区',
          '平台载体类',
          '天府技工',
          '12000',
        ],
        [
          'KP-001',
          '成都公共实训基地',
          '成都市职业技能公共实训中心',
          '成都市',
          '郫都区',
          '职业技能培训类',
          '',
          '',
        ],
        [],
      ],
      专家名单: experts,
    });
    const result = read(bytes);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const { round, packets } = result.value;
    expect(round.rubric.id).toBe('key-project-selection');
    expect(round.kind).toBe('selection');
    expect(round.experts.map((e) => `${e.id} ${e.name} ${e.city}`)).toEqual([
      'E01 周敏 成都市',
      'E02 吴志强 德阳市',
    ]);
    expect(packets.map((p) => p.id)).toEqual(['KP-001', 'KP-002']);
    expect(packets[1]).toMatchObject({
      title: '绵阳工匠城',
      applicant: { name: '绵阳市人社局', city: '绵阳市', county: '涪城区' },
      category: '平台载体类',
      group: '平台载体类',
      fields: { '总投资(万元)': '12000', 品牌: '天府技工' },
    });
  });

  it('tolerates common header variants (单位名称, 所在市州, 项目类别, full-width brackets)', () => {
    const bytes = workbook({
      Sheet1: [
        ['编号', '项目名称', '单位名称', '所在市州', '区（县）', '项目类别', '所属品牌'],
        [
          'B1',
          '川菜大师傅培育',
          '四川旅游学院',
          '成都市',
          '龙泉驿区',
          '品牌培育主基地',
          '川菜大师傅',
        ],
      ],
      专家名单: experts,
    });
    const result = read(bytes, { ...settings, builtIn: builtInRubric('brand-base-selection')! });
    expect(result.ok && result.value.packets[0]).toMatchObject({
      applicant: { name: '四川旅游学院', city: '成都市', county: '龙泉驿区' },
      category: '品牌培育主基地',
      group: '川菜大师傅',
    });
  });

  it('names a missing or renamed required column, the sheet, and the accepted names', () => {
    const bytes = workbook({
      项目清单: [
        ['项目编号', '项目标题', '申报单位'],
        ['A1', '某项目', '某单位'],
      ],
      专家名单: experts,
    });
    const result = read(bytes);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      '名单.xlsx › 工作表“项目清单”第 1 行：缺少“项目名称”列。可用的列名：项目名称、申报项目、申报项目名称、名称；表头现有：项目编号、项目标题、申报单位。请把相应列的表头改成其中之一',
    ]);
  });

  it('reads formula-looking text as text, never as a formula', () => {
    const bytes = workbook({
      项目清单: [
        ['项目编号', '项目名称', '申报单位', '备注'],
        ['A1', '=HYPERLINK("http://x","点我")', '+单位', '@SUM(1,2)'],
      ],
      专家名单: experts,
    });
    const result = read(bytes);
    expect(result.ok && result.value.packets[0]).toMatchObject({
      title: '=HYPERLINK("http://x","点我")',
      applicant: { name: '+单位' },
      fields: { 备注: '@SUM(1,2)' },
    });
  });

  it('locates bad and duplicate project ids by row', () => {
    const bytes = workbook({
      项目清单: [
        ['项目编号', '项目名称', '申报单位'],
        ['A1', '项目一', '单位一'],
        ['A 2', '项目二', '单位二'],
        ['A1', '项目三', '单位三'],
        ['A4', '', '单位四'],
      ],
      专家名单: experts,
    });
    const result = read(bytes);
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^名单\.xlsx › 工作表“项目清单”第 3 行 项目编号（A3）：项目编号“A 2”无效/,
    );
    expect(problems[1]).toBe(
      '名单.xlsx › 工作表“项目清单”第 4 行 项目编号（A4）：项目编号“A1”与第 2 行重复，请改正其中一个',
    );
    expect(problems[2]).toMatch(/^名单\.xlsx › 工作表“项目清单”第 5 行 项目名称（B5）：/);
  });

  it('requires experts from the sheet or the form', () => {
    const projects = [
      ['项目编号', '项目名称', '申报单位'],
      ['A1', '项目一', '单位一'],
    ];
    const without = read(workbook({ 项目清单: projects }));
    expect(without.ok ? '' : formatProblem(without.problems[0]!)).toMatch(/没有评审专家.*专家名单/);
    const withForm = read(workbook({ 项目清单: projects }), {
      ...settings,
      extraExperts: [{ name: '孙浩', org: '绵阳职业技术学院', city: '绵阳市' }],
    });
    expect(withForm.ok && withForm.value.round.experts).toEqual([
      { id: 'E01', name: '孙浩', org: '绵阳职业技术学院', city: '绵阳市' },
    ]);
  });

  it('refuses what is not a workbook, and an empty file', () => {
    const text = readRosterWorkbook(new TextEncoder().encode('项目编号,项目名称\n'), 'a.txt');
    expect(text.ok ? '' : formatProblem(text.problems[0]!)).toMatch(
      /^a\.txt：不是 Excel 工作簿（\.xlsx 或 \.xls），也不是 \.csv 文件/,
    );
    const empty = readRosterWorkbook(new Uint8Array(), 'b.xlsx');
    expect(empty.ok ? '' : formatProblem(empty.problems[0]!)).toMatch(/文件是空的/);
  });
});
