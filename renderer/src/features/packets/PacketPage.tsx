import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { getPacket, listAttachments } from '../../data/repositories/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { packetFlag } from '../../data/repositories/roundRepository';
import { ReaderPane } from '../reader/ReaderPane';
import { PacketDetails } from './PacketDetails';
import { useConflictedForExpert } from './conflictedForExpert';

export function PacketPage({ roundId, packetId }: { roundId: string; packetId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const packet = useLiveQuery(() => getPacket(db, roundId, packetId), [db, roundId, packetId]);
  const attachments = useLiveQuery(
    () => listAttachments(db, roundId, packetId),
    [db, roundId, packetId],
  );

  const flag = useLiveQuery(() => packetFlag(db, roundId, packetId), [db, roundId, packetId]);
  const conflicted = useConflictedForExpert(roundId);

  if (packet === undefined || attachments === undefined || conflicted === undefined)
    return <main className="page" aria-busy="true" />;
  // Under 回避 for the unlocked expert: the title, and why nothing else is shown.
  const hidden = conflicted.has(packetId);

  return (
    <main className="page reader-page-single">
      <a className="back" href={hrefFor({ name: 'packets', roundId })}>
        ← {t.packets.back}
      </a>
      <h1>
        <span className="mono muted">{packet.id}</span> {packet.title}
      </h1>
      {hidden && (
        <p className="notice" role="note" data-testid="packet-title-only">
          {t.conflict.titleOnly}
        </p>
      )}
      {flag && !hidden && (
        <p className="notice" role="note">
          {flag.kind === 'withdrawn'
            ? t.packets.flagWithdrawn
            : t.packets.flagChanged(flag.fields.join('、'))}
        </p>
      )}
      {!hidden && (
        <>
          <PacketDetails packet={packet} />
          <h2>{t.packets.attachments}</h2>
          {/* The same reader as beside the scoring sheet, here across the page's width. */}
          <ReaderPane attachments={attachments} />
        </>
      )}
    </main>
  );
}
