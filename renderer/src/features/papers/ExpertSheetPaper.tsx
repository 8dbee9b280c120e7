import { useLiveQuery } from 'dexie-react-hooks';
import { formatPoints } from '@shared/compile';
import { useServices } from '../../app/AppServices';
import { formatDateTime } from '../../app/format/dateTime';
import { expertPaperView } from '../../data/repositories/papersRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { PaperSection, PaperToolbar, SignatureLine, paperDate } from './PaperFrame';

/**
 * 专家评分表: one expert's submitted sheets — points per criterion, total, vetoes with reasons and
 * comments — and their 回避, with a line for the expert's signature. Printable once the expert has
 * nothing assigned left to submit.
 */
export function ExpertSheetPaper({
  roundId,
  expertId,
  backHref,
  backLabel,
}: {
  roundId: string;
  expertId: string;
  backHref: string;
  backLabel: string;
}) {
  const { t, language } = useI18n();
  const s = t.papers.sheet;
  const { db } = useServices();
  const view = useLiveQuery(
    () =>
      expertPaperView(db, roundId, expertId).then(
        (v) => ({ ok: true as const, v }),
        (e: unknown) => ({
          ok: false as const,
          message: e instanceof Error ? e.message : String(e),
        }),
      ),
    [db, roundId, expertId],
  );
  if (!view) return <main className="page" aria-busy="true" />;
  if (!view.ok) {
    return (
      <main className="page narrow">
        <PaperToolbar backHref={backHref} backLabel={backLabel} pdfName={null} />
        <p className="banner error" role="alert">
          {t.papers.loadFailed}
          {view.message}
        </p>
      </main>
    );
  }
  const { status, paper, digest } = view.v;
  const ready = status.outstanding.length === 0;
  return (
    <main className="page papers-page">
      <PaperToolbar
        backHref={backHref}
        backLabel={backLabel}
        pdfName={ready ? `${roundId}-专家评分表-${paper.expert.name}.pdf` : null}
      />
      {!ready ? (
        <p className="banner warning" role="alert" data-testid="paper-not-ready">
          {s.notReady(status.name, status.outstanding.join('、'))}
        </p>
      ) : (
        <PaperSection
          roundTitle={paper.roundTitle}
          roundId={paper.roundId}
          digest={digest}
          label={s.title}
        >
          <h1>{s.title}</h1>
          <dl className="papers-match">
            <dt>{t.papers.round}</dt>
            <dd>{paper.roundTitle}</dd>
            <dt>{s.expert}</dt>
            <dd data-testid="paper-expert">
              {paper.expert.name}（{paper.expert.id}）
            </dd>
            <dt>{s.org}</dt>
            <dd>{paper.expert.org || '—'}</dd>
            <dt>{t.papers.date}</dt>
            <dd>{paperDate()}</dd>
          </dl>
          {paper.sheets.length === 0 ? (
            <p>{s.none}</p>
          ) : (
            <>
              <table className="papers-table papers-points" data-testid="paper-points">
                <thead>
                  <tr>
                    <th scope="col">{s.packet}</th>
                    {paper.criteria.map((c) => (
                      <th key={c.id} scope="col" className="number">
                        {c.title}
                        <span className="papers-max">{s.max(c.max)}</span>
                      </th>
                    ))}
                    <th scope="col" className="number">
                      {s.total}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {paper.sheets.map((sheet) => (
                    <tr key={sheet.packetId} data-testid={`paper-sheet-${sheet.packetId}`}>
                      <th scope="row">
                        {sheet.packetId} {sheet.title}
                      </th>
                      {sheet.points.map((value, i) => (
                        <td key={paper.criteria[i]!.id} className="number">
                          {value === null ? '' : formatPoints(value)}
                        </td>
                      ))}
                      <td className="number strong">{formatPoints(sheet.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="papers-table" data-testid="paper-comments">
                <thead>
                  <tr>
                    <th scope="col">{s.packet}</th>
                    <th scope="col">{s.vetoes}</th>
                    <th scope="col">{s.comment}</th>
                    <th scope="col">{s.submittedAt}</th>
                  </tr>
                </thead>
                <tbody>
                  {paper.sheets.map((sheet) => (
                    <tr key={sheet.packetId}>
                      <td className="nowrap">{sheet.packetId}</td>
                      <td>
                        {sheet.vetoes.length === 0
                          ? s.noVeto
                          : sheet.vetoes.map((v) => s.vetoReason(v.title, v.reason)).join('；')}
                      </td>
                      <td className="papers-text">{sheet.comment || s.noComment}</td>
                      <td className="nowrap">
                        {sheet.submittedAt ? formatDateTime(sheet.submittedAt, language) : ''}
                        <br />
                        {s.revision(sheet.revision)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {paper.conflicts.length > 0 && (
            <>
              <h2>{s.conflicts}</h2>
              <table className="papers-table">
                <thead>
                  <tr>
                    <th scope="col">{s.packet}</th>
                    <th scope="col">{s.conflictReason}</th>
                  </tr>
                </thead>
                <tbody>
                  {paper.conflicts.map((c) => (
                    <tr key={c.packetId}>
                      <td>
                        {c.packetId} {c.title}
                      </td>
                      <td className="papers-text">{c.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <p className="papers-pledge">{s.pledge}</p>
          <SignatureLine sign={s.sign} date={s.signDate} />
        </PaperSection>
      )}
    </main>
  );
}
