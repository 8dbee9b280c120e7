import { describe, expect, it } from 'vitest';
import { formatProblem } from '../model/validation';
import { builtInRubric } from '../rubrics/builtInRubrics';
import {
  OFFICE_EXPERTS,
  OFFICE_PROJECTS,
  OFFICE_TITLE,
  officeWorkbook,
  withCell,
} from './officeRoster.fixture';
import { readRosterWorkbook } from './readRosterWorkbook';
import { formatRosterReport, rosterReport } from './rosterReport';
import { rosterToRound, type RosterSettings } from './rosterToRound';

const keyProjects = builtInRubric('key-project-selection')!;

function build(bytes: Uint8Array, settings: Partial<RosterSettings> = {}) {
  const tables = readRosterWorkbook(bytes, '汇总表.xlsx');
  if (!tables.ok) return tables;
  return rosterToRound(
    tables.value,
    { title: '评审', builtIn: keyProjects, ...settings },
    '汇总表.xlsx',
  );
}

const problemsOf = (result: ReturnType<typeof build>) =>
  result.ok ? [] : result.problems.map(formatProblem);

describe('a roster written the way an office writes one', () => {
  it('reads 序号, 所属市(州), 联系人 and 职称, and offers the merged title row', () => {
    const result = build(officeWorkbook());
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    const { packets, round, report } = result.value;
    expect(packets.map((p) => `${p.id} ${p.applicant.city} ${p.group}`)).toEqual([
      'P001 成都市 职业技能培训类',
      'P002 阿坝藏族羌族自治州 平台载体类',
      'P003 阿坝藏族羌族自治州 职业技能培训类',
      'P004 凉山彝族自治州 技工教育发展类',
      'P005 甘孜藏族自治州 展示展览类',
      'P006 绵阳市 平台载体类',
    ]);
    expect(packets[0]!.fields).toEqual({ 联系人: '李明' });
    expect(round.experts[1]).toEqual({
      id: 'E02',
      name: '吴志强',
      org: '四川建筑职业技术学院',
      city: '',
      title: '教授',
    });
    expect(report.title).toBe(OFFICE_TITLE);
    expect(formatRosterReport(report)).toEqual([
      '工作表“申报汇总表” A 列“序号”：项目编号 → id（1、2、3… 的序号生成 P001、P002…，其他编号照录）',
      '工作表“申报汇总表” B 列“项目名称”：项目名称 → title',
      '工作表“申报汇总表” C 列“申报单位”：申报单位 → applicant.name',
      '工作表“申报汇总表” D 列“所属市(州)”：市(州) → applicant.city（规范为 21 个市(州)的正式名称）',
      '工作表“申报汇总表” E 列“项目类别”：类别 → category（须为评分表所属项目的类别）',
      '工作表“申报汇总表” F 列“联系人”：联系人 → fields.联系人',
      '工作表“专家名单” A 列“姓名”：姓名 → name',
      '工作表“专家名单” B 列“单位”：单位 → org',
      '工作表“专家名单” C 列“职称”：职称 → title',
      '工作表“专家名单” D 列“联系电话”：未读取（专家名单只读取姓名、单位、市(州)、职称）',
    ]);
  });

  it('gives the same ids and the same round id each time the same roster is read', () => {
    const first = build(officeWorkbook());
    const again = build(officeWorkbook({ bookType: 'biff8' }));
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value.packets.map((p) => p.id)).toEqual(first.value.packets.map((p) => p.id));
    expect(again.value.round.id).toBe(first.value.round.id);
    expect(first.value.round.id).toMatch(/^RS-[0-9A-F]{12}$/);
    const changed = build(
      officeWorkbook({ projects: withCell(OFFICE_PROJECTS, 6, 1, '绵阳新城') }),
    );
    expect(changed.ok && changed.value.round.id).not.toBe(first.value.round.id);
  });

  it('keeps real codes as written, and pads serial numbers to the widest', () => {
    const coded = withCell(OFFICE_PROJECTS, 3, 0, 'KP-2024-03');
    const result = build(officeWorkbook({ projects: coded }));
    expect(result.ok && result.value.packets.map((p) => p.id)).toEqual([
      '1',
      '2',
      '4',
      '5',
      '6',
      'KP-2024-03',
    ]);
    const long = withCell(OFFICE_PROJECTS, 6, 0, 1200);
    const padded = build(officeWorkbook({ projects: long }));
    expect(padded.ok && padded.value.packets.map((p) => p.id).slice(-2)).toEqual([
      'P0005',
      'P1200',
    ]);
  });

  it('refuses a 市(州) that is none of the 21, naming the row, the cell and the nearest names', () => {
    const result = build(officeWorkbook({ projects: withCell(OFFICE_PROJECTS, 2, 3, '阿坝洲') }));
    expect(problemsOf(result)).toEqual([
      '汇总表.xlsx › 工作表“申报汇总表”第 4 行 市(州)（D4）：“阿坝洲”不是四川省的市(州)。最接近的是“阿坝藏族羌族自治州”；请填写正式名称或常用简称（如 成都、阿坝州）',
    ]);
  });

  it('refuses a category typo with the nearest category of the programme', () => {
    const result = build(
      officeWorkbook({ projects: withCell(OFFICE_PROJECTS, 6, 4, '平台载休类') }),
    );
    expect(problemsOf(result)).toEqual([
      '汇总表.xlsx › 工作表“申报汇总表”第 8 行 类别（E8）：“平台载休类”不是“重点项目遴选”的类别。最接近的是“平台载体类”；可填：技工教育发展类、职业技能培训类、平台载体类、展示展览类',
    ]);
  });

  it('refuses a brand typo with the nearest of the five brands, so no sixth group appears', () => {
    const rows = [
      ['序号', '项目名称', '申报单位', '市州', '类别', '所属品牌'],
      [1, '川菜大师傅培育基地', '四川旅游学院', '成都市', '品牌培育主基地', '川菜大师傅'],
      [2, '天府技工培育基地', '成都技师学院', '成都', '品牌培育辅基地', '天府技功'],
    ];
    const result = build(officeWorkbook({ projects: rows }), {
      builtIn: builtInRubric('brand-base-selection')!,
    });
    expect(problemsOf(result)).toEqual([
      '汇总表.xlsx › 工作表“申报汇总表”第 3 行 品牌（F3）：“天府技功”不是五大品牌之一。最接近的是“天府技工”；可填：天府新农人、天府建筑工、川菜大师傅、天府技工、天府数智工匠',
    ]);
  });

  it('refuses an expert’s unknown 市(州) on the experts sheet', () => {
    const experts = [
      ['姓名', '单位', '地市'],
      ['周敏', '四川省职业技能鉴定指导中心', '天府新区'],
    ];
    const tables = readRosterWorkbook(officeWorkbook({ experts: false }), '汇总表.xlsx');
    expect(tables.ok).toBe(true);
    if (!tables.ok) return;
    const sheet = { name: '专家名单', firstRow: 1, rows: experts };
    const result = rosterToRound(
      { ...tables.value, experts: sheet },
      { title: 'x', builtIn: keyProjects },
      '专家.xlsx',
    );
    expect(problemsOf(result)).toEqual([
      '专家.xlsx › 工作表“专家名单”第 2 行 市(州)（C2）：“天府新区”不是四川省的市(州)。请填写 21 个市(州)之一：成都市、自贡市、攀枝花市、泸州市、德阳市、绵阳市、广元市、遂宁市、内江市、乐山市、南充市、眉山市、宜宾市、广安市、达州市、雅安市、巴中市、资阳市、阿坝藏族羌族自治州、甘孜藏族自治州、凉山彝族自治州（也可写简称，如 成都、阿坝州）',
    ]);
  });

  it('reports the report before any round is made, whatever the rows hold', () => {
    const tables = readRosterWorkbook(officeWorkbook(), '汇总表.xlsx');
    expect(tables.ok && rosterReport(tables.value).title).toBe(OFFICE_TITLE);
    expect(OFFICE_EXPERTS[0]).toContain('职称');
  });
});
