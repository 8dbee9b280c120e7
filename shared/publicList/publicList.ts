/**
 * 公示名单: the list a department publishes after a review, per group — 排名, 项目名称, 申报单位,
 * 市(州), 得分, 结论 — and nothing else: no expert, no points per criterion, no comment, no
 * opinion. Built from the signed result payload alone (the data of record), so the app and a
 * command line reading a verified workbook publish the same list.
 *
 * A selection round publishes the packets proposed for selection (拟入选, 拟备选); an evaluation
 * or inspection round publishes every graded packet with its grade.
 */
import { publicConclusion } from '../compile/recommendation';
import type { ResultPayload } from '../workbook/payload';

export const PUBLIC_LIST_COLUMNS = [
  '排名',
  '项目名称',
  '申报单位',
  '市(州)',
  '得分',
  '结论',
] as const;

export interface PublicListRow {
  rank: number | null;
  title: string;
  applicant: string;
  city: string;
  /** Two decimals, as compiled. */
  score: number | null;
  conclusion: string;
}

export interface PublicListGroup {
  /** The packets' group; '' for packets without one. */
  group: string;
  rows: PublicListRow[];
}

export interface PublicList {
  roundId: string;
  roundTitle: string;
  kind: ResultPayload['round']['kind'];
  groups: PublicListGroup[];
}

export function buildPublicList(payload: ResultPayload): PublicList {
  const groups: PublicListGroup[] = [];
  for (const result of payload.results) {
    if (result.decision === null) continue;
    const conclusion = publicConclusion(result.decision);
    if (conclusion === null) continue;
    let group = groups.find((g) => g.group === result.group);
    if (!group) {
      group = { group: result.group, rows: [] };
      groups.push(group);
    }
    group.rows.push({
      rank: result.rank,
      title: result.title,
      applicant: result.applicant,
      city: result.city,
      score: result.score,
      conclusion,
    });
  }
  return {
    roundId: payload.round.id,
    roundTitle: payload.round.title,
    kind: payload.round.kind,
    groups,
  };
}

/** The title a 公示 carries: 拟入选项目 for a selection, 评估结果 otherwise. */
export function publicListTitle(list: Pick<PublicList, 'roundTitle' | 'kind'>): string {
  return list.kind === 'selection'
    ? `${list.roundTitle}拟入选项目公示名单`
    : `${list.roundTitle}结果公示名单`;
}
