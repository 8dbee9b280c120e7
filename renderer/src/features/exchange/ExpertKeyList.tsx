import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { ReasonForm } from '../../app/components/ReasonForm';
import { listExpertKeys, releaseExpertKey } from '../../data/repositories/exchangeRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../scoring/formatPoints';

/**
 * The experts' signing keys as registered from their first score files. Given `chairName` (the
 * chair's page, behind their PIN) each key can be released, with a reason, for an expert who
 * moved to another laptop.
 */
export function ExpertKeyList({ roundId, chairName }: { roundId: string; chairName?: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const keys = useLiveQuery(() => listExpertKeys(db, roundId), [db, roundId]);
  const [releasing, setReleasing] = useState<string | null>(null);
  return (
    <section aria-labelledby="expert-keys-title">
      <h2 id="expert-keys-title">{t.exchange.keys}</h2>
      <p className="muted small">{chairName ? t.exchange.releaseKeyHint : t.exchange.keysHint}</p>
      {keys && keys.length === 0 && <p className="muted">{t.exchange.noKeys}</p>}
      {keys && keys.length > 0 && (
        <table className="data-table" data-testid="expert-keys">
          <thead>
            <tr>
              <th scope="col">{t.exchange.keyColumns.expert}</th>
              <th scope="col">{t.exchange.keyColumns.fingerprint}</th>
              <th scope="col">{t.exchange.keyColumns.firstSeenIn}</th>
              <th scope="col">{t.exchange.keyColumns.firstSeenAt}</th>
              {chairName && <th scope="col" />}
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
                <td>{formatDateTime(key.firstSeenAt)}</td>
                {chairName && (
                  <td>
                    {releasing === key.key ? (
                      <ReasonForm
                        label={t.exchange.releaseKeyReason}
                        submitLabel={t.exchange.confirmReleaseKey}
                        cancelLabel={t.conflict.cancel}
                        onSubmit={async (reason) => {
                          await releaseExpertKey(db, roundId, key.expertId, reason, chairName);
                          setReleasing(null);
                        }}
                        onCancel={() => setReleasing(null)}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button small"
                        onClick={() => setReleasing(key.key)}
                      >
                        {t.exchange.releaseKey}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
