import { canonicalBytes } from '../canonical/canonicalJson';
import { sha256Hex } from '../signing/hash';

/**
 * The audit log is append-only and each entry carries the hash of the one before it, so that a
 * deleted, inserted, reordered or edited entry breaks the chain where it happened. The hash is
 * over the RFC 8785 canonical JSON of the entry's content plus the previous hash.
 */

export interface AuditContent {
  roundId: string;
  /** ISO 8601 time of the change. */
  at: string;
  /** Who did it, as shown to people (expert's or secretary's name). */
  actor: string;
  /** Machine-readable kind, e.g. `sheet.submit`. */
  action: string;
  /** What it was done to, e.g. `P001/e2`. */
  subject: string;
  /** What changed, for people. */
  detail: string;
}

export interface ChainedAuditEntry extends AuditContent {
  /** Position in the round's log, from 1. */
  index: number;
  prevHash: string;
  hash: string;
}

/** The previous hash of a round's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export function auditEntryHash(content: AuditContent, index: number, prevHash: string): string {
  const { roundId, at, actor, action, subject, detail } = content;
  return sha256Hex(
    canonicalBytes({ roundId, at, actor, action, subject, detail, index, prevHash }),
  );
}

/** The next entry of a chain whose last entry is `last` (undefined for an empty log). */
export function chainNext(
  content: AuditContent,
  last: ChainedAuditEntry | undefined,
): ChainedAuditEntry {
  const index = last ? last.index + 1 : 1;
  const prevHash = last ? last.hash : GENESIS_HASH;
  return { ...content, index, prevHash, hash: auditEntryHash(content, index, prevHash) };
}

export type ChainCheck =
  | { intact: true; entries: number; head: string }
  | { intact: false; entries: number; brokenAt: number; reason: string };

/** Check a round's whole log, in order. Says where the first break is and what kind it is. */
export function verifyAuditChain(entries: readonly ChainedAuditEntry[]): ChainCheck {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    const expectedIndex = i + 1;
    if (entry.index !== expectedIndex) {
      return {
        intact: false,
        entries: entries.length,
        brokenAt: expectedIndex,
        reason: `第 ${expectedIndex} 条记录的序号是 ${entry.index}：有记录被删除或插入`,
      };
    }
    if (entry.prevHash !== prevHash) {
      return {
        intact: false,
        entries: entries.length,
        brokenAt: expectedIndex,
        reason: `第 ${expectedIndex} 条记录与上一条不衔接：有记录被删除、插入或调换`,
      };
    }
    if (auditEntryHash(entry, entry.index, entry.prevHash) !== entry.hash) {
      return {
        intact: false,
        entries: entries.length,
        brokenAt: expectedIndex,
        reason: `第 ${expectedIndex} 条记录的内容与其校验值不符：记录被修改过`,
      };
    }
    prevHash = entry.hash;
  }
  return { intact: true, entries: entries.length, head: prevHash };
}
