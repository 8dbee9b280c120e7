import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import type { AutoBackupHost } from '@shared/platform/Platform';
import { useServices } from '../../../app/AppServices';
import { readAutoBackupState } from '../../../data/repositories/autoBackupRepository';
import { listRounds } from '../../../data/repositories/roundRepository';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDateTime } from '../../../app/format/dateTime';
import { useAutoBackupSession } from './AutoBackupSession';
import { PassphrasePairForm } from './PassphrasePairForm';

/** 关闭时自动备份 on the 备份与恢复 page: the folder, this run's passphrase, the latest archives. */
export function AutoBackupSection() {
  const { t } = useI18n();
  const { platform } = useServices();
  const titleId = useId();
  return (
    <section className="card stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.autoBackup.title}</h2>
      {platform.autoBackup ? (
        <AutoBackupSettings host={platform.autoBackup} />
      ) : (
        <p className="muted" data-testid="auto-backup-desktop-only">
          {t.autoBackup.desktopOnly}
        </p>
      )}
    </section>
  );
}

function AutoBackupSettings({ host }: { host: AutoBackupHost }) {
  const { t, language } = useI18n();
  const { db } = useServices();
  const session = useAutoBackupSession();
  // undefined while main answers.
  const [folder, setFolder] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const latest = useLiveQuery(async () => {
    const titles = new Map((await listRounds(db)).map((r) => [r.id, r.title]));
    return (await readAutoBackupState(db))
      .filter((entry) => titles.has(entry.roundId))
      .map((entry) => ({ ...entry, title: titles.get(entry.roundId)! }))
      .sort((a, b) => b.at.localeCompare(a.at));
  }, [db]);

  useEffect(() => {
    let live = true;
    host.folder().then(
      (value) => live && setFolder(value),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [host]);

  async function act(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const choose = () =>
    act(async () => {
      const chosen = await host.chooseFolder();
      if (chosen !== null) setFolder(chosen);
    });
  const clear = () =>
    act(async () => {
      await host.clearFolder();
      setFolder(null);
    });

  return (
    <>
      <p className="muted">{t.autoBackup.intro}</p>
      {folder !== undefined && (
        <p data-testid="auto-backup-folder">
          {folder === null ? t.autoBackup.noFolder : t.autoBackup.folder(folder)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={() => void choose()}>
          {folder ? t.autoBackup.changeFolder : t.autoBackup.chooseFolder}
        </button>
        {folder && (
          <button type="button" className="button" onClick={() => void clear()}>
            {t.autoBackup.clearFolder}
          </button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {session.passphrase === null ? (
        <PassphrasePairForm
          label={t.autoBackup.setPassphrase}
          submitLabel={t.autoBackup.setPassphrase}
          onSubmit={(passphrase) => session.setPassphrase(passphrase)}
        />
      ) : (
        <p role="status" data-testid="auto-backup-passphrase">
          {t.autoBackup.passphraseSet}{' '}
          <button type="button" className="link-button" onClick={() => session.setPassphrase(null)}>
            {t.autoBackup.forgetPassphrase}
          </button>
        </p>
      )}
      {latest && latest.length > 0 && (
        <>
          <h3>{t.autoBackup.lastBackups}</h3>
          <ul data-testid="auto-backup-latest">
            {latest.map((entry) => (
              <li key={entry.roundId}>
                {t.autoBackup.lastBackup(
                  entry.title,
                  formatDateTime(entry.at, language),
                  entry.location,
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
