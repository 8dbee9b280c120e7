import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import {
  OFFICE_EXPERTS,
  OFFICE_PROJECTS,
  OFFICE_TITLE,
  officeWorkbook,
  withCell,
  workbookBytes,
} from '@shared/roster/officeRoster.fixture';
import { csv, gbkEncode } from '../test/fixtures/csvRoster';
import { memoryIo } from '../test/workbook/cliIo';
import { run } from './run';

const RUBRIC = ['--rubric', 'key-project-selection'];

/** `--projects P --experts E --rubric key-project-selection --out R.zip`, then `extra`. */
const argsFor = (projects: string, experts = projects, ...extra: string[]) => [
  '--projects',
  projects,
  '--experts',
  experts,
  ...(extra.includes('--rubric') ? [] : RUBRIC),
  '--out',
  'R.zip',
  ...extra,
];

async function roster(files: Record<string, Uint8Array>, args: string[]) {
  const t = memoryIo(files);
  const code = await run(['roster', ...args], t.io);
  return { ...t, code };
}

async function inspect(t: { files: Record<string, Uint8Array> }, path: string) {
  const check = memoryIo(t.files);
  return { code: await run(['inspect', path], check.io), stdout: check.stdout() };
}

const roundJson = (bytes: Uint8Array) =>
  JSON.parse(new TextDecoder().decode(unzipSync(bytes)['round.json']!)) as {
    id: string;
    title: string;
    experts: { org: string }[];
  };

