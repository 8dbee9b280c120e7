import { hrefFor } from '../../app/router';
import { useI18n } from '../../i18n/I18nProvider';
import { useStorageStatus } from './useStorageStatus';

function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** 存储: how much the review data uses, whether the browser may evict it, and where backups are. */
export function StoragePanel() {
  const { t } = useI18n();
  const status = useStorageStatus();
  if (!status) return null;
  return (
    <footer
      className="storage-panel muted"
      data-testid="storage-panel"
      aria-label={t.storage.title}
    >
      <span data-testid="storage-usage">
        {t.storage.title}：
        {status.usage !== null && status.quota !== null
          ? t.storage.used(formatBytes(status.usage), formatBytes(status.quota))
          : t.storage.unknown}
      </span>
      {status.persisted !== null && (
        <span data-testid="storage-persisted">
          {' · '}
          {status.persisted ? t.storage.persisted : t.storage.notPersisted}
        </span>
      )}
      {' · '}
      <a href={hrefFor({ name: 'backup' })}>{t.backup.title}</a>
    </footer>
  );
}
