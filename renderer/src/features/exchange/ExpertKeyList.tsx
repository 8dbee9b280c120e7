import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { listExpertKeys } from '../../data/repositories/exchangeRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../app/format/dateTime';

/**
 * The experts' signing keys the secretariat registered at 签到 (replacing one happens there,
 * behind the secretariat's passphrase, with a reason). A key an older version took from a first
 * score file is not a registration and is not listed.
 */
export function ExpertKeyList({ roundId }: { roundId: string }) {
  const { t, language } = useI18n();
  const { db } = useServices();
  const keys = useLiveQuery(
    async () => (await listExpertKeys(db, roundId)).filter((k) => k.registered),
    [db, roundId],
  );
  return (
    <section aria-labelledby="expert-keys-title">
      <h2 id="expert-keys-title">{t.exchange.keys}</h2>
      <p className="muted">{t.exchange.keysHint}</p>
      {keys && keys.length === 0 && <p className="muted">{t.exchange.noKeys}</p>}
      {keys && keys.length > 0 && (
        <table className="data-table" data-testid="expert-keys">
          <thead>
            <tr>
              <th scope="col">{t.exchange.keyColumns.expert}</th>
              <th scope="col">{t.exchange.keyColumns.fingerprint}</th>
              <th scope="col">{t.exchange.keyColumns.firstSeenIn}</th>
              <th scope="col">{t.exchange.keyColumns.firstSeenAt}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.key} data-testid={`expert-key-${key.expertId}`}>
                <td>
                  {key.expertName} <span className="muted mono">{key.expertId}</span>
                </td>
                <td className="mono">{key.fingerprint}</td>
                <td className="mono">{key.firstSeenIn}</td>
                <td>{formatDateTime(key.firstSeenAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
