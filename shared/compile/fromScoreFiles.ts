import type { ScoreFile } from '../formats/scoreFile';
import type { CompileSheet } from './types';

/** The sheets of verified score files (`review-desk/scores@1`, docs/formats.md) as compile input. */
export function sheetsFromScoreFiles(
  files: readonly Pick<ScoreFile, 'expert' | 'sheets'>[],
): CompileSheet[] {
  return files.flatMap((file) =>
    file.sheets.map((sheet) => ({
      packetId: sheet.packetId,
      expertId: file.expert.id,
      status: sheet.status,
      scores: sheet.scores,
      vetoes: sheet.vetoes,
      vetoReasons: sheet.vetoReasons,
      comment: sheet.comment,
      conflictReason: sheet.conflictReason,
      revision: sheet.revision,
    })),
  );
}
