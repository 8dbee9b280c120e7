import { recommendationText, opinionRequired } from '@shared/compile';
import { buildExpertPaper, paperDigest, type ExpertPaper } from '@shared/papers/expertPaper';
import { buildPublicList, type PublicList } from '@shared/publicList';
import { localIsoTime } from '@shared/time/localIsoTime';
import { buildResultPayload } from '@shared/workbook';
import type { ReviewDeskDb } from '../db';
import type { OpinionRow } from '../rows';
import { latestExport, resultSnapshot } from './exportRepository';
import { compileFor, ResultsError } from './resultsRepository';
import { latestConfirmation } from './resultsLock';

/**
 * What the printed papers of a round show (评审文书): each expert's 评分表, 专家组意见 and the
 * 公示名单. Reads only; the shaping is shared/papers and shared/publicList, the numbers come from
 * shared/compile through the results repository.
 */

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Where one expert stands: the 评分表 prints once nothing assigned is outstanding. */
export interface ExpertPaperStatus {
  id: string;
  name: string;
  org: string;
  submitted: number;
  conflicts: number;
  /** Assigned packets neither submitted nor 回避. */
  outstanding: string[];
}

export interface ExpertPaperView {
  status: ExpertPaperStatus;
  paper: ExpertPaper;
  /** paperDigest of `paper`: on every printed page, shortened. */
  digest: string;
}

/** Flat reads (usable in live queries): the expert's assignments and sheets. */
async function statusOf(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<ExpertPaperStatus | null> {
  const expert = await db.experts.get(`${roundId}:${expertId}`);
  if (!expert || expert.removed) return null;
  const assignments = await db.assignments
    .where('[roundId+expertId]')
    .equals([roundId, expertId])
    .toArray();
  const sheets = await db.sheets.where('[roundId+expertId]').equals([roundId, expertId]).toArray();
  const packets = await db.packets.where('roundId').equals(roundId).toArray();
  const live = new Set(packets.filter((p) => !p.withdrawn).map((p) => p.id));
  const status = new Map(sheets.map((s) => [s.packetId, s.status]));
  const result: ExpertPaperStatus = {
    id: expert.id,
    name: expert.name,
    org: expert.org,
    submitted: 0,
    conflicts: 0,
    outstanding: [],
  };
  for (const a of [...assignments].sort((x, y) => byId(x.packetId, y.packetId))) {
    if (!live.has(a.packetId)) continue;
    const s = status.get(a.packetId);
    if (s === 'submitted') result.submitted += 1;
    else if (s === 'conflict') result.conflicts += 1;
    else result.outstanding.push(a.packetId);
  }
  return result;
}

/** Every listed expert of the round, for the papers index. */
export async function expertPaperStatuses(
  db: ReviewDeskDb,
  roundId: string,
): Promise<ExpertPaperStatus[]> {
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  const out: ExpertPaperStatus[] = [];
  for (const expert of experts.sort((a, b) => byId(a.id, b.id))) {
    const status = await statusOf(db, roundId, expert.id);
    if (status) out.push(status);
  }
  return out;
}

/** One expert's 评分表: their submitted sheets and 回避, in packet order. */
export async function expertPaperView(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<ExpertPaperView> {
  const round = await db.rounds.get(roundId);
  if (!round) throw new ResultsError(`找不到评审 ${roundId}`);
  const status = await statusOf(db, roundId, expertId);
  if (!status) throw new ResultsError(`本轮评审没有专家 ${expertId}`);
  const packets = (await db.packets.where('roundId').equals(roundId).toArray())
    .filter((p) => !p.withdrawn)
    .sort((a, b) => byId(a.id, b.id));
  const sheets = await db.sheets.where('[roundId+expertId]').equals([roundId, expertId]).toArray();
  const paper = buildExpertPaper({
    round: { id: round.id, title: round.title, rubric: round.rubric },
    expert: { id: status.id, name: status.name, org: status.org },
    packets: packets.map((p) => ({ id: p.id, title: p.title, applicant: p.applicant.name })),
    sheets,
  });
  return { status, paper, digest: paperDigest(paper) };
}

export interface OpinionLine {
  packetId: string;
  title: string;
  applicant: string;
  group: string;
  score: number | null;
  /** The decision worded as the panel's recommendation (建议入选 …); '' when there is none. */
  recommendation: string;
  /** Required before confirmation: 入选 and vetoed packets. */
  required: boolean;
  opinion: OpinionRow | null;
}

export interface OpinionsView {
  roundId: string;
  roundTitle: string;
  lines: OpinionLine[];
  /** Confirmed and not reopened: the opinions are read-only. */
  locked: boolean;
  /** Digest of what the paper prints (the packets with an opinion). */
  digest: string;
}

/** Every packet in result order with its recommendation and 专家组意见 (flat reads). */
export async function opinionsView(db: ReviewDeskDb, roundId: string): Promise<OpinionsView> {
  const round = await db.rounds.get(roundId);
  if (!round) throw new ResultsError(`找不到评审 ${roundId}`);
  const result = await compileFor(db, roundId);
  const packets = await db.packets.where('roundId').equals(roundId).toArray();
  const rows = await db.opinions.where('roundId').equals(roundId).toArray();
  const latest = await latestConfirmation(db, roundId);
  const applicant = new Map(packets.map((p) => [p.id, p.applicant.name]));
  const opinions = new Map(rows.map((o) => [o.packetId, o]));
  const lines = result.packets.map((p) => ({
    packetId: p.packetId,
    title: p.title,
    applicant: applicant.get(p.packetId) ?? '',
    group: p.group,
    score: p.score,
    recommendation: p.decision === null ? '' : recommendationText(p.decision),
    required: opinionRequired(p),
    opinion: opinions.get(p.packetId) ?? null,
  }));
  const printed = lines
    .filter((l) => l.opinion)
    .map((l) => ({
      packetId: l.packetId,
      recommendation: l.recommendation,
      text: l.opinion!.text,
    }));
  return {
    roundId,
    roundTitle: round.title,
    lines,
    locked: latest !== undefined && !latest.reopenedAt,
    digest: paperDigest({ roundId, opinions: printed }),
  };
}

const PUBLIC_LIST_REFUSED = {
  unconfirmed:
    '评审结果尚未经专家组组长确认，不能生成公示名单。请组长在“结果汇总”页面确认结果后再生成。',
  reopened: '评审结果已重新开放，不能生成公示名单。修改完成并经组长重新确认后再生成。',
  changed: '当前结果与组长确认的版本不一致，不能生成公示名单。请组长重新确认结果后再生成。',
} as const;

export type PublicListView =
  | { ok: true; list: PublicList; digest: string; confirmationVersion: number }
  | { ok: false; message: string };

/**
 * The 公示名单, only from results the chair has confirmed (and that have not changed since): a
 * list published before confirmation could name projects the panel never agreed on.
 */
export async function publicListView(db: ReviewDeskDb, roundId: string): Promise<PublicListView> {
  const snapshot = await resultSnapshot(db, roundId, {
    generatedAt: localIsoTime(new Date()),
    generator: 'review-desk',
  });
  if (!snapshot.readiness.ok) {
    return { ok: false, message: PUBLIC_LIST_REFUSED[snapshot.readiness.reason] };
  }
  const list = buildPublicList(buildResultPayload(snapshot.input));
  return {
    ok: true,
    list,
    digest: paperDigest(list),
    confirmationVersion: snapshot.readiness.confirmation.version,
  };
}

/** The last export of the round's result workbook, for the papers' match block. */
export { latestExport };
