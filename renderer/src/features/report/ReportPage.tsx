import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { formatHundredths } from '@shared/compile';
import { programmeName } from '@shared/rounds/roundSettings';
import { renderVisibleSheets, SHEET, type CellValue, type SheetTable } from '@shared/workbook';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { reportView, shortHash, type ReportView } from '../../data/repositories/exportRepository';
import { resultsView } from '../../data/repositories/resultsRepository';
import type { ExpertRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';
import { ChairGate } from '../chair/ChairGate';
import { ResultsCharts } from '../results/ResultsCharts';
import { PrintedSection } from './PrintedSection';
import './report.css';

/** The 结果汇总 columns the paper shows; 分组 is the heading of each table instead. */
const GROUP_COLUMN = 5;
const SCORE_COLUMN = 7;
/** 项目名称, 申报单位 and 标记 wrap; the short columns stay on one line so they stay readable. */
const WRAPPING = new Set([2, 3, 9]);

/**
 * The printed report: results per group, the charts and 专家签字表. Every expert's points are in
 * the charts, so like the results screen only the chair opens it, with their PIN.
 */
export function ReportPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  return (
    <ChairGate roundId={roundId} title={t.report.title} noChairMessage={t.results.noChair}>
      {(chair) => <ReportScreen roundId={roundId} chair={chair} />}
    </ChairGate>
  );
}

function localDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

function cellText(value: CellValue, column: number): string {
  if (value === null) return '';
  if (column === SCORE_COLUMN && typeof value === 'number') {
    return formatHundredths(Math.round(value * 100));
  }
  return String(value);
}

function ReportScreen({ roundId, chair }: { roundId: string; chair: ExpertRow }) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const report = useLiveQuery(() => reportView(db, roundId), [db, roundId]);
  const charts = useLiveQuery(() => resultsView(db, roundId), [db, roundId]);
  const [printError, setPrintError] = useState<string | null>(null);
  if (!report || !charts) return <main className="page" aria-busy="true" />;

  const record = report.exportMatches ? report.lastExport : null;
  const hash = record ? shortHash(record.sha256) : null;
  const today = localDate(new Date());
  const names = new Map(charts.experts.map((e) => [e.id, e.name]));

  async function print() {
    setPrintError(null);
    try {
      await platform.printToPdf({ suggestedName: `${roundId}-评审结果报告.pdf` });
    } catch (error) {
      setPrintError(messageOf(error));
    }
  }

  return (
    <main className="page report-page">
      <div className="report-toolbar">
        <a href={hrefFor({ name: 'results', roundId })}>{t.report.back}</a>
        <button type="button" className="button primary" onClick={() => void print()}>
          {t.report.print}
        </button>
        <span className="muted small">{t.report.printHint}</span>
        {printError && (
          <p className="banner error" role="alert">
            {printError}
          </p>
        )}
      </div>
      {!report.readiness.ok && (
        <p className="banner error report-warning" role="alert">
          {t.report.notConfirmed}
          {report.readiness.message}
        </p>
      )}
      {report.lastExport === null && (
        <p className="banner error report-warning" role="alert">
          {t.report.notExported}
        </p>
      )}
      {report.lastExport !== null && !report.exportMatches && (
        <p className="banner error report-warning" role="alert">
          {t.report.stale}
        </p>
      )}

      <article className="report-doc" aria-label={t.report.title}>
        <ReportSection report={report} hash={hash}>
          <h1>{t.report.title}</h1>
          <MatchBlock report={report} today={today} />
          <h2>{t.report.summary}</h2>
          <SummaryTables report={report} />
        </ReportSection>

        {fieldSheets(report).map((sheet) => (
          <ReportSection key={sheet.name} report={report} hash={hash}>
            <h2>{sheet.name}</h2>
            <SheetTableView sheet={sheet} />
          </ReportSection>
        ))}

        <ReportSection report={report} hash={hash} className="report-charts">
          <ResultsCharts view={charts} names={names} />
        </ReportSection>

        <ReportSection report={report} hash={hash} className="report-signatures">
          <h2>{t.report.signatures}</h2>
          <MatchBlock report={report} today={today} />
          <p>{t.report.signatureIntro}</p>
          <SignatureTable report={report} chairId={chair.id} />
        </ReportSection>
      </article>
    </main>
  );
}

/**
 * One part of the report, starting on a new page. The table's header and footer groups repeat on
 * every printed page the part spans, so each page carries the round and the short hash with its
 * QR code, and the footer's space is reserved instead of overlapping the content.
 */
function ReportSection({
  report,
  hash,
  className,
  children,
}: {
  report: ReportView;
  hash: string | null;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <PrintedSection
      head={`${report.title}（${report.roundId}）`}
      hashLabel={t.report.shortHash}
      hash={hash}
      qrLabel={t.report.qrLabel}
      qrSize="18mm"
      hashTestId="report-short-hash"
      className={`report-section ${className ?? ''}`}
    >
      {children}
    </PrintedSection>
  );
}

