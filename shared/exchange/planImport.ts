import type { ScoreSheet } from '../formats/scoreFile';
import type { InputProblem } from '../model/validation';
import { conflictId, sameContent } from './sheetContent';
import { keyCheck } from './keyCheck';
import { scoreFileProblems } from './validateScoreFile';
import type {
  ConflictNote,
  HeldSheet,
  ScoreFileImportInput,
  ScoreFileImportPlan,
  SheetAction,
} from './types';

/**
 * Decide what importing one verified score file would do, without doing it. The file is refused
 * as a whole when anything about it is wrong (round, expert, key, packet, a sheet the rubric
 * does not allow): a half-imported file would leave the secretariat unsure what it holds.
 * Otherwise every sheet gets one action; see `decideSheet` for the rules.
 */
export function planScoreFileImport(input: ScoreFileImportInput): ScoreFileImportPlan {
  const { round, file } = input;
  const { content } = file;
  const refuse = (problems: InputProblem[]): ScoreFileImportPlan => ({
    kind: 'refused',
    fileName: file.fileName,
    problems,
  });

  const fileProblems = scoreFileProblems(round, input.packetIds, file);
  if (fileProblems.length > 0) return refuse(fileProblems);
  // scoreFileProblems has checked that the expert is on the roster under this name.
  const rostered = { id: content.expert.id, name: content.expert.name };
  const publicKey = content.signature.publicKey;
  // Only a key the secretariat registered counts; none registered is a refusal, never a registration.
  const keyProblem = keyCheck({
    expert: rostered,
    registeredKey: input.registeredKey,
    file,
    registered: input.registeredKeys,
  });
  if (keyProblem) return refuse([keyProblem]);

  const held = new Map(
    input.heldSheets
      .filter((s) => s.expertId === content.expert.id)
      .map((s) => [s.packetId, s] as const),
  );
  const recorded = input.recordedConflicts ?? new Map();
  const actions = content.sheets.map((incoming) =>
    decideSheet(incoming, held.get(incoming.packetId), (note, heldSheet): SheetAction => {
      const id = conflictId(round.id, content.expert.id, incoming);
      const status = recorded.get(id);
      if (status === undefined || status === 'open') {
        return {
          kind: 'conflict',
          packetId: incoming.packetId,
          incoming,
          held: heldSheet,
          note,
          conflictId: id,
          recorded: status === 'open',
        };
      }
      return {
        kind: 'stale',
        packetId: incoming.packetId,
        incomingRevision: incoming.revision,
        heldRevision: heldSheet.revision,
        note: 'already-resolved',
      };
    }),
  );

  return {
    kind: 'accepted',
    fileName: file.fileName,
    roundId: round.id,
    expert: { id: content.expert.id, name: content.expert.name },
    publicKey,
    keyFingerprint: file.keyFingerprint,
    digest: file.digest,
    actions,
  };
}

/**
 * The merge rules, by what this laptop holds for the same expert and packet:
 *
 * - nothing → `add`.
 * - a draft never submitted here (revision 0) → `replace`: the expert's signed submission is
 *   their result; a draft is not.
 * - a draft or returned sheet at revision r (the chair returned r, a revision is awaited):
 *   incoming > r → `replace` (that is the revision); incoming = r → `stale` (the version that
 *   was returned); incoming < r → `stale`.
 * - a submitted or 回避 sheet at revision r: incoming < r → `stale`; incoming = r with the same
 *   content → `same`, with different content → `conflict`; incoming > r → `replace`, except
 *   that withdrawing a 回避 (held conflict, incoming submitted) goes to the chair as a
 *   `conflict`: declaring one later is always allowed, taking one back is not automatic.
 */
export function decideSheet(
  incoming: ScoreSheet,
  held: HeldSheet | undefined,
  conflict: (note: ConflictNote, held: HeldSheet) => SheetAction,
): SheetAction {
  const { packetId } = incoming;
  if (!held) return { kind: 'add', packetId, incoming };
  const stale = (note: 'older-revision' | 'already-returned'): SheetAction => ({
    kind: 'stale',
    packetId,
    incomingRevision: incoming.revision,
    heldRevision: held.revision,
    note,
  });

  if (held.status === 'draft' || held.status === 'returned') {
    if (held.revision === 0)
      return { kind: 'replace', packetId, incoming, held, note: 'supersedes-draft' };
    if (incoming.revision > held.revision)
      return { kind: 'replace', packetId, incoming, held, note: 'revises-returned' };
    return stale(incoming.revision === held.revision ? 'already-returned' : 'older-revision');
  }

  if (incoming.revision < held.revision) return stale('older-revision');
  if (incoming.revision === held.revision) {
    return sameContent(incoming, held)
      ? { kind: 'same', packetId, revision: incoming.revision }
      : conflict('same-revision', held);
  }
  if (held.status === 'conflict' && incoming.status === 'submitted')
    return conflict('withdraws-conflict', held);
  return { kind: 'replace', packetId, incoming, held, note: 'newer-revision' };
}
