import type { Aggregation, Packet, Quota, RoundKind } from '../../../shared/model/roundPackage';
import type { ChainedAuditEntry } from '../../../shared/audit/chain';
import type { Rubric } from '../../../shared/model/rubric';

/**
 * What the database stores. Keys that combine ids are strings `roundId:…` so one laptop can hold
 * several rounds whose packet and expert ids overlap.
 */

export interface RoundRow {
  id: string;
  title: string;
  kind: RoundKind;
  programme: string;
  rubric: Rubric;
  aggregation: Aggregation;
  quotas: Quota[];
  /** Where it came from: 'demo', or the package's file name. */
  source: string;
  importedAt: string;
}

export interface PacketRow extends Packet {
  key: string;
  roundId: string;
}

export interface AttachmentRow {
  key: string;
  roundId: string;
  packetId: string;
  name: string;
  path: string;
  sha256: string;
  size: number;
  mime: string;
  blob: Blob;
}

export type PanelRole = 'expert' | 'chair';

export interface ExpertRow {
  key: string;
  roundId: string;
  id: string;
  name: string;
  org: string;
  city: string;
  role: PanelRole;
}

export interface AssignmentRow {
  key: string;
  roundId: string;
  packetId: string;
  expertId: string;
}

export type SheetStatus = 'draft' | 'submitted' | 'returned' | 'conflict';

export interface SheetRow {
  key: string;
  roundId: string;
  packetId: string;
  expertId: string;
  status: SheetStatus;
  /** Exactly what the expert typed per criterion, so a reload restores the boxes as they were. */
  inputs: Record<string, string>;
  /** The valid numbers among `inputs`: what totals and the score file use. */
  scores: Record<string, number>;
  vetoes: Record<string, boolean>;
  vetoReasons: Record<string, string>;
  comment: string;
  conflictReason: string;
  /** Incremented on every submission. */
  revision: number;
  updatedAt: string;
  submittedAt: string | null;
}

export interface ConflictRow {
  key: string;
  roundId: string;
  packetId: string;
  expertId: string;
  reason: string;
  declaredAt: string;
}

/** One entry of a round's hash-chained audit log (see shared/audit/chain.ts). */
export interface AuditRow extends ChainedAuditEntry {
  /** Database order across all rounds; `index` is the position within the round's chain. */
  seq?: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}
