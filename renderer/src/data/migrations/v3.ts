import type { Transaction } from 'dexie';
import { chainNext, type AuditContent, type ChainedAuditEntry } from '@shared/audit/chain';

/**
 * Version 2 audit entries were plain rows. Chain each round's existing entries in the order they
 * were written (seq), so the log is checkable from here on. This cannot prove what happened to
 * the log before the upgrade; the first entry written after it says so.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const table = tx.table('audit');
  const rows = (await table.orderBy('seq').toArray()) as (AuditContent & { seq: number })[];
  const lastByRound = new Map<string, ChainedAuditEntry>();
  for (const row of rows) {
    const content: AuditContent = {
      roundId: String(row.roundId),
      at: String(row.at),
      actor: String(row.actor ?? ''),
      action: String(row.action ?? ''),
      subject: String(row.subject ?? ''),
      detail: String(row.detail ?? ''),
    };
    const chained = chainNext(content, lastByRound.get(content.roundId));
    lastByRound.set(content.roundId, chained);
    await table.put({ ...chained, seq: row.seq });
  }
  for (const [roundId, last] of lastByRound) {
    await table.add(
      chainNext(
        {
          roundId,
          at: new Date().toISOString(),
          actor: '评审台',
          action: 'audit.chain-start',
          subject: roundId,
          detail: `数据升级：此前的 ${last.index} 条记录自此纳入校验链`,
        },
        last,
      ),
    );
  }
}
