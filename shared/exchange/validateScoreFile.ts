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
import { allCriteria, sheetProblems } from '../rubric/points';
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
  for (const sheet of content.sheets) {
    if (!known.has(sheet.packetId)) {
      problems.push(problem(sheet.packetId, null, `本评审没有申报材料“${sheet.packetId}”`));
      continue;
    }
    for (const [item, message] of rubricProblems(round.rubric, sheet)) {
      problems.push(problem(sheet.packetId, item, message));
    }
  }
  return problems;
}

type Item = { id: string; label: string } | null;

/** What the round's rubric does not allow on one sheet: [item, message] pairs. */
function rubricProblems(rubric: Rubric, sheet: ScoreSheet): [Item, string][] {
  if (sheet.status === 'conflict') {
    // Our exporter never writes points for a 回避; a file that carries them is not ours.
    return Object.keys(sheet.scores).length > 0 || Object.values(sheet.vetoes).some(Boolean)
      ? [[null, '回避的评分表不能含有分数或否决']]
      : [];
  }
  const criteria = new Map(allCriteria(rubric).map((c) => [c.id, c]));
  const vetoes = new Map(rubric.vetoes.map((v) => [v.id, v]));
  const problems: [Item, string][] = [];
  for (const id of Object.keys(sheet.scores)) {
    if (!criteria.has(id))
      problems.push([{ id, label: id }, `评分指标“${id}”不在本评审的评分表中`]);
  }
  for (const id of Object.keys(sheet.vetoes)) {
    if (!vetoes.has(id))
      problems.push([{ id, label: `否决项 ${id}` }, `否决项“${id}”不在本评审的评分表中`]);
  }
  for (const p of sheetProblems(rubric, sheet)) {
    const item: Item =
      p.target.kind === 'criterion'
        ? { id: p.target.id, label: p.target.id }
        : p.target.kind === 'veto'
          ? { id: p.target.id, label: `否决项 ${p.target.id}` }
          : { id: 'comment', label: '评审意见' };
    problems.push([item, p.message]);
  }
  return problems;
}