describe('review-desk roster', () => {
  it('builds a round from the office roster and experts file that inspect accepts', async () => {
    const files = {
      'P.xlsx': officeWorkbook({ experts: false }),
      'E.xlsx': workbookBytes({ 评审专家: OFFICE_EXPERTS }),
    };
    const t = await roster(files, argsFor('P.xlsx', 'E.xlsx'));
    expect(t.stderr()).toBe('');
    expect(t.code).toBe(0);
    const out = t.stdout();
    expect(out).toContain('工作表“申报汇总表” A 列“序号”：项目编号 → id');
    expect(out).toContain('工作表“申报汇总表” D 列“所属市(州)”：市(州) → applicant.city');
    expect(out).toContain(
      '工作表“评审专家” D 列“联系电话”：未读取（专家名单只读取姓名、单位、市(州)、职称）',
    );
    expect(out).toContain(`评审名称：${OFFICE_TITLE}（来自名单的标题行）`);
    expect(out).toMatch(
      /6 个项目（职业技能培训类 2，平台载体类 2，技工教育发展类 1，展示展览类 1），4 位专家/,
    );
    const checked = await inspect(t, 'R.zip');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`名称\u3000\u3000\u3000${OFFICE_TITLE}`);
    expect(checked.stdout).toContain('吴志强（四川建筑职业技术学院 · 教授）');
  });

  it('reads the experts sheet of the projects workbook when --experts names the same file, and --title wins', async () => {
    const t = await roster(
      { 'A.xlsx': officeWorkbook() },
      argsFor('A.xlsx', undefined, '--title', '2024年第二批'),
    );
    expect(t.code).toBe(0);
    expect(t.stdout()).toContain('评审名称：2024年第二批（来自 --title）');
    expect(roundJson(t.files['R.zip']!).title).toBe('2024年第二批');
    const untitled = {
      '2024名单.xlsx': workbookBytes({ 项目: OFFICE_PROJECTS.slice(1), 专家: OFFICE_EXPERTS }),
    };
    const named = await roster(untitled, argsFor('2024名单.xlsx'));
    expect(named.stdout()).toContain('评审名称：2024名单（来自文件名；可用 --title 指定）');
  });

  it('refuses experts in two places rather than dropping one list', async () => {
    const t = await roster(
      { 'A.xlsx': officeWorkbook(), 'E.xlsx': workbookBytes({ 专家: OFFICE_EXPERTS }) },
      argsFor('A.xlsx', 'E.xlsx'),
    );
    expect(t.code).toBe(1);
    expect(t.stderr()).toContain('A.xlsx：工作表“专家名单”与 E.xlsx 都是专家名单：请只保留一处');
    expect(t.files['R.zip']).toBeUndefined();
  });

  it('refuses a brand typo with the nearest brand and an unknown 市(州) with its row: every problem, nothing written', async () => {
    const rows = [
      ['序号', '项目名称', '申报单位', '所属市(州)', '类别', '品牌'],
      [1, '川菜大师傅培育基地', '四川旅游学院', '成都', '品牌培育主基地', '川菜大师父'],
      [2, '天府技工培育基地', '成都技师学院', '天府新区', '品牌培育辅基地', '天府技工'],
    ];
    const files = { 'B.xlsx': workbookBytes({ 项目: rows, 专家名单: OFFICE_EXPERTS }) };
    const t = await roster(files, argsFor('B.xlsx', undefined, '--rubric', 'brand-base-selection'));
    expect(t.code).toBe(1);
    const err = t.stderr().split('\n');
    expect(err[0]).toBe('名单有 2 个问题，未写入评审包：');
    expect(err[1]).toBe(
      '  B.xlsx › 工作表“项目”第 2 行 品牌（F2）：“川菜大师父”不是五大品牌之一。最接近的是“川菜大师傅”；可填：天府新农人、天府建筑工、川菜大师傅、天府技工、天府数智工匠',
    );
    expect(err[2]).toMatch(
      /^ {2}B\.xlsx › 工作表“项目”第 3 行 市\(州\)（D3）：“天府新区”不是四川省的市\(州\)。请填写 21 个市\(州\)之一：成都市、/,
    );
    expect(t.files['R.zip']).toBeUndefined();
  });

  it('reads a CSV saved in GBK, with the experts in another CSV', async () => {
    const files = {
      '汇总表.csv': gbkEncode(
        csv(withCell(OFFICE_PROJECTS, 1, 1, '"成都公共实训基地（一期，二期）"')),
      ),
      '专家.csv': new TextEncoder().encode(`\ufeff${csv(OFFICE_EXPERTS)}`),
    };
    const t = await roster(files, argsFor('汇总表.csv', '专家.csv'));
    expect(t.stderr()).toBe('');
    expect(t.code).toBe(0);
    const pkg = unzipSync(t.files['R.zip']!);
    const p1 = JSON.parse(new TextDecoder().decode(pkg['packets/P001.json']!)) as {
      title: string;
      applicant: { city: string };
    };
    expect(p1).toMatchObject({
      title: '成都公共实训基地（一期，二期）',
      applicant: { city: '成都市' },
    });
    const p2 = JSON.parse(new TextDecoder().decode(pkg['packets/P002.json']!)) as {
      applicant: { city: string };
    };
    expect(p2.applicant.city).toBe('阿坝藏族羌族自治州');
    expect(t.stdout()).toContain(`评审名称：${OFFICE_TITLE}（来自名单的标题行）`);
    expect((await inspect(t, 'R.zip')).code).toBe(0);
  });

  it('reads the older .xls, and the same roster gives the same round id as the .xlsx', async () => {
    const xls = await roster({ 'A.xls': officeWorkbook({ bookType: 'biff8' }) }, argsFor('A.xls'));
    expect(xls.stderr()).toBe('');
    expect(xls.code).toBe(0);
    const xlsx = await roster({ 'A.xlsx': officeWorkbook() }, argsFor('A.xlsx'));
    expect(roundJson(xls.files['R.zip']!).id).toBe(roundJson(xlsx.files['R.zip']!).id);
    expect((await inspect(xls, 'R.zip')).code).toBe(0);
  });

  it('exits 2 for a file it cannot read, an unknown rubric, or an output that exists', async () => {
    const garbage = await roster({ 'P.xlsx': Uint8Array.from([1, 2, 3]) }, argsFor('P.xlsx'));
    expect(garbage.code).toBe(2);
    expect(garbage.stderr()).toMatch(/^无法读取 P\.xlsx：不是 Excel 工作簿/);
    const rubric = await roster(
      { 'A.xlsx': officeWorkbook() },
      argsFor('A.xlsx', undefined, '--rubric', 'nope'),
    );
    expect(rubric.code).toBe(2);
    expect(rubric.stderr()).toContain(
      '没有评分表“nope”。可用：key-project-selection（重点项目遴选）',
    );
    const existing = { 'A.xlsx': officeWorkbook(), 'R.zip': Uint8Array.from([9]) };
    const kept = await roster(existing, argsFor('A.xlsx'));
    expect(kept.code).toBe(2);
    expect(kept.files['R.zip']).toEqual(Uint8Array.from([9]));
    const forced = await roster(existing, argsFor('A.xlsx', undefined, '--force'));
    expect(forced.code).toBe(0);
    const missing = await roster({}, ['--projects', 'A.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr()).toContain('缺少选项：--experts、--rubric、--out');
  });
});
