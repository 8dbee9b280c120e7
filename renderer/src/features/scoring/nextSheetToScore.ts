import type { SheetRow } from '../../data/rows';

/**
 * The expert's next packet still to score: the first after `current` in list order whose sheet
 * is neither submitted nor under 回避, going round to the top of the list; null when none is left.
 */
export function nextSheetToScore(
  packetIds: readonly string[],
  statuses: ReadonlyMap<string, SheetRow['status']>,
  current: string,
): string | null {
  const start = packetIds.indexOf(current) + 1;
  for (let i = 0; i < packetIds.length; i += 1) {
    const id = packetIds[(start + i) % packetIds.length]!;
    const status = statuses.get(id);
    if (id !== current && status !== 'submitted' && status !== 'conflict') return id;
  }
  return null;
}