/** What matches paper to file: the round, the date, the workbook's key id and payload hash. */
function MatchBlock({ report, today }: { report: ReportView; today: string }) {
  const { t } = useI18n();
  const record = report.exportMatches ? report.lastExport : null;
  return (
    <dl className="report-match">
      <dt>{t.report.round}</dt>
      <dd>
        {report.title}（{report.roundId}）
      </dd>
      {report.programme && (
        <>
          <dt>{t.report.programme}</dt>
          <dd>{programmeName(report.programme)}</dd>
        </>
      )}
      <dt>{t.report.kind}</dt>
      <dd>{t.home.kind[report.kind] ?? report.kind}</dd>
      <dt>{t.report.date}</dt>
      <dd>{today}</dd>
      <dt>{t.report.file}</dt>
      <dd>{record?.fileName ?? '—'}</dd>
      <dt>{t.report.keyId}</dt>
      <dd data-testid="report-key-id">{record?.keyId ?? '—'}</dd>
      <dt>{t.report.sha256}</dt>
      <dd className="printed-hash" data-testid="report-sha256">
        {record?.sha256 ?? '—'}
      </dd>
    </dl>
  );
}

/** The sheets (城市排名, 专家组意见, 问题清单, 动态调整) a round's workbook may carry, for the paper too. */
const FIELD_SHEETS = new Set<string>([
  SHEET.cityRanking,
  SHEET.opinions,
  SHEET.findings,
  SHEET.adjustments,
]);

function fieldSheets(report: ReportView): SheetTable[] {
  return renderVisibleSheets(report.payload).filter((sheet) => FIELD_SHEETS.has(sheet.name));
}

/** A workbook sheet as the workbook renders it, so paper and file say the same. */
function SheetTableView({ sheet }: { sheet: SheetTable }) {
  return (
    <table className="report-table" data-testid={`report-sheet-${sheet.name}`}>
      <thead>
        <tr>
          {sheet.columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sheet.rows.map((row, r) => (
          <tr key={r}>
            {sheet.columns.map((column, i) => (
              <td key={column.header}>
                {row[i] === null || row[i] === undefined ? '' : String(row[i])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 结果汇总 exactly as the workbook renders it (renderVisibleSheets), one table per group. */
function SummaryTables({ report }: { report: ReportView }) {
  const { t } = useI18n();
  const summary = renderVisibleSheets(report.payload)[0]!;
  const groups: { group: string; rows: CellValue[][] }[] = [];
  for (const row of summary.rows) {
    const group = typeof row[GROUP_COLUMN] === 'string' ? row[GROUP_COLUMN] : '';
    const last = groups[groups.length - 1];
    if (last && last.group === group) last.rows.push(row);
    else groups.push({ group, rows: [row] });
  }
  const shown = summary.columns.map((_, i) => i).filter((i) => i !== GROUP_COLUMN);
  return (
    <>
      {groups.map(({ group, rows }) => (
        <section key={group} className="report-group">
          <h3>{t.report.group(group)}</h3>
          <table className="report-table" data-testid={`report-group-${group}`}>
            <thead>
              <tr>
                {shown.map((i) => (
                  <th key={i} scope="col">
                    {summary.columns[i]!.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={String(row[1])} data-testid={`report-row-${String(row[1])}`}>
                  {shown.map((i) => (
                    <td
                      key={i}
                      className={
                        i === SCORE_COLUMN
                          ? 'number nowrap'
                          : WRAPPING.has(i)
                            ? undefined
                            : 'nowrap'
                      }
                    >
                      {cellText(row[i] ?? null, i)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function SignatureTable({ report, chairId }: { report: ReportView; chairId: string }) {
  const { t } = useI18n();
  const c = t.report.columns;
  return (
    <table className="report-table signature-table" data-testid="signature-table">
      <thead>
        <tr>
          <th scope="col">{c.no}</th>
          <th scope="col">{c.name}</th>
          <th scope="col">{c.org}</th>
          <th scope="col">{c.role}</th>
          <th scope="col">{c.dissent}</th>
          <th scope="col">{c.sign}</th>
          <th scope="col">{c.date}</th>
        </tr>
      </thead>
      <tbody>
        {report.signers.map((signer, index) => (
          <tr key={signer.id} className={signer.id === chairId ? 'chair' : undefined}>
            <td>{index + 1}</td>
            <td>{signer.name}</td>
            <td>{signer.org}</td>
            <td>{t.report.roles[signer.role] ?? signer.role}</td>
            <td className="dissent">{signer.dissent ?? t.report.none}</td>
            <td className="sign-line" aria-label={`${signer.name} ${c.sign}`} />
            <td className="date-line" />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
