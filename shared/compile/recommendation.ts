/**
 * The panel's results are recommendations (推荐意见) for the department's decision, not the
 * decision itself. The compiled `decision` codes (入选, 备选, 不入选, 否决, the bands and 不合格)
 * stay the data of record; these functions give the words people read: on the results screen,
 * the report and the result workbook (建议入选 …), and on the publishable list (拟入选 …).
 */
import { DECISION } from './compile';

/** The panel's recommendation as worded for the department (results, report, workbook). */
const RECOMMENDATION: Readonly<Record<string, string>> = {
  [DECISION.selected]: '建议入选',
  [DECISION.reserve]: '建议备选',
  [DECISION.notSelected]: '建议不入选',
  // A veto is disqualifying on its own: the panel recommends cancelling the application.
  [DECISION.vetoed]: '建议取消资格',
};

/** The wording of a decision code as a recommendation; grades (优秀, 合格, 不合格 …) stay as they are. */
export function recommendationText(decision: string): string {
  return RECOMMENDATION[decision] ?? decision;
}

/**
 * The wording of a decision on the publishable list (公示名单): what the department proposes,
 * pending the 公示. Null for decisions that are not published (不入选, 否决): a 公示 names only
 * the projects proposed for selection. Grades of an evaluation are published as they are.
 */
export function publicConclusion(decision: string): string | null {
  if (decision === DECISION.selected) return '拟入选';
  if (decision === DECISION.reserve) return '拟备选';
  if (decision === DECISION.notSelected || decision === DECISION.vetoed) return null;
  return decision;
}

/** What 专家组意见 must be written for before the chair may confirm: 入选 and vetoed packets. */
export function opinionRequired(outcome: {
  decision: string | null;
  decisionSource: 'rule' | 'veto' | 'chair' | null;
}): boolean {
  return outcome.decision === DECISION.selected || outcome.decisionSource === 'veto';
}

/** The longest 专家组意见, in characters (a page of text). */
export const OPINION_MAX_LENGTH = 2000;
