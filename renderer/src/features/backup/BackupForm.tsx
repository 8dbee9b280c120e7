import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { BACKUP_PASSPHRASE_MIN_LENGTH, writeRoundBackup } from '@shared/backup';
import { useServices } from '../../app/AppServices';
import { collectRoundBackup } from '../../data/repositories/backupRepository';
import { listRounds } from '../../data/repositories/roundRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { backupCrypto, backupFileName } from './backupCrypto';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string; step: number }
  | { kind: 'done'; text: string; tone: 'info' | 'error' };

/** 备份本轮: pick a round, a passphrase twice, and where to save the encrypted archive. */
export function BackupForm({ initialRoundId }: { initialRoundId?: string }) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const rounds = useLiveQuery(() => listRounds(db), [db]);
  const [roundId, setRoundId] = useState(initialRoundId ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  if (rounds === undefined) return null;
  if (rounds.length === 0) return <p className="muted">{t.backup.noRounds}</p>;
  const selected = rounds.find((r) => r.id === roundId) ?? rounds[0]!;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (passphrase.length < BACKUP_PASSPHRASE_MIN_LENGTH) {
      setStatus({
        kind: 'done',
        tone: 'error',
        text: t.backup.tooShort(BACKUP_PASSPHRASE_MIN_LENGTH),
      });
      return;
    }
    if (passphrase !== confirmation) {
      setStatus({ kind: 'done', tone: 'error', text: t.backup.mismatch });
      return;
    }
    try {
      setStatus({ kind: 'busy', label: t.backup.collecting, step: 1 });
      const now = new Date();
      const content = await collectRoundBackup(db, selected.id, now);
      setStatus({ kind: 'busy', label: t.backup.encrypting, step: 2 });
      const bytes = await writeRoundBackup(content, passphrase, {
        crypto: backupCrypto(),
        info: {
          roundId: selected.id,
          roundTitle: selected.title,
          createdAt: now.toISOString(),
          generator: `review-desk ${await platform.appVersion()}`,
        },
      });
      const outcome = await platform.saveFile({
        title: t.backup.saveTitle,
        suggestedName: backupFileName(selected.id, now),
        filters: [{ name: t.backup.filterName, extensions: ['rdbackup'] }],
        bytes,
      });
      setStatus(
        outcome.saved
          ? { kind: 'done', tone: 'info', text: t.backup.saved(outcome.location) }
          : { kind: 'done', tone: 'info', text: t.backup.cancelled },
      );
    } catch (error) {
      setStatus({
        kind: 'done',
        tone: 'error',
        text: error instanceof Error ? error.message : String(error),
      });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <form className="card stack" onSubmit={onSubmit} aria-label={t.backup.backupRound}>
      <h2>{t.backup.backupRound}</h2>
      <label>
        {t.backup.pickRound}
        <select value={selected.id} onChange={(e) => setRoundId(e.target.value)} disabled={busy}>
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}（{r.id}）
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.backup.passphrase}
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          disabled={busy}
        />
      </label>
      <label>
        {t.backup.confirmation}
        <input
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
          disabled={busy}
        />
      </label>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t.backup.backupRound}
        </button>
      </div>
      {status.kind === 'busy' && (
        <p role="status">
          <progress max={3} value={status.step} /> {status.label}
        </p>
      )}
      {status.kind === 'done' && (
        <p
          className={status.tone === 'error' ? 'error-text' : undefined}
          role={status.tone === 'error' ? 'alert' : 'status'}
          data-testid="backup-message"
        >
          {status.text}
        </p>
      )}
    </form>
  );
}
