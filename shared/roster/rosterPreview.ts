/**
 * What 从名单创建 shows before any round exists: the roster files read into sheets, every column
 * used or ignored, the offered title, the round id, and every row the round would refuse. The
 * secretariat creates the round only from a roster with no refusal, and sees what was dropped.
 */
import type { Expert } from '../model/roundPackage';
import type { InputProblem } from '../model/validation';
import type { BuiltInRubric } from '../rubrics/builtInRubrics';
import {
  readRosterFile,
  rosterTablesFrom,
  type RosterBook,
  type RosterReadOptions,
} from './readRosterWorkbook';
import { rosterRoundId } from './rosterIds';
import { rosterReport, type RosterReport } from './rosterReport';
import { rosterToRound, type RosterRound } from './rosterToRound';

export interface RosterFile {
  name: string;
  bytes: Uint8Array;
}

export interface RosterPreviewInput {
  projects: RosterFile;
  /** Another file holding the experts; null: the projects workbook's 专家名单 sheet. */
  experts: RosterFile | null;
  builtIn: BuiltInRubric;
  /** Experts typed in the form, after those of the roster. */
  extraExperts?: Omit<Expert, 'id'>[];
  /** The title the secretariat typed; blank: the suggested one. */
  title?: string;
}

export type RosterPreview =
  /** The files cannot be read as a roster at all (not a workbook, no project sheet …). */
  | { ok: false; problems: InputProblem[] }
  | {
      ok: true;
      report: RosterReport;
      /** The title row when there is one, else the projects file's name without extension. */
      suggestedTitle: string;
      roundId: string;
      /** Every refused row and cell; the round can be created only when there are none. */
      problems: InputProblem[];
      /** The round to store, when nothing was refused. */
      round: RosterRound | null;
    };

export const fileTitle = (name: string) => name.replace(/\.(xlsx|xls|csv)$/i, '');

export function previewRoster(
  input: RosterPreviewInput,
  options: RosterReadOptions = {},
): RosterPreview {
  const projects = readRosterFile(input.projects.bytes, input.projects.name, options);
  if (!projects.ok) return projects;
  let experts: RosterBook | null = null;
  if (input.experts) {
    const read = readRosterFile(input.experts.bytes, input.experts.name, options);
    if (!read.ok) return read;
    experts = read.value;
  }
  const tables = rosterTablesFrom(projects.value, experts);
  if (!tables.ok) return tables;
  const report = rosterReport(tables.value);
  const suggestedTitle = report.title ?? fileTitle(input.projects.name);
  const roundId = rosterRoundId(tables.value, input.extraExperts);
  const built = rosterToRound(
    tables.value,
    {
      id: roundId,
      title: input.title?.trim() || suggestedTitle,
      builtIn: input.builtIn,
      extraExperts: input.extraExperts,
    },
    input.projects.name,
  );
  return {
    ok: true,
    report,
    suggestedTitle,
    roundId,
    problems: built.ok ? [] : built.problems,
    round: built.ok ? built.value : null,
  };
}
