import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { Rubric } from '@shared/model/rubric';
import { sheetTotal } from '@shared/rubric/points';
import { useServices } from '../../app/AppServices';
import {
  openExchangeConflicts,
  resolveExchangeConflict,
  type ConflictChoice,
  type ExchangeConflictListing,
} from '../../data/repositories/exchangeRepository';
import { getRound } from '../../data/repositories/queries';
import type { SheetRow } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPoints } from '../../app/format/points';

/**
 * Incoming sheets that could not be merged by themselves, side by side with the one held here.
 * Shown on the chair's PIN-gated page only: it shows an expert's points, and settling is the
 * chair's call, recorded under the chair's name.
 */
export function ExchangeConflictList({ roundId, session }: { roundId: string; session: Session }) {
  const { t } = useI18n();
  const { db } = useServices();
  const round = useLiveQuery(() => getRound(db, roundId), [db, roundId]);
  const conflicts = useLiveQuery(() => openExchangeConflicts(db, roundId), [db, roundId]);
  return (
    <section aria-labelledby="exchange-conflicts-title">
      <h2 id="exchange-conflicts-title">{t.exchange.conflicts}</h2>
      {conflicts && conflicts.length === 0 && <p className="muted">{t.exchange.noConflicts}</p>}
      {round && conflicts && conflicts.length > 0 && (
        <ul className="report-list">
          {conflicts.map((listing) => (
            <ConflictCard
              key={listing.conflict.key}
              listing={listing}
              rubric={round.rubric}
              roundId={roundId}
              session={session}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SheetSummary({ sheet, rubric }: { sheet: Omit<SheetRow, 'key'>; rubric: Rubric }) {
  const { t } = useI18n();
  const vetoes = Object.values(sheet.vetoes).filter(Boolean).length;
  return (
    <>
      <p>
        {t.exchange.sheetSummary(
          t.scoring.status[sheet.status] ?? sheet.status,
          sheet.revision,
          formatPoints(sheetTotal(rubric, sheet.scores)),
        )}
      </p>
      {vetoes > 0 && <p className="error-text">{t.exchange.vetoed(vetoes)}</p>}
      {sheet.status === 'conflict' && <p className="muted">{sheet.conflictReason}</p>}
      {sheet.comment && <p className="muted">{sheet.comment}</p>}
    </>
  );
}

function ConflictCard({
  listing,
  rubric,
  roundId,
  session,
}: {
  listing: ExchangeConflictListing;
  rubric: Rubric;
  roundId: string;
  session: Session;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const { conflict, held } = listing;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  async function resolve(choice: ConflictChoice) {
    setBusy(true);
    setError(null);
    try {
      await resolveExchangeConflict(db, session, roundId, conflict.key, choice, reason);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  const onSubmit = (event: FormEvent) => event.preventDefault();
  const ready = reason.trim() !== '' && !busy;

  return (
    <li className="card" data-testid="exchange-conflict">
      <h3 id={headingId}>
        {t.exchange.conflictOf(`${conflict.packetId} ${listing.packetTitle}`, listing.expertName)}
      </h3>
      <p>{conflict.reason}</p>
      <div className="conflict-sides">
        <div>
          <h4>{t.exchange.held}</h4>
          {held ? <SheetSummary sheet={held} rubric={rubric} /> : <p>{t.exchange.noHeld}</p>}
        </div>
        <div>
          <h4>
            {t.exchange.incoming}{' '}
            <span className="muted small">{t.exchange.fromFile(conflict.incomingFile)}</span>
          </h4>
          <SheetSummary sheet={conflict.incoming} rubric={rubric} />
        </div>
      </div>
      <form onSubmit={onSubmit} aria-labelledby={headingId}>
        <label>
          {t.exchange.reason}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </label>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={!ready}
            onClick={() => resolve('kept-held')}
          >
            {t.exchange.keepHeld}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!ready}
            onClick={() => resolve('took-incoming')}
          >
            {t.exchange.takeIncoming}
          </button>
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </form>
    </li>
  );
}
