import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useServices } from '../../app/AppServices';
import { chairOf } from '../../data/repositories/panelRepository';
import type { ExpertRow } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { PinGate } from '../scoring/PinGate';

/**
 * Pages that only the chair may see (they show everyone's points, or settle disputes) open
 * behind the chair's PIN; without a chair named yet they say that the secretariat names one.
 * The repositories check again, inside each write, that the session's expert is still 组长.
 */
export function ChairGate({
  roundId,
  title,
  noChairMessage,
  children,
}: {
  roundId: string;
  title: string;
  /** Why this page needs a chair; defaults to the general message. */
  noChairMessage?: string;
  /** Receives the chair and the chair's session, which every chair action passes on. */
  children: (chair: ExpertRow, session: Session) => ReactNode;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const chair = useLiveQuery(async () => (await chairOf(db, roundId)) ?? null, [db, roundId]);
  if (chair === undefined) return <main className="page" aria-busy="true" />;
  if (chair === null) {
    return (
      <main className="page narrow">
        <h1>{title}</h1>
        <p className="banner">{noChairMessage ?? t.chair.noChair}</p>
      </main>
    );
  }
  return (
    <PinGate roundId={roundId} expert={chair} asChair>
      {(session: Session) => children(chair, session)}
    </PinGate>
  );
}
