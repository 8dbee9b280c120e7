import type { Transaction } from 'dexie';

/**
 * Version 1 sheets could lack `updatedAt` and `revision` (an early build wrote them lazily).
 * The sheet list sorts and the score file reports on both, so fill them in.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('sheets')
    .toCollection()
    .modify((sheet: Record<string, unknown>) => {
      if (typeof sheet.updatedAt !== 'string') {
        sheet.updatedAt =
          typeof sheet.submittedAt === 'string' ? sheet.submittedAt : new Date(0).toISOString();
      }
      if (typeof sheet.revision !== 'number') sheet.revision = sheet.status === 'submitted' ? 1 : 0;
      if (!sheet.inputs || typeof sheet.inputs !== 'object') {
        const scores = (sheet.scores ?? {}) as Record<string, number>;
        sheet.inputs = Object.fromEntries(
          Object.entries(scores).map(([id, value]) => [id, String(value)]),
        );
      }
    });
}
