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

/** 'standby' is a 备选专家: assigned only when a conflict leaves a packet short of sheets. */
export type PanelRole = 'expert' | 'chair' | 'standby';

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
  /** Why the chair returned it, while status is 'returned'. */
  returnReason?: string;
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

export interface PinRow {
  key: string;
  roundId: string;
  expertId: string;
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  /** Base64. */
  salt: string;
  /** Base64 of the derived 32 bytes. */
  hash: string;
  setAt: string;
  /** Consecutive wrong entries; reset by a right one. */
  failedAttempts: number;
  /** ISO time before which no attempt is accepted, or null. */
  lockedUntil: string | null;
}

export interface ExpertKeyRow {
  key: string;
  roundId: string;
  expertId: string;
  /** Base64 raw Ed25519 public key. */
  publicKey: string;
  fingerprint: string;
  /** The score file it was first seen in. */
  firstSeenIn: string;
  firstSeenAt: string;
}

export type ExchangeConflictStatus = 'open' | 'kept-held' | 'took-incoming';

/** An incoming sheet that could not be merged automatically; the chair settles it. */
export interface ExchangeConflictRow {
  key: string;
  roundId: string;
  packetId: string;
  expertId: string;
  status: ExchangeConflictStatus;
  /** Why it could not be merged, for people. */
  reason: string;
  incoming: Omit<SheetRow, 'key'>;
  incomingFile: string;
  receivedAt: string;
  resolvedBy?: string;
  resolutionReason?: string;
  resolvedAt?: string;
}
