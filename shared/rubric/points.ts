import type { Criterion, Rubric, Section } from '../model/rubric';
import { isMultipleOf } from '../model/rubric';

/** What an expert has entered on a sheet so far. Missing criteria are simply absent. */
export interface SheetEntry {
  scores: Readonly<Record<string, number>>;
  vetoes: Readonly<Record<string, boolean>>;
  vetoReasons: Readonly<Record<string, string>>;
  comment: string;
  /**
   * What was typed in each points box, when known. A box holding text that is not an acceptable
   * value is reported with its own reason ("不是有效数字") rather than as not yet scored.
   */
  inputs?: Readonly<Record<string, string>>;
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

/** Only acceptable values count: a value out of range or off step adds nothing until it is fixed. */
export function sectionSubtotal(section: Section, scores: SheetEntry['scores']): number {
  return roundPoints(
    section.criteria.reduce((sum, c) => sum + readPoints(c, scores[c.id]).counted, 0),
  );
}

/** A sheet's points are the sum of its criteria, counting acceptable values only. */
export function sheetTotal(rubric: Rubric, scores: SheetEntry['scores']): number {
  return roundPoints(
    allCriteria(rubric).reduce((sum, c) => sum + readPoints(c, scores[c.id]).counted, 0),
  );
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
 * What one criterion's entry adds to the subtotal and total: its value when acceptable, else
 * nothing, with the reason the expert sees next to the box and in the summary.
 */
export type PointsReading =
  | { status: 'empty'; counted: 0 }
  | { status: 'counted'; counted: number; value: number }
  | { status: 'problem'; counted: 0; problem: string };

/** Read a criterion's entry, either the text typed into its box or a stored number. */
export function readPoints(
  criterion: Criterion,
  entered: string | number | undefined,
): PointsReading {
  const value = typeof entered === 'string' ? parsePointsInput(entered) : entered;
  if (value === undefined) return { status: 'empty', counted: 0 };
  const problem = criterionValueProblem(criterion, value);
  if (problem) return { status: 'problem', counted: 0, problem };
  return { status: 'counted', counted: value, value };
}

/**
 * Parse what a person typed into a points box. Accepts full-width digits and a full-width or
 * Chinese decimal point, because Chinese IMEs produce them; returns undefined for an empty box
 * and NaN for anything that is not a number.
 */
export function parsePointsInput(text: string): number | undefined {
  // NFKC turns full-width digits, ． and full-width spaces into their ASCII forms.
  const normalised = text.normalize('NFKC').trim().replace(/。/g, '.');
  if (normalised === '') return undefined;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** The total below which a sheet needs a comment. */
function commentThreshold(rubric: Rubric): number {
  // Round the threshold like the points: 0.55 × 100 is 55.00000000000001 in binary floating point.
  return roundPoints(rubric.commentRequiredBelow * rubricMax(rubric));
}

export function commentRequired(rubric: Rubric, total: number): boolean {
  return total < commentThreshold(rubric);
}

/**
 * What the sheet rules need from a rubric, worked out once: its criteria in sheet order, its
 * vetoes, and the total below which a comment is required. Checking many sheets against one
 * rubric (a score file, a whole round) builds this once and reuses it for every sheet.
 */
export interface SheetRules {
  criteria: readonly Criterion[];
  vetoes: Rubric['vetoes'];
  /** A sheet whose total is below this needs a comment. */
  commentThreshold: number;
}

export function sheetRules(rubric: Rubric): SheetRules {
  return {
    criteria: allCriteria(rubric),
    vetoes: rubric.vetoes,
    commentThreshold: commentThreshold(rubric),
  };
}

/**
 * Report everything that stops a sheet from being submitted, in the order the sheet shows it.
 * Nothing is allocated for a sheet without problems: `report` is called only for a problem.
 */
export function reportSheetProblems(
  rules: SheetRules,
  entry: SheetEntry,
  report: (target: SheetProblemTarget, message: string) => void,
): void {
  // The total is summed in criteria order, as sheetTotal sums it, while the values are checked.
  let sum = 0;
  for (const criterion of rules.criteria) {
    const value = entry.scores[criterion.id];
    const typed = entry.inputs?.[criterion.id];
    // A box with text that is not a number has no stored value: say why, not "尚未评分".
    const problem =
      typed !== undefined && typed.trim() !== '' && value === undefined
        ? criterionValueProblem(criterion, parsePointsInput(typed))
        : criterionValueProblem(criterion, value);
    if (problem) report({ kind: 'criterion', id: criterion.id }, `${criterion.title}：${problem}`);
    sum += value ?? 0;
  }
  for (const veto of rules.vetoes) {
    if (entry.vetoes[veto.id] && !(entry.vetoReasons[veto.id] ?? '').trim()) {
      report({ kind: 'veto', id: veto.id }, `否决项“${veto.title}”已勾选，请填写理由`);
    }
  }
  if (roundPoints(sum) < rules.commentThreshold && !entry.comment.trim()) {
    report({ kind: 'comment' }, `总分低于 ${rules.commentThreshold} 分，请填写评审意见`);
  }
}

/** Everything that stops a sheet from being submitted, in the order the sheet shows it. */
export function sheetProblems(rubric: Rubric, entry: SheetEntry): SheetProblem[] {
  const problems: SheetProblem[] = [];
  reportSheetProblems(sheetRules(rubric), entry, (target, message) =>
    problems.push({ target, message }),
  );
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
