/**
 * Roster spreadsheet → round, the pure part: rows of text in, a validated round (with the
 * column report) or located problems out. Reading the files is readRosterWorkbook.ts.
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
import { FIVE_BRANDS, programmeCategories } from './programmeLists';
import { cellAt, isBlank, missingColumns, rowReader, where } from './rosterCells';
import {
  EXPERT_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_FIELD_NAMES,
  type ExpertColumn,
  type ProjectColumn,
} from './rosterColumns';
import { rosterRoundId, serialIds } from './rosterIds';
import { expertLayout, projectLayout, rosterReport, type RosterReport } from './rosterReport';
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
    const { row, get, fail, city, listed } = read(r);
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
    const category = categories
      ? listed('category', categories, `“${b.label}”的类别`)
      : get('category');
    const brand = listed('brand', FIVE_BRANDS, '五大品牌之一');
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
    const title = get('rank');
    experts.push({
      id: `E${String(experts.length + 1).padStart(2, '0')}`,
      name,
      org: get('org'),
      city: expertCity ?? '',
      ...(title ? { title } : {}),
    });
  }
  return problems;
}
