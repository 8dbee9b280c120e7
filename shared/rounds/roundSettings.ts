/**
 * 评审设置: what the secretariat may set for a round, how it is checked, and how two versions
 * differ (the audit log and the results page list the differences). Pure: the app's repository
 * stores the settings on the round row and applies the grouping to the packets; compile reads
 * the round as it always has. docs/formats.md (Round settings) lists every field.
 */
import type { Aggregation, Quota, RoundKind } from '../model/roundPackage';
import type { Rubric, VetoRule } from '../model/rubric';
import { unsafeTextProblem } from '../model/safeText';

/** Settings of a round that the round package does not carry. */
export interface LocalRoundSettings {
  /** 年度, e.g. 2024; null when not set. */
  year: number | null;
  /** 批次, 1 for 第一批 …; null when the round has no batches. */
  batch: number | null;
  /** 每个项目至少有效评分数: a packet with fewer possible sheets is listed on 评审组. */
  minValidSheets: number;
  /** 主基地 and 辅基地 (the packets' 类别) ranked as separate groups. */
  splitByCategory: boolean;
}

/** Everything the 评审设置 page edits, in one object. */
export interface RoundSettings extends LocalRoundSettings {
  title: string;
  programme: string;
  aggregation: Aggregation;
  /** The rule of every veto of the rubric, by veto id. */
  vetoRules: Record<string, VetoRule>;
  quotas: Quota[];
}

/** One changed setting, in words: what, before, after. */
export interface SettingChange {
  field: string;
  from: string;
  to: string;
}

/** Changes made after the first sheet was submitted, with the reason given. */
export interface SettingsChangeRecord {
  at: string;
  actor: string;
  reason: string;
  changes: SettingChange[];
}

export const PROGRAMME_NAMES: Readonly<Record<string, string>> = {
  'key-project': '技能四川重点项目',
  'key-project-inspection': '技能四川重点项目拉练调度',
  'brand-base': '技能四川公共品牌培育基地',
  'brand-operator': '技能四川公共品牌作业机构',
  'brand-evaluation': '技能四川公共品牌年度评估',
};

/** The programme as people name it; an id the app does not know is shown as written. */
export function programmeName(programme: string): string {
  if (programme === '') return '未指定';
  return PROGRAMME_NAMES[programme] ?? programme;
}

/** Programmes whose rules rank 主基地 and 辅基地 separately. */
export function programmeSplitsByCategory(programme: string): boolean {
  return programme === 'brand-base';
}

const BATCH_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
export const MAX_BATCH = BATCH_NAMES.length;

/** `2024年第二批`, `2024年`, `第二批`, or '' when neither is set. */
export function yearBatchLabel(year: number | null, batch: number | null): string {
  const y = year === null ? '' : `${year}年`;
  const b = batch === null ? '' : `第${BATCH_NAMES[batch - 1] ?? batch}批`;
  return y + b;
}

/** 品牌培育主基地 → 主基地: the group name keeps the brand and the short category. */
function shortCategory(category: string): string {
  return category.replace(/^品牌培育/, '');
}

/** The group of a packet when categories are ranked separately: `天府新农人（主基地）`. */
export function splitGroup(group: string, category: string): string {
  if (category === '' || group === '') return group || category;
  const suffix = `（${shortCategory(category)}）`;
  return group.endsWith(suffix) ? group : group + suffix;
}

/** The group without its category, the inverse of splitGroup. */
export function unsplitGroup(group: string, category: string): string {
  if (category === '') return group;
  const suffix = `（${shortCategory(category)}）`;
  return group.endsWith(suffix) && group.length > suffix.length
    ? group.slice(0, -suffix.length)
    : group;
}

export interface GroupedPacket {
  group: string;
  category: string;
}

/** A packet's group under the chosen grouping. */
export function groupUnder(packet: GroupedPacket, split: boolean): string {
  return split
    ? splitGroup(packet.group, packet.category)
    : unsplitGroup(packet.group, packet.category);
}

/** The groups of the packets under a grouping, in the order packets first name them. */
export function groupsUnder(packets: readonly GroupedPacket[], split: boolean): string[] {
  const groups: string[] = [];
  for (const p of packets) {
    const g = groupUnder(p, split);
    if (!groups.includes(g)) groups.push(g);
  }
  return groups;
}

/** Whether the packets' categories divide at least one group (splitting then changes something). */
export function categoriesDivideGroups(packets: readonly GroupedPacket[]): boolean {
  return groupsUnder(packets, true).length > groupsUnder(packets, false).length;
}

