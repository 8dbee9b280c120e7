import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AutoBackupHost } from '@shared/platform/Platform';
import { useServices } from '../../../app/AppServices';
import { storageFailureMessage } from '../../../data/storageErrors';
import { useI18n } from '../../../i18n/I18nProvider';
import { backupCrypto } from '../backupCrypto';
import { useAutoBackupSession } from './AutoBackupSession';
import type { CloseBackupPlan } from './closeBackup';
import { ModalDialog } from '../../../app/components/ModalDialog';
import { PassphrasePairForm } from './PassphrasePairForm';
import './autoBackup.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'passphrase'; plan: CloseBackupPlan }
  | { kind: 'running'; index: number; total: number; title: string }
  | { kind: 'failed'; message: string };

// The archive code loads when a close needs it, like the backup page, not with the first screen.
const loadCloseBackup = () => import('./closeBackup');

/** The round of a CloseBackupError, without importing the class (it lives in the lazy module). */
function roundOf(error: unknown): { title: string } | null {
  if (typeof error !== 'object' || error === null || !('round' in error)) return null;
  const round: unknown = error.round;
  return typeof round === 'object' && round !== null && 'title' in round
    ? { title: String(round.title) }
    : null;
}

/**
 * Answers main's close request (AutoBackupHost): acknowledges at once, finds the rounds changed
 * since their last automatic backup, asks for the passphrase if this run has none, writes one
 * archive per round with progress, and lets main close. Escape keeps the app open while it asks
 * (passphrase, failure); while archives are written it does nothing, and 跳过备份，直接退出 is
 * the way out.
 */
export function CloseBackupHandler() {
  const { platform } = useServices();
  return platform.autoBackup ? <CloseBackupFlow host={platform.autoBackup} /> : null;
}

function CloseBackupFlow({ host }: { host: AutoBackupHost }) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const session = useAutoBackupSession();
  const titleId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // A close is being handled (a second request while it is, is the same close).
  const active = useRef(false);
  // The user ended this close (closed or kept the app open): work still running in the
  // background must not touch the dialog again, and stops before the next round.
  const abandoned = useRef(false);
  const passphrase = useRef(session.passphrase);
  useEffect(() => {
    passphrase.current = session.passphrase;
  });

  const fail = useCallback(
    (error: unknown) => {
      // A CloseBackupError names the round and carries what failed (main's message says where
      // and what to do; a full disk here gets the app's own message).
      const round = roundOf(error);
      const cause = round && error instanceof Error ? error.cause : error;
      const reason = storageFailureMessage(cause, t.storage.quotaExceeded);
      setPhase({
        kind: 'failed',
        message: round ? t.autoBackup.failed(round.title, reason) : reason,
      });
    },
    [t],
  );

  const close = useCallback(async () => {
    abandoned.current = true;
    active.current = false;
    setPhase({ kind: 'idle' });
    await host.closeNow();
  }, [host]);

  const keepOpen = useCallback(async () => {
    abandoned.current = true;
    active.current = false;
    setPhase({ kind: 'idle' });
    await host.closeCancel();
  }, [host]);

  const run = useCallback(
    async (plan: CloseBackupPlan, secret: string) => {
      abandoned.current = false;
      // At once, so the passphrase form is gone before a second Enter could start a second run.
      setPhase({
        kind: 'running',
        index: 1,
        total: plan.rounds.length,
        title: plan.rounds[0]!.title,
      });
      try {
        const { runCloseBackup } = await loadCloseBackup();
        await runCloseBackup(plan, {
          db,
          host,
          passphrase: secret,
          crypto: backupCrypto(),
          generator: `review-desk ${await platform.appVersion()}`,
          onProgress: ({ index, total, round }) =>
            setPhase({ kind: 'running', index: index + 1, total, title: round.title }),
          stopped: () => abandoned.current,
        });
        if (!abandoned.current) await close();
      } catch (error) {
        if (!abandoned.current) fail(error);
      }
    },
    [db, host, platform, close, fail],
  );

  /** From the top: what changed, then the passphrase if needed, then the archives. */
  const start = useCallback(async () => {
    active.current = true;
    abandoned.current = false;
    setPhase({ kind: 'checking' });
    try {
      const { planCloseBackup } = await loadCloseBackup();
      const plan = await planCloseBackup(db, host);
      if (abandoned.current) return;
      if (plan === null || plan.rounds.length === 0) {
        await close();
        return;
      }
      if (passphrase.current === null) {
        setPhase({ kind: 'passphrase', plan });
        return;
      }
      await run(plan, passphrase.current);
    } catch (error) {
      if (!abandoned.current) fail(error);
    }
  }, [db, host, close, run, fail]);

  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });

  useEffect(
    () =>
      host.onCloseRequested(() => {
        // At once, before any work: main closes without us if this does not come in time.
        void host.closeAck();
        if (active.current) return;
        void startRef.current();
      }),
    [host],
  );

  if (phase.kind === 'idle') return null;
  const escapable = phase.kind === 'passphrase' || phase.kind === 'failed';
  return (
    <ModalDialog
      labelledBy={titleId}
      onEscape={escapable ? () => void keepOpen() : undefined}
      testId="close-backup"
    >
      <h2 id={titleId}>{t.autoBackup.dialogTitle}</h2>
      {phase.kind === 'checking' && <p role="status">{t.autoBackup.checking}</p>}
      {phase.kind === 'passphrase' && (
        <>
          <p>{t.autoBackup.askPassphrase(phase.plan.rounds.length)}</p>
          <PassphrasePairForm
            label={t.autoBackup.dialogTitle}
            submitLabel={t.autoBackup.backUpAndClose}
            autoFocus
            onSubmit={(secret) => {
              session.setPassphrase(secret);
              void run(phase.plan, secret);
            }}
          >
            <button type="button" className="button" onClick={() => void close()}>
              {t.autoBackup.skip}
            </button>
            <button type="button" className="link-button" onClick={() => void keepOpen()}>
              {t.autoBackup.keepOpen}
            </button>
          </PassphrasePairForm>
          <p className="muted">{t.autoBackup.escapeHint}</p>
        </>
      )}
      {phase.kind === 'running' && (
        <>
          <p role="status" data-testid="close-backup-progress">
            <progress max={phase.total} value={phase.index - 1} />{' '}
            {t.autoBackup.progress(phase.index, phase.total, phase.title)}
          </p>
          <div className="actions">
            <button type="button" className="button" autoFocus onClick={() => void close()}>
              {t.autoBackup.skipWaiting}
            </button>
          </div>
        </>
      )}
      {phase.kind === 'failed' && (
        <>
          <p className="error-text" role="alert">
            {phase.message}
          </p>
          <div className="actions">
            <button type="button" className="button primary" autoFocus onClick={() => void start()}>
              {t.autoBackup.retry}
            </button>
            <button type="button" className="button" onClick={() => void close()}>
              {t.autoBackup.closeWithout}
            </button>
            <button type="button" className="link-button" onClick={() => void keepOpen()}>
              {t.autoBackup.keepOpen}
            </button>
          </div>
          <p className="muted">{t.autoBackup.escapeHint}</p>
        </>
      )}
    </ModalDialog>
  );
}
