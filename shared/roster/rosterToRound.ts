/**
 * Roster spreadsheet → round, the pure part: rows of text in, a validated round or located
 * problems out. Reading the workbook itself is readRosterWorkbook.ts.
 */
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
import {
  EXPERT_COLUMNS,
  PROJECT_COLUMNS,
  matchColumns,
  type ColumnSpec,
  type ExpertColumn,
  type ProjectColumn,
} from './rosterColumns';

/** One worksheet as text. `firstRow` is the 1-based spreadsheet row of `rows[0]`. */
export interface RosterSheet {
  name: string;
  firstRow: number;
  rows: string[][];
}

export interface RosterTables {
  projects: RosterSheet;
  experts: RosterSheet | null;
}

export interface RosterSettings {
  id: string;
  title: string;
  builtIn: BuiltInRubric;
  /** Experts entered in the form, added after those of the 专家名单 sheet. */
  extraExperts?: Omit<Expert, 'id'>[];
}

export interface RosterRound {
  round: Round;
  packets: Packet[];
  attachments: Map<string, Uint8Array>;
}

const where = (sheet: RosterSheet, row: number, column?: string) =>
  `工作表“${sheet.name}”第 ${sheet.firstRow + row} 行${column ? ` ${column}` : ''}`;

/** The header is the first row (of the first ten) naming a required column: titles sit above it. */
function headerIndex<K extends string>(
  sheet: RosterSheet,
  specs: readonly ColumnSpec<K>[],
): number {
  const limit = Math.min(sheet.rows.length, 10);
  for (let i = 0; i < limit; i++) {
    const matched = matchColumns(sheet.rows[i]!, specs);
    if (specs.some((s) => s.required && matched.has(s.key))) return i;
  }
  return 0;
}

function missingColumns<K extends string>(
  sheet: RosterSheet,
  header: readonly string[],
  headerRow: number,
  specs: readonly ColumnSpec<K>[],
  file: string,
): InputProblem[] {
  const matched = matchColumns(header, specs);
  const present = header.filter((h) => h.trim()).join('、') || '（空）';
  return specs
    .filter((s) => s.required && !matched.has(s.key))
    .map((s) => ({
      file,
      field: where(sheet, headerRow),
      message: `缺少“${s.label}”列。可用的列名：${s.accepted.join('、')}；表头现有：${present}。请把相应列的表头改成其中之一`,
    }));
}

const cell = (row: readonly string[], index: number | undefined) =>
  index === undefined ? '' : (row[index] ?? '').trim();

export function rosterToRound(
  tables: RosterTables,
  settings: RosterSettings,
  file: string,
): Parsed<RosterRound> {
  const problems: InputProblem[] = [];
  const sheet = tables.projects;
  const h = headerIndex(sheet, PROJECT_COLUMNS);
  const header = sheet.rows[h] ?? [];
  const headerProblems = missingColumns(sheet, header, h, PROJECT_COLUMNS, file);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  const columns = matchColumns<ProjectColumn>(header, PROJECT_COLUMNS);
  const known = new Set(columns.values());

  const packets: Packet[] = [];
  const rowOfId = new Map<string, number>();
  for (let r = h + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (row.every((v) => v.trim() === '')) continue;
    const id = cell(row, columns.get('id'));
    const idCheck = idSchema.safeParse(id);
    if (!idCheck.success) {
      problems.push({
        file,
        field: where(sheet, r, '项目编号'),
        message: `项目编号“${id}”无效：${idCheck.error.issues[0]?.message ?? ''}`,
      });
      continue;
    }
    const earlier = rowOfId.get(id);
    if (earlier !== undefined) {
      problems.push({
        file,
        field: where(sheet, r, '项目编号'),
        message: `项目编号“${id}”与第 ${sheet.firstRow + earlier} 行重复，请改正其中一个`,
      });
      continue;
    }
    rowOfId.set(id, r);
    const category = cell(row, columns.get('category'));
    const brand = cell(row, columns.get('brand'));
    const fields: Record<string, string> = {};
    header.forEach((label, index) => {
      const name = label.trim();
      const value = cell(row, index);
      if (name && !known.has(index) && value) fields[name] = value;
    });
    if (brand) fields['品牌'] = brand;
    const candidate = {
      id,
      title: cell(row, columns.get('title')),
      applicant: {
        name: cell(row, columns.get('applicant')),
        city: cell(row, columns.get('city')),
        county: cell(row, columns.get('county')),
        type: '',
      },
      category,
      group: settings.builtIn.groupBy === 'brand' ? brand || category : category || brand,
      fields,
      attachments: [],
    };
    const parsed = parseWith(packetSchema, candidate, file);
    if (!parsed.ok) {
      for (const p of parsed.problems) {
        problems.push({ ...p, field: where(sheet, r, columnLabel(p.field)) });
      }
      continue;
    }
    packets.push(parsed.value);
  }
  if (packets.length === 0 && problems.length === 0) {
    problems.push({
      file,
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

  const b = settings.builtIn;
  const round = parseWith(
    roundSchema,
    {
      format: ROUND_FORMAT,
      id: settings.id,
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
  return { ok: true, value: { round: round.value, packets, attachments: new Map() } };
}

function columnLabel(field: string): string {
  if (field.startsWith('title')) return '项目名称';
  if (field.startsWith('applicant.name')) return '申报单位';
  if (field.startsWith('applicant.city')) return '市(州)';
  if (field.startsWith('applicant.county')) return '区(县)';
  if (field.startsWith('category') || field.startsWith('group')) return '类别';
  return field;
}

function readExperts(sheet: RosterSheet, file: string, experts: Expert[]): InputProblem[] {
  const h = headerIndex(sheet, EXPERT_COLUMNS);
  const header = sheet.rows[h] ?? [];
  const missing = missingColumns(sheet, header, h, EXPERT_COLUMNS, file);
  if (missing.length > 0) return missing;
  const columns = matchColumns<ExpertColumn>(header, EXPERT_COLUMNS);
  const problems: InputProblem[] = [];
  for (let r = h + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (row.every((v) => v.trim() === '')) continue;
    const name = cell(row, columns.get('name'));
    if (!name) {
      problems.push({
        file,
        field: where(sheet, r, '姓名'),
        message: '姓名为空，请填写或删除该行',
      });
      continue;
    }
    experts.push({
      id: `E${String(experts.length + 1).padStart(2, '0')}`,
      name,
      org: cell(row, columns.get('org')),
      city: cell(row, columns.get('city')),
    });
  }
  return problems;
}
