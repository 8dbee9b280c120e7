/**
 * The one check of a verified score file against its round, shared by the app's import
 * (planScoreFileImport) and `review-desk compile`: same round, an expert of the roster under the
 * roster's name, sheets only for the round's packets, and every sheet within the rubric (every
 * criterion present, in range, on step; veto reasons and required comments present; 回避 sheets
 * without points). Pure: every problem is returned as data, none is thrown.
 */
import type { ScoreFile, ScoreSheet } from '../formats/scoreFile';
import type { Rubric } from '../model/rubric';
import type { InputProblem } from '../model/validation';
import {
  reportSheetProblems,
  sheetRules,
  type SheetProblemTarget,
  type SheetRules,
} from '../rubric/points';
import type { ExchangeRound } from './types';

/**
 * A problem located as file › expert › packet › item (`field` holds the part after the file,
 * for formatProblem); the ids are there for callers that point at the place on screen.
 */
export interface ScoreFileProblem extends InputProblem {
  expertId: string;
  packetId: string | null;
  /** A criterion or veto id, `comment`, or null for the sheet or the file as a whole. */
  itemId: string | null;
}

export interface ScoreFileToValidate {
  fileName: string;
  content: Pick<ScoreFile, 'roundId' | 'expert' | 'sheets'>;
}

/** Every problem of `file` for `round`, in file order; empty when the file may be used. */
export function scoreFileProblems(
  round: ExchangeRound,
  packetIds: Iterable<string>,
  file: ScoreFileToValidate,
): ScoreFileProblem[] {
  const { content } = file;
  const expertLabel = `${content.expert.name}（${content.expert.id}）`;
  const problem = (
    packetId: string | null,
    item: { id: string; label: string } | null,
    message: string,
  ): ScoreFileProblem => ({
    file: file.fileName,
    field: [expertLabel, packetId, item?.label]
      .filter((p) => p !== null && p !== undefined)
      .join(' › '),
    message,
    expertId: content.expert.id,
    packetId,
    itemId: item?.id ?? null,
  });

  if (content.roundId !== round.id) {
    // Nothing else can be judged against the wrong round.
    return [
      problem(
        null,
        null,
        `这是评审“${content.roundId}”的评分文件，当前评审是“${round.id}”，请在对应的评审中导入`,
      ),
    ];
  }
  const problems: ScoreFileProblem[] = [];
  const rostered = round.experts.find((e) => e.id === content.expert.id);
  if (!rostered) {
    problems.push(
      problem(
        null,
        null,
        `专家“${content.expert.name}”（编号 ${content.expert.id}）不在本评审的专家名单中`,
      ),
    );
  } else if (rostered.name !== content.expert.name) {
    // The same id naming two people means the two laptops hold different rosters.
    problems.push(
      problem(
        null,
        null,
        `专家编号 ${content.expert.id} 在本评审名单中是“${rostered.name}”，文件中却是“${content.expert.name}”：两台电脑的专家名单不一致`,
      ),
    );
  }
  const known = new Set(packetIds);
  // The rubric is worked out once for the whole file; each sheet is checked against it, and
  // nothing is built for a sheet unless it has a problem.
  const check = rubricCheck(round.rubric);
  let packetId = '';
  const report: Report = (item, message) => problems.push(problem(packetId, item, message));
  const reportRule = (target: SheetProblemTarget, message: string) =>
    report(ruleItem(target), message);
  for (const sheet of content.sheets) {
    if (!known.has(sheet.packetId)) {
      problems.push(problem(sheet.packetId, null, `本评审没有申报材料“${sheet.packetId}”`));
      continue;
    }
    packetId = sheet.packetId;
    reportRubricProblems(check, sheet, report, reportRule);
  }
  return problems;
}

type Item = { id: string; label: string } | null;
type Report = (item: Item, message: string) => void;

/** The round's rubric as every sheet is checked against it: its rules and its ids. */
interface RubricCheck {
  rules: SheetRules;
  criterionIds: ReadonlySet<string>;
  vetoIds: ReadonlySet<string>;
}

function rubricCheck(rubric: Rubric): RubricCheck {
  const rules = sheetRules(rubric);
  return {
    rules,
    criterionIds: new Set(rules.criteria.map((c) => c.id)),
    vetoIds: new Set(rules.vetoes.map((v) => v.id)),
  };
}

/** Where a rule of the sheet points: a criterion, a veto or the comment. */
function ruleItem(target: SheetProblemTarget): Item {
  return target.kind === 'criterion'
    ? { id: target.id, label: target.id }
    : target.kind === 'veto'
      ? { id: target.id, label: `否决项 ${target.id}` }
      : { id: 'comment', label: '评审意见' };
}

/** Report what the round's rubric does not allow on one sheet. */
function reportRubricProblems(
  check: RubricCheck,
  sheet: ScoreSheet,
  report: Report,
  reportRule: (target: SheetProblemTarget, message: string) => void,
): void {
  if (sheet.status === 'conflict') {
    // Our exporter never writes points for a 回避; a file that carries them is not ours.
    if (Object.keys(sheet.scores).length > 0 || Object.values(sheet.vetoes).some(Boolean))
      report(null, '回避的评分表不能含有分数或否决');
    return;
  }
  // for…in with an own-key test lists the keys in Object.keys order without building an array.
  for (const id in sheet.scores) {
    if (!check.criterionIds.has(id) && Object.hasOwn(sheet.scores, id))
      report({ id, label: id }, `评分指标“${id}”不在本评审的评分表中`);
  }
  for (const id in sheet.vetoes) {
    if (!check.vetoIds.has(id) && Object.hasOwn(sheet.vetoes, id))
      report({ id, label: `否决项 ${id}` }, `否决项“${id}”不在本评审的评分表中`);
  }
  reportSheetProblems(check.rules, sheet, reportRule);
}
