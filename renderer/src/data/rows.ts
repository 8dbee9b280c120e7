import type { Aggregation, Packet, Quota, RoundKind } from '@shared/model/roundPackage';
import type { ChainedAuditEntry } from '@shared/audit/chain';
import type { Rubric } from '@shared/model/rubric';
import type { FindingSeverity } from '@shared/workbook/format';
import type { LocalRoundSettings, SettingsChangeRecord } from '@shared/rounds/roundSettings';

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
  /**
   * roundContentDigest of what was imported (shared/rounds/contentDigest.ts): the same content
   * again is a no-op. '' for rounds stored before v5, which are compared field by field instead.
   */
  digest: string;
  /** 1 on first import, +1 for every newer version applied. */
  revision: number;
  /**
   * 评审设置 the round package does not carry (year, batch, minimum valid sheets, grouping by
   * 类别). Absent until the secretariat saves the settings: defaults then apply.
   */
  settings?: LocalRoundSettings;
  /** Settings changed after the first sheet was submitted, each with its reason. */
  settingsChanges?: SettingsChangeRecord[];
}

export interface PacketRow extends Packet {
  key: string;
  roundId: string;
  /**
   * Set when a newer version of the round no longer lists the packet but sheets on it exist:
   * the row stays so those sheets keep their context; lists and assignments leave it out.
   */
  withdrawn?: boolean;
}

/** A packet a newer round version changed or withdrew while sheets on it existed. */
export interface PacketFlagRow {
  key: string;
  roundId: string;
  packetId: string;
  kind: 'changed' | 'withdrawn';
  /** What changed, as shared/rounds/roundDiff.ts names it. */
  fields: string[];
  /** Sheets on the packet when the change was applied. */
  sheets: number;
  /** The round revision that brought the change. */
  revision: number;
  at: string;
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
  /** 职称, when the round names one. */
  title?: string;
  role: PanelRole;
  /** No longer listed by a newer version of the round: keeps their sheets, gets no packets. */
  removed?: boolean;
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
  /** When the secretariat confirmed the 回避; until then the expert may withdraw it. */
  confirmedAt?: string;
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

/** A secret as stored (PBKDF2 hash, never the secret) with its attempt counters. */
export interface StoredSecret {
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

export interface PinRow extends StoredSecret {
  key: string;
  roundId: string;
  expertId: string;
  /** Set by the secretariat's reset: a temporary PIN, to be replaced at the next unlock. */
  mustChange?: boolean;
}

/**
 * An expert's signing key in a round. Only a row with `source` is a registration by the
 * secretariat (签到); a row without it is a key an older version took from the first score file
 * it saw, which counts for nothing until the secretariat registers a key.
 */
export interface ExpertKeyRow {
  key: string;
  roundId: string;
  expertId: string;
  /** Base64 raw Ed25519 public key. */
  publicKey: string;
  fingerprint: string;
  /** Where the key came from, for people: the public-key file's name, or 本机设备密钥. */
  firstSeenIn: string;
  /** When it was registered (or first seen, for a row without `source`). */
  firstSeenAt: string;
  /** How the secretariat registered it: the expert's public-key file, or this laptop's key. */
  source?: 'file' | 'device';
  /** Why a different key replaced the one registered before, when it did. */
  reason?: string;
}

/** 签到: the secretariat checked the expert in on this laptop, so the expert may set a PIN here. */
export interface CheckInRow {
  /** `roundId:expertId`. */
  key: string;
  roundId: string;
  expertId: string;
  at: string;
}

/** The secretariat's credential, device-wide (settings key `secretariat`, in no round's backup). */
export type SecretariatCredential = StoredSecret;

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

/** The chair's decision on a packet whose tie straddles a quota line (并列跨线). */
export interface ChairDecisionRow {
  /** `roundId:packetId`: one current decision per packet; earlier ones are in the audit log. */
  key: string;
  roundId: string;
  packetId: string;
  decision: '入选' | '备选' | '不入选';
  reason: string;
  /** The chair's name. */
  chair: string;
  at: string;
}

/** How an expert settled the deviation flag (偏离) on one revision of their sheet (复核). */
export interface SettlementRow {
  /** `roundId:packetId:expertId:revision`. */
  key: string;
  roundId: string;
  packetId: string;
  expertId: string;
  /** The revision that was flagged. */
  revision: number;
  action: 'confirmed' | 'revised';
  reason: string;
  at: string;
}

/** An expert's 保留意见 on the results: shown, exported and printed beside their signature. */
export interface DissentRow {
  /** `roundId:expertId`: one per expert, the latest wording; earlier ones are in the audit log. */
  key: string;
  roundId: string;
  expertId: string;
  text: string;
  at: string;
}

/** 专家组意见: the panel's opinion on one packet, written by the chair. */
export interface OpinionRow {
  /** `roundId:packetId`: one per packet, the latest wording; earlier ones are in the audit log. */
  key: string;
  roundId: string;
  packetId: string;
  text: string;
  /** The chair who wrote it (name and expert id), as the paper and the workbook name them. */
  chair: string;
  chairId: string;
  at: string;
}

/**
 * The chair's confirmation of the results, version 1, 2, …. The latest confirmation locks the
 * round's results until it is reopened.
 */
export interface ConfirmationRow {
  /** `roundId:version`. */
  key: string;
  roundId: string;
  version: number;
  /** The chair's name. */
  chair: string;
  at: string;
  /** sha256Hex of the RFC 8785 canonical bytes of the compile result that was confirmed. */
  digest: string;
  reopenedAt?: string;
  reopenedBy?: string;
  reopenReason?: string;
}

/** An inspection round's site (拉练): its place in the visiting order and the site notes. */
export interface RouteSiteRow {
  /** `roundId:packetId`. */
  key: string;
  roundId: string;
  packetId: string;
  /** 0-based position in the route; sites without a row follow in packet order. */
  position: number;
  notes: string;
  updatedAt: string;
}

/** A photo taken at a site, from the laptop camera or a picked file. */
export interface SitePhotoRow {
  id: string;
  roundId: string;
  packetId: string;
  name: string;
  mime: string;
  size: number;
  blob: Blob;
  source: 'camera' | 'file';
  /** When the photo was taken (the camera) or added (a file), ISO 8601. */
  takenAt: string;
  /** Who was unlocked when it was added, or '' (the secretariat). */
  addedBy: string;
}

/** 问题清单: a finding at an inspection site, followed up until closed. */
export interface FindingRow {
  id: string;
  roundId: string;
  packetId: string;
  severity: FindingSeverity;
  description: string;
  /** 整改责任单位/人. */
  owner: string;
  /** YYYY-MM-DD or ''. */
  dueDate: string;
  status: 'open' | 'closed';
  recordedBy: string;
  recordedAt: string;
  closedAt: string | null;
  closedBy?: string;
}

/** 动态调整: a decision cancelling (取消资格) or adding (增列) a body's status. */
export interface AdjustmentRow {
  id: string;
  roundId: string;
  packetId: string;
  action: 'cancel' | 'add';
  /** What it rests on, e.g. 评估不合格 when the chair marks a failed body; '' otherwise. */
  basis: string;
  reason: string;
  /** YYYY-MM-DD. */
  decidedOn: string;
  decidedBy: string;
  recordedAt: string;
}
