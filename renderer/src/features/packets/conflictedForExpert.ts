import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { useUnlockedExpertId } from '../../app/Sessions';
import { conflictsForRound } from '../../data/repositories/panelRepository';
import type { PacketRow } from '../../data/rows';

const NONE: ReadonlySet<string> = new Set();

/**
 * The packets the expert unlocked in this window has declared 回避 on: for them the screens
 * show the title and nothing else (no applicant, fields or attachments) while that expert is
 * unlocked. Undefined while loading, so nothing is drawn before it is known.
 */
export function useConflictedForExpert(roundId: string): ReadonlySet<string> | undefined {
  const { db } = useServices();
  const expertId = useUnlockedExpertId(roundId);
  return useLiveQuery(
    async () =>
      expertId === null
        ? NONE
        : new Set(
            (await conflictsForRound(db, roundId))
              .filter((c) => c.expertId === expertId)
              .map((c) => c.packetId),
          ),
    [db, roundId, expertId],
  );
}

/** The packet with everything but its id and title blanked, so no filter or search reveals it. */
export function titleOnly(packet: PacketRow): PacketRow {
  return {
    ...packet,
    applicant: { name: '', city: '', county: '', type: '' },
    category: '',
    group: '',
    fields: {},
    attachments: [],
  };
}
