/**
 * 专家评分表: one expert's submitted sheets as they sign them on paper — the points per criterion,
 * the total, the vetoes ticked with their reasons, the comment — and their 回避 declarations.
 * Pure: the app's papers page and any later command line print the same thing. The digest
 * (SHA-256 of the canonical JSON of the paper) goes on every printed page, so a page can be
 * matched to the sheets it was printed from.
 */
import { canonicalBytes } from '../canonical/canonicalJson';
import type { Rubric } from '../model/rubric';
import { allCriteria, sheetTotal } from '../rubric/points';
import { sha256Hex } from '../signing/hash';

export interface ExpertPaperInput {
  round: { id: string; title: string; rubric: Rubric };
  expert: { id: string; name: string; org: string };
  /** The round's packets, in the order the paper lists them. */
  packets: readonly { id: string; title: string; applicant: string }[];
  /** The expert's sheets; only submitted ones and 回避 are printed. */
  sheets: readonly {
    packetId: string;
    status: string;
    scores: Readonly<Record<string, number>>;
    vetoes: Readonly<Record<string, boolean>>;
    vetoReasons: Readonly<Record<string, string>>;
    comment: string;
    conflictReason: string;
    revision: number;
    submittedAt: string | null;
  }[];
}

export interface ExpertPaperSheet {
  packetId: string;
  title: string;
  applicant: string;
  /** Points per criterion, in rubric order (null: not given). */
  points: (number | null)[];
  total: number;
  vetoes: { title: string; reason: string }[];
  comment: string;
  revision: number;
  submittedAt: string | null;
}

export interface ExpertPaper {
  roundId: string;
  roundTitle: string;
  expert: { id: string; name: string; org: string };
  criteria: { id: string; section: string; title: string; max: number }[];
  sheets: ExpertPaperSheet[];
  conflicts: { packetId: string; title: string; reason: string }[];
}

export function buildExpertPaper(input: ExpertPaperInput): ExpertPaper {
  const { rubric } = input.round;
  const criteria = rubric.sections.flatMap((section) =>
    section.criteria.map((c) => ({ id: c.id, section: section.title, title: c.title, max: c.max })),
  );
  const ids = allCriteria(rubric).map((c) => c.id);
  const bySheet = new Map(input.sheets.map((s) => [s.packetId, s]));
  const sheets: ExpertPaperSheet[] = [];
  const conflicts: ExpertPaper['conflicts'] = [];
  for (const packet of input.packets) {
    const sheet = bySheet.get(packet.id);
    if (sheet?.status === 'conflict') {
      conflicts.push({ packetId: packet.id, title: packet.title, reason: sheet.conflictReason });
    }
    if (sheet?.status !== 'submitted') continue;
    sheets.push({
      packetId: packet.id,
      title: packet.title,
      applicant: packet.applicant,
      points: ids.map((id) => sheet.scores[id] ?? null),
      total: sheetTotal(rubric, sheet.scores),
      vetoes: rubric.vetoes
        .filter((v) => sheet.vetoes[v.id] === true)
        .map((v) => ({ title: v.title, reason: sheet.vetoReasons[v.id] ?? '' })),
      comment: sheet.comment,
      revision: sheet.revision,
      submittedAt: sheet.submittedAt,
    });
  }
  return {
    roundId: input.round.id,
    roundTitle: input.round.title,
    expert: { ...input.expert },
    criteria,
    sheets,
    conflicts,
  };
}

/** SHA-256 hex of the paper's canonical JSON: what its printed pages carry, shortened. */
export function paperDigest(paper: unknown): string {
  return sha256Hex(canonicalBytes(paper));
}
