import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { importScoreFiles, type ScoreFileReport } from '../../data/repositories/exchangeRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { OpenConflictsNotice } from './OpenConflictsNotice';
import { ExpertKeyList } from './ExpertKeyList';
import { ImportReportList } from './ImportReportList';

/** 评分文件汇总: the secretariat imports the experts' score files and sees what each one did. */
export function ExchangePage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { db, platform } = useServices();
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
      setReports(await importScoreFiles(db, roundId, files));
    } catch (e) {
      setError(t.exchange.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  }

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
      <OpenConflictsNotice roundId={roundId} />
      <ExpertKeyList roundId={roundId} />
    </main>
  );
}