/**
 * The quotas after a change of grouping: a split group starts with its whole group's quota, a
 * merged group with the quota of its first part; the secretariat then adjusts the numbers.
 */
export function quotasForGroups(
  quotas: readonly Quota[],
  packets: readonly GroupedPacket[],
  split: boolean,
): Quota[] {
  const byGroup = new Map(quotas.map((q) => [q.group, q]));
  const out: Quota[] = [];
  for (const group of groupsUnder(packets, split)) {
    const own = byGroup.get(group);
    const related = packets
      .filter((p) => groupUnder(p, split) === group)
      .map((p) => byGroup.get(groupUnder(p, !split)))
      .find((q) => q !== undefined);
    const quota = own ?? related;
    if (quota) out.push({ group, count: quota.count, reserve: quota.reserve });
  }
  // Quotas of groups no packet forms (e.g. 先进市(州) of a 综合评估) stay as they are.
  const formed = new Set([...groupsUnder(packets, true), ...groupsUnder(packets, false)]);
  for (const q of quotas) if (!formed.has(q.group)) out.push({ ...q });
  return out;
}

/** Veto rules as the rubric resolves them: a veto's own rule, else the round's. */
export function resolvedVetoRules(
  rubric: Rubric,
  aggregation: Aggregation,
): Record<string, VetoRule> {
  return Object.fromEntries(rubric.vetoes.map((v) => [v.id, v.rule ?? aggregation.vetoRule]));
}

/**
 * The rubric with the chosen rules. A veto without a rule of its own keeps none when the choice
 * is the round's rule, so a round saved unchanged stays byte for byte what it was.
 */
export function rubricWithVetoRules(
  rubric: Rubric,
  aggregation: Aggregation,
  rules: Record<string, VetoRule>,
): Rubric {
  return {
    ...rubric,
    vetoes: rubric.vetoes.map((v) => {
      const chosen = rules[v.id] ?? v.rule ?? aggregation.vetoRule;
      if (v.rule === undefined && chosen === aggregation.vetoRule) return v;
      return { ...v, rule: chosen };
    }),
  };
}

