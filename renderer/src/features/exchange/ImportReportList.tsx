import type { ScoreFileReport } from '../../data/repositories/exchangeRepository';
import { useI18n } from '../../i18n/I18nProvider';

/** What importing each file did: counts per action, each sheet, or why the file was refused. */
export function ImportReportList({ reports }: { reports: readonly ScoreFileReport[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t.exchange.reportTitle}</h2>
      <ul className="report-list">
        {reports.map((report, i) => (
          <li
            key={`${i}-${report.fileName}`}
            className="card"
            data-testid="import-report"
            data-outcome={report.outcome}
          >
            <div>
              <span className="tag">{t.exchange.outcome[report.outcome]}</span>
              <strong className="mono">{report.fileName}</strong>
            </div>
            {report.outcome === 'refused' ? (
              <ul className="banner error" role="alert">
                {report.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : (
              <>
                {report.expert && report.keyFingerprint && (
                  <p className="muted">
                    {t.exchange.expertLine(
                      report.expert.name,
                      report.expert.id,
                      report.keyFingerprint,
                    )}
                  </p>
                )}
                <p data-testid="import-counts">
                  <strong>{t.exchange.counts(report.counts)}</strong>
                </p>
                {report.sheets.length > 0 && (
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{t.exchange.columns.packet}</th>
                        <th scope="col">{t.exchange.columns.action}</th>
                        <th scope="col">{t.exchange.columns.revision}</th>
                        <th scope="col">{t.exchange.columns.note}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.sheets.map((line) => (
                        <tr key={line.packetId}>
                          <td className="mono">{line.packetId}</td>
                          <td>{t.exchange.action[line.action]}</td>
                          <td>{t.exchange.revision(line.revision, line.heldRevision)}</td>
                          <td className="muted">{line.note ? t.exchange.note[line.note] : ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
