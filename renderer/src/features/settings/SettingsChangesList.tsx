import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { settingsChangesAfterScoring } from '../../data/repositories/roundSettingsRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../app/format/dateTime';
import './settings.css';

/**
 * On 结果汇总: the settings changed after the first sheet was submitted, each with who, when,
 * old → new and the reason. Nothing is shown for a round whose settings were fixed before scoring.
 */
export function SettingsChangesList({ roundId }: { roundId: string }) {
  const { t, language } = useI18n();
  const { db } = useServices();
  const records = useLiveQuery(() => settingsChangesAfterScoring(db, roundId), [db, roundId]);
  if (!records || records.length === 0) return null;
  return (
    <section
      className="panel-section settings-changes"
      aria-labelledby="settings-changes"
      data-testid="settings-changes"
    >
      <h2 id="settings-changes">{t.settings.afterScoring}</h2>
      <p className="settings-hint">
        {t.settings.afterScoringHint}{' '}
        <a href={hrefFor({ name: 'settings', roundId })}>{t.settings.openSettings}</a>
      </p>
      <ol>
        {records.map((record) => (
          <li key={record.at} className="card">
            <p className="settings-hint">
              {t.settings.changedBy(formatDateTime(record.at, language), record.actor)}
            </p>
            <ul>
              {record.changes.map((c) => (
                <li key={c.field}>
                  {c.field}：{c.from} → {c.to}
                </li>
              ))}
            </ul>
            <p>{t.settings.reasonText(record.reason)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
