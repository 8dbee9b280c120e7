import { SCORES_FORMAT, type ScoreSheet, type UnsignedScoreFile } from '../formats/scoreFile';
import type { HeldSheet } from './types';

export class NotOwnSheetError extends Error {
  override name = 'NotOwnSheetError';
  constructor(expertId: string, sheet: Pick<HeldSheet, 'packetId' | 'expertId'>) {
    super(
      `评分表 ${sheet.packetId} 属于专家 ${sheet.expertId}，不能写入专家 ${expertId} 的评分文件`,
    );
  }
}

const sortedEntries = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function toScoreSheet(sheet: HeldSheet): ScoreSheet {
  const common = {
    packetId: sheet.packetId,
    // A 回避 declaration is a new revision of the sheet (declareConflict counts it), so it
    // supersedes a returned revision at the importer like any resubmission.
    revision: sheet.revision,
    submittedAt: sheet.submittedAt ?? sheet.updatedAt ?? new Date(0).toISOString(),
  };
  if (sheet.status === 'conflict') {
    // A conflicted expert's points (from a draft typed before declaring) are not a score and
    // must not leave the laptop: 回避 carries its reason and nothing else.
    return {
      ...common,
      status: 'conflict',
      scores: {},
      vetoes: {},
      vetoReasons: {},
      comment: '',
      conflictReason: sheet.conflictReason,
    };
  }
  // A reason typed for a veto that was then unticked is not part of the verdict.
  const ticked = Object.keys(sheet.vetoes).filter((id) => sheet.vetoes[id]);
  return {
    ...common,
    status: 'submitted',
    scores: sortedEntries(sheet.scores),
    vetoes: sortedEntries(sheet.vetoes),
    vetoReasons: sortedEntries(
      Object.fromEntries(ticked.map((id) => [id, sheet.vetoReasons[id] ?? ''])),
    ),
    comment: sheet.comment,
    conflictReason: '',
  };
}

/**
 * One expert's score file for a round (`review-desk/scores@1`, docs/formats.md), not yet signed: their
 * submitted sheets and 回避 declarations, in packet order. Drafts and returned sheets stay on the
 * laptop: they are work in progress, not results.
 */
export function buildScoreFile(
  roundId: string,
  expert: { id: string; name: string },
  sheets: readonly HeldSheet[],
): UnsignedScoreFile {
  for (const sheet of sheets) {
    if (sheet.expertId !== expert.id) throw new NotOwnSheetError(expert.id, sheet);
  }
  return {
    format: SCORES_FORMAT,
    roundId,
    expert: { id: expert.id, name: expert.name },
    sheets: sheets
      .filter((s) => s.status === 'submitted' || s.status === 'conflict')
      .map(toScoreSheet)
      .sort((a, b) => a.packetId.localeCompare(b.packetId, 'en', { numeric: true })),
  };
}
