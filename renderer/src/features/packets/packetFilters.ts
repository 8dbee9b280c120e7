import type { PacketRow } from '../../data/rows';
import { compareChinese } from '@shared/collation/chineseOrder';

export interface PacketFilter {
  query: string;
  group: string;
  city: string;
  category: string;
  sort: 'id' | 'title' | 'city' | 'group';
}

export const NO_FILTER: PacketFilter = { query: '', group: '', city: '', category: '', sort: 'id' };

/** Distinct non-empty values with their counts, in Chinese collation order. */
export function countsBy(packets: readonly PacketRow[], key: (p: PacketRow) => string) {
  const counts = new Map<string, number>();
  for (const p of packets) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compareChinese(a, b));
}

export function sortPackets(packets: PacketRow[], sort: PacketFilter['sort']): PacketRow[] {
  const key: Record<PacketFilter['sort'], (p: PacketRow) => string> = {
    id: (p) => p.id,
    title: (p) => p.title,
    city: (p) => p.applicant.city,
    group: (p) => p.group,
  };
  const k = key[sort];
  return packets.sort((a, b) => compareChinese(k(a), k(b)) || compareChinese(a.id, b.id));
}
