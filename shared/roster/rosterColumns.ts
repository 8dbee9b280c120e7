/**
 * The columns of a roster spreadsheet and the header spellings accepted for each: the one table
 * docs/formats.md reproduces. Offices type headers by hand, so the same column arrives as
 * 市(州), 市（州）, 所属市(州), 地市 …; headers are compared after NFKC (full-width brackets
 * become ASCII) with spaces removed. When two columns name the same thing, the one whose header
 * comes earlier in `accepted` is read (项目编号 before 序号) and the other is reported ignored.
 */
export type ProjectColumn =
  'id' | 'title' | 'applicant' | 'city' | 'county' | 'category' | 'brand' | 'contact' | 'phone';
export type ExpertColumn = 'name' | 'org' | 'city' | 'rank';

export interface ColumnSpec<K extends string> {
  key: K;
  /** The name the template uses, shown in messages and in the column report. */
  label: string;
  /** Where the value goes in the round package, shown in the column report. */
  target: string;
  accepted: readonly string[];
  required: boolean;
}

const CITY_HEADERS = ['市(州)', '所属市(州)', '所在市(州)', '市州', '所属市州', '所在市州', '地市'];

export const PROJECT_COLUMNS: readonly ColumnSpec<ProjectColumn>[] = [
  {
    key: 'id',
    label: '项目编号',
    target: 'id（1、2、3… 的序号生成 P001、P002…，其他编号照录）',
    accepted: ['项目编号', '申报编号', '编号', '项目代码', '项目ID', '序号'],
    required: true,
  },
  {
    key: 'title',
    label: '项目名称',
    target: 'title',
    accepted: ['项目名称', '申报项目', '申报项目名称', '名称'],
    required: true,
  },
  {
    key: 'applicant',
    label: '申报单位',
    target: 'applicant.name',
    accepted: ['申报单位', '单位名称', '申报主体', '申报单位名称', '单位'],
    required: true,
  },
  {
    key: 'city',
    label: '市(州)',
    target: 'applicant.city（规范为 21 个市(州)的正式名称）',
    accepted: [...CITY_HEADERS, '市(州)名称'],
    required: false,
  },
  {
    key: 'county',
    label: '区(县)',
    target: 'applicant.county',
    accepted: ['区(县)', '区县', '所在区县', '所在区(县)', '县(市、区)', '县(市区)', '县市区'],
    required: false,
  },
  {
    key: 'category',
    label: '类别',
    target: 'category（须为评分表所属项目的类别）',
    accepted: ['类别', '项目类别', '项目类型', '类型', '机构类型'],
    required: false,
  },
  {
    key: 'brand',
    label: '品牌',
    target: 'fields.品牌（须为五大品牌之一）',
    accepted: ['品牌', '所属品牌', '品牌名称', '技能品牌'],
    required: false,
  },
  {
    key: 'contact',
    label: '联系人',
    target: 'fields.联系人',
    accepted: ['联系人', '项目联系人', '联系人姓名'],
    required: false,
  },
  {
    key: 'phone',
    label: '联系电话',
    target: 'fields.联系电话',
    accepted: ['联系电话', '电话', '联系方式', '手机', '手机号码'],
    required: false,
  },
];

export const EXPERT_COLUMNS: readonly ColumnSpec<ExpertColumn>[] = [
  {
    key: 'name',
    label: '姓名',
    target: 'name',
    accepted: ['姓名', '专家姓名', '名字'],
    required: true,
  },
  {
    key: 'org',
    label: '单位',
    target: 'org',
    accepted: ['单位', '工作单位', '所在单位', '单位名称'],
    required: false,
  },
  {
    key: 'city',
    label: '市(州)',
    target: 'city（规范为 21 个市(州)的正式名称）',
    accepted: CITY_HEADERS,
    required: false,
  },
  {
    key: 'rank',
    label: '职称',
    target: 'title',
    accepted: ['职称', '专业技术职称', '技术职称', '职务/职称', '职务职称'],
    required: false,
  },
];

/** The packet `fields` name of a column read into fields (品牌, 联系人, 联系电话). */
export const PROJECT_FIELD_NAMES: Partial<Record<ProjectColumn, string>> = {
  brand: '品牌',
  contact: '联系人',
  phone: '联系电话',
};

export const EXPERT_SHEET_NAMES = ['专家名单', '评审专家', '专家'];

export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Column index of each known column in a header row. Where several columns match one spec, the
 * header earliest in `accepted` wins, then the leftmost. Unmatched columns are left to the caller.
 */
export function matchColumns<K extends string>(
  header: readonly string[],
  specs: readonly ColumnSpec<K>[],
): Map<K, number> {
  const found = new Map<K, number>();
  const rankOf = new Map<K, number>();
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    for (const spec of specs) {
      const rank = spec.accepted.findIndex((a) => normaliseHeader(a) === name);
      if (rank === -1) continue;
      if (rank < (rankOf.get(spec.key) ?? Infinity)) {
        found.set(spec.key, index);
        rankOf.set(spec.key, rank);
      }
      return;
    }
  });
  return found;
}
