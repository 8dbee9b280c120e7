/**
 * The columns of a roster spreadsheet and the header spellings accepted for each. Cities and
 * counties type these by hand, so the same column arrives as 市(州), 市（州）, 所在市州 …;
 * headers are compared after NFKC (full-width brackets become ASCII) with spaces removed.
 */
export type ProjectColumn = 'id' | 'title' | 'applicant' | 'city' | 'county' | 'category' | 'brand';
export type ExpertColumn = 'name' | 'org' | 'city';

export interface ColumnSpec<K extends string> {
  key: K;
  /** The name the template uses, shown in messages. */
  label: string;
  accepted: readonly string[];
  required: boolean;
}

export const PROJECT_COLUMNS: readonly ColumnSpec<ProjectColumn>[] = [
  {
    key: 'id',
    label: '项目编号',
    accepted: ['项目编号', '编号', '项目代码', '申报编号', '项目ID'],
    required: true,
  },
  {
    key: 'title',
    label: '项目名称',
    accepted: ['项目名称', '申报项目', '申报项目名称', '名称'],
    required: true,
  },
  {
    key: 'applicant',
    label: '申报单位',
    accepted: ['申报单位', '单位名称', '申报主体', '申报单位名称', '单位'],
    required: true,
  },
  {
    key: 'city',
    label: '市(州)',
    accepted: ['市(州)', '市州', '所在市州', '所在市(州)', '地市', '市(州)名称'],
    required: false,
  },
  {
    key: 'county',
    label: '区(县)',
    accepted: ['区(县)', '区县', '所在区县', '所在区(县)', '县(市、区)', '县(市区)', '县市区'],
    required: false,
  },
  {
    key: 'category',
    label: '类别',
    accepted: ['类别', '项目类别', '项目类型', '类型', '机构类型'],
    required: false,
  },
  {
    key: 'brand',
    label: '品牌',
    accepted: ['品牌', '所属品牌', '品牌名称', '技能品牌'],
    required: false,
  },
];

export const EXPERT_COLUMNS: readonly ColumnSpec<ExpertColumn>[] = [
  { key: 'name', label: '姓名', accepted: ['姓名', '专家姓名', '名字'], required: true },
  {
    key: 'org',
    label: '单位',
    accepted: ['单位', '工作单位', '所在单位', '单位名称'],
    required: false,
  },
  {
    key: 'city',
    label: '市(州)',
    accepted: ['市(州)', '市州', '所在市州', '所在市(州)', '地市'],
    required: false,
  },
];

export const EXPERT_SHEET_NAMES = ['专家名单', '评审专家', '专家'];

export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Column index of each known column in a header row; unknown headers are extra fields. */
export function matchColumns<K extends string>(
  header: readonly string[],
  specs: readonly ColumnSpec<K>[],
): Map<K, number> {
  const found = new Map<K, number>();
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    for (const spec of specs) {
      if (!found.has(spec.key) && spec.accepted.some((a) => normaliseHeader(a) === name)) {
        found.set(spec.key, index);
        return;
      }
    }
  });
  return found;
}
