/**
 * Roster spreadsheet → round, the pure part: rows of text in, a validated round (with the
 * column report) or located problems out. Reading the files is readRosterWorkbook.ts.
 */
import { CITY_SPELLINGS, SICHUAN_CITIES, officialCityName } from '../model/cities';
import {
  ROUND_FORMAT,
  packetSchema,
  roundSchema,
  type Expert,
  type Packet,
  type Round,
} from '../model/roundPackage';
import { idSchema } from '../model/rubric';
import { parseWith, type InputProblem, type Parsed } from '../model/validation';
import type { BuiltInRubric } from '../rubrics/builtInRubrics';
import { nearestNames } from './nearestNames';
import { FIVE_BRANDS, listedName, programmeCategories } from './programmeLists';
import {
  EXPERT_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_FIELD_NAMES,
  type ColumnSpec,
  type ExpertColumn,
  type ProjectColumn,
} from './rosterColumns';
import { rosterRoundId, serialIds } from './rosterIds';
import {
  columnLetter,
  expertLayout,
  projectLayout,
  rosterReport,
  type RosterReport,
  type SheetLayout,
} from './rosterReport';
import type { RosterSheet, RosterTables } from './rosterTables';

export type { RosterSheet, RosterTables } from './rosterTables';

export interface RosterSettings {
  /** Round id; by default `rosterRoundId` of the sheets, the same for the same roster. */
  id?: string;
  title: string;
  builtIn: BuiltInRubric;
  /** Experts entered in the form, added after those of the 专家名单 sheet. */
  extraExperts?: Omit<Expert, 'id'>[];
}

export interface RosterRound {
  round: Round;
  packets: Packet[];
  attachments: Map<string, Uint8Array>;
  /** Every column read and ignored, and the title row: for the secretariat to check. */
  report: RosterReport;
}

/** `工作表“项目清单”第 5 行 市(州)（D5）`: sheet, row, and the column by name and cell. */
function where(sheet: RosterSheet, row: number, label?: string, index?: number): string {
  const line = sheet.firstRow + row;
  const cell =
    index === undefined ? '' : `（${columnLetter((sheet.firstColumn ?? 0) + index)}${line}）`;
  return `工作表“${sheet.name}”第 ${line} 行${label ? ` ${label}${cell}` : ''}`;
}

function missingColumns<K extends string>(
  sheet: RosterSheet,
  layout: SheetLayout<K>,
  specs: readonly ColumnSpec<K>[],
  file: string,
): InputProblem[] {
  const present = layout.header.filter((h) => h.trim()).join('、') || '（空）';
  return specs
    .filter((s) => s.required && !layout.columns.has(s.key))
    .map((s) => ({
      file: sheet.file ?? file,
      field: where(sheet, layout.headerRow),
      message: `缺少“${s.label}”列。可用的列名：${s.accepted.join('、')}；表头现有：${present}。请把相应列的表头改成其中之一`,
    }));
}

const cellAt = (row: readonly string[], index: number | undefined) =>
  index === undefined ? '' : (row[index] ?? '').trim();

const isBlank = (row: readonly string[]) => row.every((v) => v.trim() === '');

/** `最接近的是“A”、“B”；` or nothing when no valid name is close. */
const nearest = (names: string[]) =>
  names.length > 0 ? `最接近的是${names.map((n) => `“${n}”`).join('、')}；` : '';

/** A cell reader for one sheet: values by column key, problems located at the cell. */
function rowReader<K extends string>(
  sheet: RosterSheet,
  layout: SheetLayout<K>,
  specs: readonly ColumnSpec<K>[],
  file: string,
  problems: InputProblem[],
) {
  return (r: number) => {
    const row = sheet.rows[r]!;
    const get = (key: K) => cellAt(row, layout.columns.get(key));
    const fail = (key: K, message: string) => {
      const label = specs.find((s) => s.key === key)?.label ?? key;
      problems.push({
        file: sheet.file ?? file,
        field: where(sheet, r, label, layout.columns.get(key)),
        message,
      });
    };
    /** The official 市(州) name, '' for a blank cell, null (and a problem) otherwise. */
    const city = (key: K): string | null => {
      const value = get(key);
      if (!value) return '';
      const official = officialCityName(value);
      if (official) return official;
      const near = nearest(nearestNames(value, CITY_SPELLINGS));
      fail(
        key,
        `“${value}”不是四川省的市(州)。` +
          (near
            ? `${near}请填写正式名称或常用简称（如 成都、阿坝州）`
            : `请填写 21 个市(州)之一：${SICHUAN_CITIES.join('、')}（也可写简称，如 成都、阿坝州）`),
      );
      return null;
    };
    return { row, get, fail, city };
  };
}