/** What the check of settings needs to know about the round. */
export interface SettingsContext {
  kind: RoundKind;
  rubric: Rubric;
  /** Experts on the panel (removed ones left out). */
  panelSize: number;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/**
 * Every problem of the settings, by field key (`title`, `year`, `batch`, `trimWhenAtLeast`,
 * `minValidSheets`, `deviationFlag`, `tieBreak`, `quota:<group>:count`,
 * `quota:<group>:reserve`), each saying what is wrong and how to fix it.
 */
export function settingsProblems(
  s: RoundSettings,
  context: SettingsContext,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const title = s.title.trim();
  if (title === '') problems.title = '评审名称不能为空：请填写，例如“2024年技能四川重点项目遴选”';
  else if (title.length > 200)
    problems.title = `评审名称不能超过 200 个字符（现有 ${title.length} 个）`;
  else {
    const unsafe = unsafeTextProblem(title, false);
    if (unsafe) problems.title = unsafe;
  }
  if (s.year !== null && (!Number.isInteger(s.year) || s.year < MIN_YEAR || s.year > MAX_YEAR))
    problems.year = `年度须是 ${MIN_YEAR} 至 ${MAX_YEAR} 之间的四位年份，例如 2024；不分年度请留空`;
  if (s.batch !== null && (!Number.isInteger(s.batch) || s.batch < 1 || s.batch > MAX_BATCH))
    problems.batch = `批次须是 1 至 ${MAX_BATCH} 之间的整数（1 即第一批）；不分批次请留空`;
  const a = s.aggregation;
  if (!Number.isInteger(a.trimWhenAtLeast) || a.trimWhenAtLeast < 3)
    problems.trimWhenAtLeast =
      '去掉最高分和最低分后至少要剩 1 份评分：请填 3 或更大的整数（常用 5）';
  if (!Number.isInteger(s.minValidSheets) || s.minValidSheets < 1)
    problems.minValidSheets = '每个项目至少有效评分数须是 1 或更大的整数';
  else if (s.minValidSheets > context.panelSize)
    problems.minValidSheets = `评审组只有 ${context.panelSize} 位专家，每个项目最多 ${context.panelSize} 份评分：请填不超过 ${context.panelSize} 的数，或先在“评审组”增加专家`;
  if (!Number.isFinite(a.deviationFlag) || a.deviationFlag <= 0 || a.deviationFlag > 1)
    problems.deviationFlag = '偏离提示阈值须大于 0% 且不超过 100%（常用 20%）';
  const criteria = new Set(context.rubric.sections.flatMap((x) => x.criteria.map((c) => c.id)));
  const unknown = a.tieBreak.find((id) => !criteria.has(id));
  if (unknown !== undefined)
    problems.tieBreak = `并列排序指标“${unknown}”不在评分表中：请从列表中选择`;
  else if (new Set(a.tieBreak).size !== a.tieBreak.length)
    problems.tieBreak = '同一指标在并列排序中出现了两次：请删去一次';
  for (const q of s.quotas) {
    for (const part of ['count', 'reserve'] as const) {
      const value = q[part];
      if (!Number.isInteger(value) || value < 0 || value > 9999) {
        const what = part === 'count' ? '入选名额' : '备选名额';
        problems[`quota:${q.group}:${part}`] =
          `“${q.group}”的${what}须是 0 至 9999 之间的整数；不设名额请清除本组`;
      }
    }
  }
  return problems;
}

const METHOD_NAMES: Record<Aggregation['method'], string> = {
  mean: '平均分',
  'trimmed-mean': '去掉一个最高分和一个最低分后平均',
  median: '中位数',
};
const RULE_NAMES: Record<VetoRule, string> = {
  any: '任一专家勾选即否决',
  majority: '过半数有效评分勾选才否决',
};

export const methodName = (method: Aggregation['method']) => METHOD_NAMES[method];
export const vetoRuleName = (rule: VetoRule) => RULE_NAMES[rule];

function quotaText(q: Quota | undefined): string {
  return q ? `${q.count} 入选 + ${q.reserve} 备选` : '未设名额';
}

/**
 * The changes from `before` to `after`, in words (Chinese, as the audit log keeps them). An
 * empty list: nothing to save.
 */
export function settingsChanges(
  before: RoundSettings,
  after: RoundSettings,
  rubric: Rubric,
): SettingChange[] {
  const out: SettingChange[] = [];
  const add = (field: string, from: string, to: string) => {
    if (from !== to) out.push({ field, from, to });
  };
  add('评审名称', before.title, after.title);
  add(
    '年度和批次',
    yearBatchLabel(before.year, before.batch) || '未设置',
    yearBatchLabel(after.year, after.batch) || '未设置',
  );
  add('所属项目', programmeName(before.programme), programmeName(after.programme));
  add('汇总方法', methodName(before.aggregation.method), methodName(after.aggregation.method));
  add(
    '去掉最高分和最低分的起始份数',
    String(before.aggregation.trimWhenAtLeast),
    String(after.aggregation.trimWhenAtLeast),
  );
  add('每个项目至少有效评分数', String(before.minValidSheets), String(after.minValidSheets));
  add(
    '偏离提示阈值',
    `${percent(before.aggregation.deviationFlag)}%`,
    `${percent(after.aggregation.deviationFlag)}%`,
  );
  const titles = new Map(rubric.sections.flatMap((x) => x.criteria.map((c) => [c.id, c.title])));
  const tieBreak = (ids: string[]) =>
    ids.length === 0 ? '无（同分并列）' : ids.map((id) => titles.get(id) ?? id).join(' → ');
  add('并列排序', tieBreak(before.aggregation.tieBreak), tieBreak(after.aggregation.tieBreak));
  for (const veto of rubric.vetoes) {
    const from = before.vetoRules[veto.id];
    const to = after.vetoRules[veto.id];
    if (from && to) add(`否决项“${veto.title}”`, vetoRuleName(from), vetoRuleName(to));
  }
  add(
    '分组方式',
    before.splitByCategory ? '按类别分组' : '不按类别分组',
    after.splitByCategory ? '按类别分组' : '不按类别分组',
  );
  const groups: string[] = [];
  for (const q of [...before.quotas, ...after.quotas])
    if (!groups.includes(q.group)) groups.push(q.group);
  for (const group of groups) {
    add(
      `名额“${group}”`,
      quotaText(before.quotas.find((q) => q.group === group)),
      quotaText(after.quotas.find((q) => q.group === group)),
    );
  }
  return out;
}

/** 0.2 → 20, shown without binary noise (0.07 → 7). */
export function percent(fraction: number): number {
  return Math.round(fraction * 10000) / 100;
}

/** One line for the audit log: `字段：旧 → 新；…`. */
export function changesText(changes: readonly SettingChange[]): string {
  return changes.map((c) => `${c.field}：${c.from} → ${c.to}`).join('；');
}
