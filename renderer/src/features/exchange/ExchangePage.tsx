import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { useSessions } from '../../app/Sessions';
import { importScoreFiles, type ScoreFileReport } from '../../data/repositories/exchangeRepository';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { SecretariatGate } from '../secretariat/SecretariatGate';
import { OpenConflictsNotice } from './OpenConflictsNotice';
import { ExpertKeyList } from './ExpertKeyList';
import { ImportReportList } from './ImportReportList';

/**
 * 评分文件汇总: the secretariat imports the experts' score files and sees what each one did. A
 * file is accepted only when signed by the key registered for its expert at 签到.
 */
export function ExchangePage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  return (
    <SecretariatGate title={t.exchange.title} reason={t.exchange.gateReason}>
      {(session) => <ExchangeScreen roundId={roundId} session={session} />}
    </SecretariatGate>
  );
}

function ExchangeScreen({ roundId, session }: { roundId: string; session: Session }) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const { guard } = useSessions();
  const [reports, setReports] = useState<ScoreFileReport[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onImport() {
    setError(null);
    try {
      const files = await platform.openFiles({
        title: t.exchange.pickTitle,
        filters: [{ name: t.exchange.fileFilter, extensions: ['json'] }],
        multiple: true,
      });
      if (files.length === 0) return;
      setBusy(true);
      const outcome = await guard(() => importScoreFiles(db, session, roundId, files));
      if (outcome) setReports(outcome);
    } catch (e) {
      setError(t.exchange.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  }

  const anyRefused = reports?.some((r) => r.outcome === 'refused') ?? false;
  return (
    <main className="page">
      <div className="page-title">
        <h1>{t.exchange.title}</h1>
        <button type="button" className="button primary" onClick={onImport} disabled={busy}>
          {busy ? t.exchange.importing : t.exchange.import}
        </button>
      </div>
      <p className="muted">{t.exchange.hint}</p>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {reports && <ImportReportList reports={reports} />}
      {anyRefused && (
        <p className="banner warning">
          {t.exchange.registerHint}{' '}
          <a href={hrefFor({ name: 'checkIn', roundId })}>{t.exchange.goToCheckIn}</a>
        </p>
      )}
      <OpenConflictsNotice roundId={roundId} />
      <ExpertKeyList roundId={roundId} />
    </main>
  );
}
