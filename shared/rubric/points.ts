import type { Criterion, Rubric, Section } from '../model/rubric';
import { isMultipleOf } from '../model/rubric';

/** What an expert has entered on a sheet so far. Missing criteria are simply absent. */
export interface SheetEntry {
  scores: Readonly<Record<string, number>>;
  vetoes: Readonly<Record<string, boolean>>;
  vetoReasons: Readonly<Record<string, string>>;
  comment: string;
}

export type SheetProblemTarget =
  { kind: 'criterion'; id: string } | { kind: 'veto'; id: string } | { kind: 'comment' };

export interface SheetProblem {
  target: SheetProblemTarget;
  message: string;
}

export function allCriteria(rubric: Rubric): Criterion[] {
  return rubric.sections.flatMap((section) => section.criteria);
}

/** Points are kept to 1e-6 so that 0.1-steps add up the way a person adds them. */
export function roundPoints(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function rubricMax(rubric: Rubric): number {
  return roundPoints(allCriteria(rubric).reduce((sum, c) => sum + c.max, 0));
}

export function sectionMax(section: Section): number {
  return roundPoints(section.criteria.reduce((sum, c) => sum + c.max, 0));
}

export function sectionSubtotal(section: Section, scores: SheetEntry['scores']): number {
  return roundPoints(section.criteria.reduce((sum, c) => sum + (scores[c.id] ?? 0), 0));
}

/** A sheet's points are the sum of its criteria (design.md). */
export function sheetTotal(rubric: Rubric, scores: SheetEntry['scores']): number {
  return roundPoints(allCriteria(rubric).reduce((sum, c) => sum + (scores[c.id] ?? 0), 0));
}

/** Why a single value is not acceptable for a criterion, or null when it is. */
export function criterionValueProblem(
  criterion: Criterion,
  value: number | undefined,
): string | null {
  if (value === undefined) return '尚未评分';
  if (!Number.isFinite(value)) return '不是有效数字';
  if (value < 0) return '不能为负数';
  if (value > criterion.max) return `超过满分 ${criterion.max} 分`;
  if (!isMultipleOf(value, criterion.step)) return `必须是 ${criterion.step} 的整数倍`;
  return null;
}

/**
 * Parse what a person typed into a points box. Accepts full-width digits and the Chinese
 * decimal point, because Chinese IMEs produce them; returns undefined for an empty box and
 * NaN for anything that is not a number.
 */
export function parsePointsInput(text: string): number | undefined {
  const normalised = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.');
  if (normalised === '') return undefined;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

export function commentRequired(rubric: Rubric, total: number): boolean {
  // Round the threshold like the points: 0.55 × 100 is 55.00000000000001 in binary floating point.
  return total < roundPoints(rubric.commentRequiredBelow * rubricMax(rubric));
}

/** Everything that stops a sheet from being submitted, in the order the sheet shows it. */
export function sheetProblems(rubric: Rubric, entry: SheetEntry): SheetProblem[] {
  const problems: SheetProblem[] = [];
  for (const criterion of allCriteria(rubric)) {
    const problem = criterionValueProblem(criterion, entry.scores[criterion.id]);
    if (problem)
      problems.push({
        target: { kind: 'criterion', id: criterion.id },
        message: `${criterion.title}：${problem}`,
      });
  }
  for (const veto of rubric.vetoes) {
    if (entry.vetoes[veto.id] && !(entry.vetoReasons[veto.id] ?? '').trim()) {
      problems.push({
        target: { kind: 'veto', id: veto.id },
        message: `否决项“${veto.title}”已勾选，请填写理由`,
      });
    }
  }
  const total = sheetTotal(rubric, entry.scores);
  if (commentRequired(rubric, total) && !entry.comment.trim()) {
    const threshold = roundPoints(rubric.commentRequiredBelow * rubricMax(rubric));
    problems.push({
      target: { kind: 'comment' },
      message: `总分低于 ${threshold} 分，请填写评审意见`,
    });
  }
  return problems;
}

/** Criteria still without a valid value: the "remaining items" counter on the sheet. */
export function remainingCriteria(rubric: Rubric, scores: SheetEntry['scores']): number {
  return allCriteria(rubric).filter((c) => criterionValueProblem(c, scores[c.id]) !== null).length;
}

/** The numbers an expert has validly typed so far, from the raw text of each points box. */
export function scoresFromInputs(inputs: Readonly<Record<string, string>>): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const [id, text] of Object.entries(inputs)) {
    const value = parsePointsInput(text);
    if (value !== undefined && Number.isFinite(value)) scores[id] = value;
  }
  return scores;
}
