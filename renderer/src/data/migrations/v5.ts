import type { Transaction } from 'dexie';

/**
 * Rounds stored before v5 have no content digest and no revision. An empty digest never equals
 * a real one, so the next import of such a round compares it field by field (roundDiff) and is
 * still a no-op when nothing changed; it is not recomputed here because the packets as stored
 * may carry fields an older build added.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table('rounds')
    .toCollection()
    .modify((round: Record<string, unknown>) => {
      if (typeof round.digest !== 'string') round.digest = '';
      if (typeof round.revision !== 'number') round.revision = 1;
    });
}
