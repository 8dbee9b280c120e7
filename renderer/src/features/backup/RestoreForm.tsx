import { useState, type FormEvent } from 'react';
import { readBackupHeader, readRoundBackup, type BackupContent } from '@shared/backup';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { hrefFor } from '../../app/router';
import { restoreRoundBackup } from '../../data/repositories/backupRepository';
import { storageFailureMessage } from '../../data/storageErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { backupCrypto } from './backupCrypto';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string; step: number }
  | { kind: 'confirm'; content: BackupContent; title: string; source: string }
  | { kind: 'done'; text: string; tone: 'info' | 'error'; roundId?: string };

/**
 * 恢复备份: pick an archive, give its passphrase. Nothing is written unless the archive decrypts,
 * authenticates and checks; a round already on this laptop is replaced only when confirmed.
 */
export function RestoreForm() {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const { secretariat, guard } = useSessions();
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const fail = (error: unknown) =>
    setStatus({
      kind: 'done',
      tone: 'error',
      text: storageFailureMessage(error, t.storage.quotaExceeded, t.storage.blobsNotWritten),
    });

  async function write(content: BackupContent, source: string, replace: boolean) {
    setStatus({ kind: 'busy', label: t.backup.restoring, step: 3 });
    // Replacing a stored round brings its panel, PINs and keys: the secretariat's to confirm.
    const outcome = await guard(() =>
      restoreRoundBackup(db, content, { replace, source, session: secretariat }),
    );
    const title = String(content.tables.find((x) => x.name === 'rounds')?.rows[0]?.title ?? '');
    if (!outcome) {
      setStatus({ kind: 'confirm', content, title, source });
      return;
    }
    if (outcome.kind === 'exists') {
      setStatus({ kind: 'confirm', content, title: outcome.title, source });
      return;
    }
    setStatus({
      kind: 'done',
      tone: 'info',
      text: t.backup.restored(title),
      roundId: outcome.roundId,
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const [file] = await platform.openFiles({
        title: t.backup.openTitle,
        filters: [{ name: t.backup.filterName, extensions: ['rdbackup'] }],
        multiple: false,
      });
      if (!file) return;
      setStatus({ kind: 'busy', label: t.backup.reading(file.name), step: 1 });
      const header = readBackupHeader(file.bytes);
      if (!header.ok) {
        setStatus({ kind: 'done', tone: 'error', text: `${file.name}：${header.message}` });
        return;
      }
      setStatus({ kind: 'busy', label: t.backup.decrypting, step: 2 });
      const read = await readRoundBackup(file.bytes, passphrase, { crypto: backupCrypto() });
      if (!read.ok) {
        setStatus({ kind: 'done', tone: 'error', text: `${file.name}：${read.message}` });
        return;
      }
      await write(read.content, file.name, false);
    } catch (error) {
      fail(error);
    }
  }

  async function onReplace() {
    if (status.kind !== 'confirm') return;
    try {
      await write(status.content, status.source, true);
    } catch (error) {
      fail(error);
    }
  }

  const busy = status.kind === 'busy';
  return (
    <form className="card stack" onSubmit={onSubmit} aria-label={t.backup.restore}>
      <h2>{t.backup.restore}</h2>
      <label>
        {t.backup.restorePassphrase}
        <input
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          disabled={busy}
        />
      </label>
      <div className="actions">
        <button type="submit" className="button" disabled={busy || passphrase === ''}>
          {t.backup.restore}
        </button>
      </div>
      {status.kind === 'busy' && (
        <p role="status">
          <progress max={3} value={status.step} /> {status.label}
        </p>
      )}
      {status.kind === 'confirm' && (
        <div role="alertdialog" aria-label={t.backup.replace} data-testid="restore-confirm">
          <p>{t.backup.exists(status.title)}</p>
          <div className="actions">
            <button type="button" className="button danger" onClick={onReplace}>
              {t.backup.replace}
            </button>
            <button type="button" className="button" onClick={() => setStatus({ kind: 'idle' })}>
              {t.backup.cancel}
            </button>
          </div>
        </div>
      )}
      {status.kind === 'done' && (
        <p
          className={status.tone === 'error' ? 'error-text' : undefined}
          role={status.tone === 'error' ? 'alert' : 'status'}
          data-testid="restore-message"
        >
          {status.text}{' '}
          {status.roundId && (
            <a href={hrefFor({ name: 'packets', roundId: status.roundId })}>{t.home.open}</a>
          )}
        </p>
      )}
    </form>
  );
}
