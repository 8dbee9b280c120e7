/**
 * The values a roster's 品牌 and 类别 columns may hold for a built-in rubric: the programme's
 * five public brands (技能四川公共品牌培育行动方案) and the categories the rubric has notes for
 * (docs/rubrics.md). A typo would otherwise become a group of its own.
 */
import { KEY_PROJECT_CATEGORY_NOTES, type BuiltInRubric } from '../rubrics/builtInRubrics';

export const FIVE_BRANDS = [
  '天府新农人',
  '天府建筑工',
  '川菜大师傅',
  '天府技工',
  '天府数智工匠',
] as const;

/**
 * The categories a round of this rubric accepts, or null when the programme names none (the
 * 类别 column is then carried as written). A 拉练现场检查 visits key projects, so it takes
 * theirs.
 */
export function programmeCategories(builtIn: BuiltInRubric): readonly string[] | null {
  const own = Object.keys(builtIn.notes);
  if (own.length > 0) return own;
  if (builtIn.programme.startsWith('key-project')) return Object.keys(KEY_PROJECT_CATEGORY_NOTES);
  return null;
}

/** The value as the list spells it (NFKC, spaces removed), or null when it is not on the list. */
export function listedName(value: string, list: readonly string[]): string | null {
  const key = value.normalize('NFKC').replace(/\s+/g, '');
  return list.find((name) => name === key) ?? null;
}
