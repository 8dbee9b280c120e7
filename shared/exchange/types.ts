import type { VerifiedScoreFile, ScoreSheet } from '../formats/scoreFile';
import type { InputProblem } from '../model/validation';
import type { Rubric } from '../model/rubric';
import type { KeyOwner } from './keyCheck';

/**
 * A sheet as a laptop holds it (the renderer's SheetRow has this shape and more). `draft` and
 * `returned` sheets are open for editing; `submitted` and `conflict` (回避) are locked.
 */
export interface HeldSheet {
  packetId: string;
  expertId: string;
  status: 'draft' | 'submitted' | 'returned' | 'conflict';
  scores: Readonly<Record<string, number>>;
  vetoes: Readonly<Record<string, boolean>>;
  vetoReasons: Readonly<Record<string, string>>;
  comment: string;
  conflictReason: string;
  /** Incremented on every submission; 0 for a sheet never submitted. */
  revision: number;
  submittedAt: string | null;
  /** When the sheet last changed; stands in for submittedAt of a 回避 never "submitted". */
  updatedAt?: string;
}

/** What the importer needs to know about the round a file is imported into. */
export interface ExchangeRound {
  id: string;
  rubric: Rubric;
  experts: readonly { id: string; name: string }[];
}

/** The signing key the secretariat registered for an expert. */
export interface RegisteredKey {
  publicKey: string;
  fingerprint: string;
}

export interface ScoreFileImportInput {
  round: ExchangeRound;
  /** Ids of the round's packets. */
  packetIds: readonly string[];
  /** This laptop's sheets of the file's expert in this round (other sheets are ignored). */
  heldSheets: readonly HeldSheet[];
  /**
   * The key the secretariat registered for the file's expert (canonical base64), or null: then
   * the file is refused. A key is never taken from the file itself.
   */
  registeredKey: string | null;
  /** Every key registered in the round, to name the expert a key belongs to when it signed for another. */
  registeredKeys?: readonly KeyOwner[];
  /**
   * Ids (see conflictId) of incoming sheets already recorded as exchange conflicts, with their
   * status: a file imported twice must not open the same conflict twice.
   */
  recordedConflicts?: ReadonlyMap<string, 'open' | 'kept-held' | 'took-incoming'>;
  file: VerifiedScoreFile;
}

export type IncomingSheet = ScoreSheet;

/** Why an incoming sheet replaces the held one. */
export type ReplaceNote =
  | 'newer-revision'
  /** The held sheet was a draft never submitted on this laptop. */
  | 'supersedes-draft'
  /** The held sheet had been returned by the chair; this is the expert's revision of it. */
  | 'revises-returned';

export type StaleNote =
  | 'older-revision'
  /** The same revision as a sheet the chair has since returned for revision. */
  | 'already-returned'
  /** The chair already settled a conflict over this exact incoming sheet. */
  | 'already-resolved';

export type ConflictNote =
  /** Same revision, different content. */
  | 'same-revision'
  /** A newer revision that withdraws a 回避 declaration: the chair must confirm. */
  | 'withdraws-conflict';

export type SheetAction =
  | { kind: 'add'; packetId: string; incoming: IncomingSheet }
  | { kind: 'same'; packetId: string; revision: number }
  | {
      kind: 'replace';
      packetId: string;
      incoming: IncomingSheet;
      held: HeldSheet;
      note: ReplaceNote;
    }
  | {
      kind: 'stale';
      packetId: string;
      incomingRevision: number;
      heldRevision: number;
      note: StaleNote;
    }
  | {
      kind: 'conflict';
      packetId: string;
      incoming: IncomingSheet;
      held: HeldSheet;
      note: ConflictNote;
      /** Stable id of this incoming sheet (see conflictId). */
      conflictId: string;
      /** Already recorded and still open: nothing to write. */
      recorded: boolean;
    };

export type SheetActionKind = SheetAction['kind'];

export type ScoreFileImportPlan =
  | { kind: 'refused'; fileName: string; problems: InputProblem[] }
  | {
      kind: 'accepted';
      fileName: string;
      roundId: string;
      expert: { id: string; name: string };
      publicKey: string;
      keyFingerprint: string;
      digest: string;
      actions: SheetAction[];
    };
