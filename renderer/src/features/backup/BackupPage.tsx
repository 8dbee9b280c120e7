import { useI18n } from '../../i18n/I18nProvider';
import { SecretariatSection } from '../secretariat/SecretariatSection';
import { StoragePanel } from '../storage/StoragePanel';
import { AutoBackupSection } from './autoBackup/AutoBackupSection';
import { BackupForm } from './BackupForm';
import { RestoreForm } from './RestoreForm';

/** 备份与恢复: a device-wide page, since a restore may bring a round this laptop never had. */
export function BackupPage() {
  const { t } = useI18n();
  return (
    <main className="page narrow">
      <h1>{t.backup.title}</h1>
      <p className="muted">{t.backup.intro}</p>
      <BackupForm />
      <RestoreForm />
      {/* In the web build it says why there is no automatic backup. */}
      <AutoBackupSection />
      <SecretariatSection />
      <StoragePanel />
    </main>
  );
}
