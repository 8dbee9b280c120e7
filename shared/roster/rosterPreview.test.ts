import { describe, expect, it } from 'vitest';
import { csv, gbkEncode } from '../../test/fixtures/csvRoster';
import { builtInRubric } from '../rubrics/builtInRubrics';
import {
  OFFICE_EXPERTS,
  OFFICE_PROJECTS,
  OFFICE_TITLE,
  officeWorkbook,
  withCell,
} from './officeRoster.fixture';
import { readRosterWorkbook } from './readRosterWorkbook';
import { rosterRoundId } from './rosterIds';
import { previewRoster } from './rosterPreview';

const keyProjects = builtInRubric('key-project-selection')!;
const projectsOnly = (rows = OFFICE_PROJECTS) => ({
  name: '汇总表.xlsx',
  bytes: officeWorkbook({ experts: false, projects: rows }),
});
const gbkExperts = { name: '专家.csv', bytes: gbkEncode(csv(OFFICE_EXPERTS)) };

describe('previewRoster', () => {
  it('reads projects and a GBK CSV of experts, reports every column, offers the title row', () => {
    const preview = previewRoster({
      projects: projectsOnly(),
      experts: gbkExperts,
      builtIn: keyProjects,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    expect(preview.problems).toEqual([]);
    expect(preview.suggestedTitle).toBe(OFFICE_TITLE);
    const ignored = preview.report.columns.filter((c) => c.target === null);
    expect(ignored.map((c) => `${c.sheet} ${c.column} ${c.header}`)).toEqual(['专家 D 联系电话']);
    const round = preview.round!.round;
    expect(round.title).toBe(OFFICE_TITLE);
    expect(round.id).toBe(preview.roundId);
    expect(round.experts.map((e) => `${e.name} ${e.org} ${e.title ?? ''}`)).toEqual([
      '周敏 四川省职业技能鉴定指导中心 正高级经济师',
      '吴志强 四川建筑职业技术学院 教授',
      '孙浩 绵阳职业技术学院 副教授',
      '刘洋 西南交通大学 研究员',
    ]);
    expect(preview.round!.packets.find((p) => p.id === 'P002')?.applicant.city).toBe(
      '阿坝藏族羌族自治州',
    );
  });

  it('gives the round id of the sheets, whichever file holds the experts', () => {
    const separate = previewRoster({
      projects: projectsOnly(),
      experts: gbkExperts,
      builtIn: keyProjects,
    });
    const tables = readRosterWorkbook(officeWorkbook(), '汇总表.xlsx');
    if (!separate.ok || !tables.ok) throw new Error('unreadable');
    expect(separate.roundId).toBe(rosterRoundId(tables.value));
  });

  it('uses the typed title, else the file name when there is no title row', () => {
    const typed = previewRoster({
      projects: projectsOnly(),
      experts: gbkExperts,
      builtIn: keyProjects,
      title: '  2024年第二批重点项目评审 ',
    });
    expect(typed.ok && typed.round?.round.title).toBe('2024年第二批重点项目评审');
    const untitled = previewRoster({
      projects: projectsOnly(OFFICE_PROJECTS.slice(1)),
      experts: gbkExperts,
      builtIn: keyProjects,
    });
    expect(untitled.ok && untitled.suggestedTitle).toBe('汇总表');
  });

  it('lists every refused row, keeps the report, and builds no round', () => {
    const rows = withCell(withCell(OFFICE_PROJECTS, 2, 4, '平台载休类'), 4, 3, '天府新区');
    const preview = previewRoster({
      projects: projectsOnly(rows),
      experts: gbkExperts,
      builtIn: keyProjects,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    expect(preview.round).toBeNull();
    expect(preview.report.columns.length).toBeGreaterThan(0);
    expect(preview.problems.map((p) => p.field)).toEqual([
      '工作表“申报汇总表”第 4 行 类别（E4）',
      '工作表“申报汇总表”第 6 行 市(州)（D6）',
    ]);
    expect(preview.problems[0]!.message).toContain('最接近的是“平台载体类”');
  });

  it('refuses a file that is no roster at all, before any report', () => {
    const preview = previewRoster({
      projects: { name: '名单.xlsx', bytes: new TextEncoder().encode('not a workbook') },
      experts: null,
      builtIn: keyProjects,
    });
    expect(preview.ok).toBe(false);
  });
});