export function rosterToRound(
  tables: RosterTables,
  settings: RosterSettings,
  file: string,
): Parsed<RosterRound> {
  const problems: InputProblem[] = [];
  const sheet = tables.projects;
  const layout = projectLayout(sheet);
  const headerProblems = missingColumns(sheet, layout, PROJECT_COLUMNS, file);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  const b = settings.builtIn;
  const categories = programmeCategories(b);

  const rows: number[] = [];
  for (let r = layout.headerRow + 1; r < sheet.rows.length; r++) {
    if (!isBlank(sheet.rows[r]!)) rows.push(r);
  }
  const idIndex = layout.columns.get('id');
  const generated = serialIds(rows.map((r) => cellAt(sheet.rows[r]!, idIndex)));
  const read = rowReader(sheet, layout, PROJECT_COLUMNS, file, problems);

  const packets: Packet[] = [];
  const rowOfId = new Map<string, number>();
  for (const r of rows) {
    const { row, get, fail, city } = read(r);
    const written = get('id');
    const id = generated?.get(written) ?? written;
    const idCheck = idSchema.safeParse(id);
    if (!idCheck.success) {
      fail('id', `项目编号“${written}”无效：${idCheck.error.issues[0]?.message ?? ''}`);
      continue;
    }
    const earlier = rowOfId.get(id);
    if (earlier !== undefined) {
      fail('id', `项目编号“${written}”与第 ${sheet.firstRow + earlier} 行重复，请改正其中一个`);
      continue;
    }
    rowOfId.set(id, r);
    const applicantCity = city('city');
    let category = get('category');
    if (category && categories) {
      const listed = listedName(category, categories);
      if (!listed) {
        fail(
          'category',
          `“${category}”不是“${b.label}”的类别。${nearest(nearestNames(category, [...categories]))}` +
            `可填：${categories.join('、')}`,
        );
      }
      category = listed ?? category;
    }
    let brand = get('brand');
    if (brand) {
      const listed = listedName(brand, FIVE_BRANDS);
      if (!listed) {
        fail(
          'brand',
          `“${brand}”不是五大品牌之一。${nearest(nearestNames(brand, [...FIVE_BRANDS]))}` +
            `可填：${FIVE_BRANDS.join('、')}`,
        );
      }
      brand = listed ?? brand;
    }
    const fields: Record<string, string> = {};
    for (const { header, index } of layout.extras) {
      const value = cellAt(row, index);
      if (value) fields[header] = value;
    }
    for (const [key, name] of Object.entries(PROJECT_FIELD_NAMES)) {
      const value = key === 'brand' ? brand : get(key as ProjectColumn);
      if (value && name) fields[name] = value;
    }
    const candidate = {
      id,
      title: get('title'),
      applicant: {
        name: get('applicant'),
        city: applicantCity ?? '',
        county: get('county'),
        type: '',
      },
      category,
      group: b.groupBy === 'brand' ? brand || category : category || brand,
      fields,
      attachments: [],
    };
    const parsed = parseWith(packetSchema, candidate, file);
    if (!parsed.ok) {
      for (const p of parsed.problems) {
        const key = columnKey(p.field);
        problems.push({
          ...p,
          file: sheet.file ?? file,
          field: key
            ? where(sheet, r, labelOf(key), layout.columns.get(key))
            : where(sheet, r, p.field),
        });
      }
      continue;
    }
    packets.push(parsed.value);
  }
  if (packets.length === 0 && problems.length === 0) {
    problems.push({
      file: sheet.file ?? file,
      field: `工作表“${sheet.name}”`,
      message: '表头下面没有项目。请在表头下逐行填写项目',
    });
  }

  const experts: Expert[] = [];
  if (tables.experts) problems.push(...readExperts(tables.experts, file, experts));
  for (const extra of settings.extraExperts ?? []) {
    experts.push({ ...extra, id: `E${String(experts.length + 1).padStart(2, '0')}` });
  }
  if (experts.length === 0) {
    problems.push({
      file,
      field: '专家名单',
      message:
        '没有评审专家：请在工作簿中加一张“专家名单”工作表（姓名、单位、市(州)），或在表单中填写专家',
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const round = parseWith(
    roundSchema,
    {
      format: ROUND_FORMAT,
      id: settings.id ?? rosterRoundId(tables, settings.extraExperts),
      title: settings.title,
      kind: b.kind,
      programme: b.programme,
      rubric: b.rubric,
      aggregation: {
        method: 'trimmed-mean',
        trimWhenAtLeast: 5,
        deviationFlag: 0.2,
        vetoRule: 'majority',
        tieBreak: [],
      },
      quotas: [],
      experts,
    },
    '评审设置',
  );
  if (!round.ok) return round;
  packets.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    ok: true,
    value: { round: round.value, packets, attachments: new Map(), report: rosterReport(tables) },
  };
}

function columnKey(field: string): ProjectColumn | null {
  if (field.startsWith('title')) return 'title';
  if (field.startsWith('applicant.name')) return 'applicant';
  if (field.startsWith('applicant.city')) return 'city';
  if (field.startsWith('applicant.county')) return 'county';
  if (field.startsWith('category') || field.startsWith('group')) return 'category';
  return null;
}

const labelOf = (key: ProjectColumn) => PROJECT_COLUMNS.find((s) => s.key === key)!.label;

/** `单位 · 职称`: the round package has no field for 职称, and the expert's 单位 is where it reads. */
export function orgWithRank(org: string, rank: string): string {
  return [org, rank].filter(Boolean).join(' · ');
}

function readExperts(sheet: RosterSheet, file: string, experts: Expert[]): InputProblem[] {
  const layout = expertLayout(sheet);
  const missing = missingColumns(sheet, layout, EXPERT_COLUMNS, file);
  if (missing.length > 0) return missing;
  const problems: InputProblem[] = [];
  const read = rowReader<ExpertColumn>(sheet, layout, EXPERT_COLUMNS, file, problems);
  for (let r = layout.headerRow + 1; r < sheet.rows.length; r++) {
    if (isBlank(sheet.rows[r]!)) continue;
    const { get, fail, city } = read(r);
    const name = get('name');
    if (!name) {
      fail('name', '姓名为空，请填写或删除该行');
      continue;
    }
    const expertCity = city('city');
    experts.push({
      id: `E${String(experts.length + 1).padStart(2, '0')}`,
      name,
      org: orgWithRank(get('org'), get('rank')),
      city: expertCity ?? '',
    });
  }
  return problems;
}
