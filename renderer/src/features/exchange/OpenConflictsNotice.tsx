import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { openExchangeConflicts } from '../../data/repositories/exchangeRepository';
import { useI18n } from '../../i18n/I18nProvider';

/** The secretariat sees that conflicts wait, not their points: the chair settles them. */
export function OpenConflictsNotice({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const count = useLiveQuery(
    async () => (await openExchangeConflicts(db, roundId)).length,
    [db, roundId],
  );
  if (count === undefined) return null;
  return (
    <section aria-labelledby="exchange-conflicts-title">
      <h2 id="exchange-conflicts-title">{t.exchange.conflicts}</h2>
      {count === 0 ? (
        <p className="muted">{t.exchange.noConflicts}</p>
      ) : (
        <p className="banner warning" data-testid="open-conflicts">
          {t.exchange.conflictsForChair(count)}{' '}
          <a href={hrefFor({ name: 'chair', roundId })}>{t.chair.nav}</a>
        </p>
      )}
    </section>
  );
}
