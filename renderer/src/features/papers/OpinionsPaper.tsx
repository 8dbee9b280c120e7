import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { formatHundredths } from '@shared/compile';
import { useServices } from '../../app/AppServices';
import { formatDateTime } from '../../app/format/dateTime';
import { hrefFor } from '../../app/router';
import { saveOpinion } from '../../data/repositories/opinionRepository';
import { opinionsView, type OpinionLine } from '../../data/repositories/papersRepository';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { PaperSection, PaperToolbar, SignatureLine, paperDate } from './PaperFrame';

const scoreText = (score: number | null) =>
  score === null ? '—' : formatHundredths(Math.round(score * 100));

/**
 * 专家组意见: the chair writes the panel's opinion per packet (required for 建议入选 and 建议取消资格)
 * and prints the opinions with a line for the chair's signature.
 */
export function OpinionsPaper({ roundId, session }: { roundId: string; session: Session }) {
  const { t } = useI18n();
  const o = t.papers.opinions;
  const { db } = useServices();
  const view = useLiveQuery(() => opinionsView(db, roundId), [db, roundId]);
  if (!view) return <main className="page" aria-busy="true" />;
  const written = view.lines.filter((l) => l.opinion);
  return (
    <main className="page papers-page">
      <PaperToolbar
        backHref={hrefFor({ name: 'papers', roundId, paper: 'index' })}
        backLabel={t.papers.back}
        pdfName={`${roundId}-专家组意见.pdf`}
      />
      <section className="papers-editor" aria-label={o.write}>
        <h1>{o.title}</h1>
        <p className="muted">{o.intro}</p>
        {view.locked && <p className="banner">{o.locked}</p>}
        <ul className="papers-opinion-list">
          {view.lines.map((line) => (
            <OpinionEditor
              key={line.packetId}
              roundId={roundId}
              session={session}
              line={line}
              locked={view.locked}
            />
          ))}
        </ul>
      </section>
      <PaperSection
        roundTitle={view.roundTitle}
        roundId={view.roundId}
        digest={view.digest}
        label={o.printTitle}
      >
        <h1>{o.printTitle}</h1>
        <dl className="papers-match">
          <dt>{t.papers.round}</dt>
          <dd>{view.roundTitle}</dd>
          <dt>{t.papers.date}</dt>
          <dd>{paperDate()}</dd>
        </dl>
        <p>{o.printIntro}</p>
        {written.length === 0 ? (
          <p>{o.noneWritten}</p>
        ) : (
          <table className="papers-table" data-testid="opinions-table">
            <thead>
              <tr>
                <th scope="col">{t.papers.sheet.packet}</th>
                <th scope="col">{o.score}</th>
                <th scope="col">{o.recommendation}</th>
                <th scope="col">{o.title}</th>
              </tr>
            </thead>
            <tbody>
              {written.map((line) => (
                <tr key={line.packetId} data-testid={`opinion-row-${line.packetId}`}>
                  <td>
                    {line.packetId} {line.title}
                    <br />
                    <span className="muted small">{line.applicant}</span>
                  </td>
                  <td className="number nowrap">{scoreText(line.score)}</td>
                  <td className="nowrap">{line.recommendation || '—'}</td>
                  <td className="papers-text">{line.opinion!.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <SignatureLine sign={o.chairSign} date={o.signDate} />
      </PaperSection>
    </main>
  );
}

function OpinionEditor({
  roundId,
  session,
  line,
  locked,
}: {
  roundId: string;
  session: Session;
  line: OpinionLine;
  locked: boolean;
}) {
  const { t, language } = useI18n();
  const o = t.papers.opinions;
  const { db } = useServices();
  const [text, setText] = useState(line.opinion?.text ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const label = o.label(line.packetId);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await saveOpinion(db, session, roundId, line.packetId, text);
      setMessage({ ok: true, text: o.saved });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <li className="card papers-opinion" data-testid={`opinion-${line.packetId}`}>
      <form onSubmit={(e) => void onSubmit(e)} aria-label={label}>
        <p>
          <strong>
            {line.packetId} {line.title}
          </strong>{' '}
          <span className="muted">
            {line.group} · {scoreText(line.score)} · {line.recommendation || '—'}
          </span>{' '}
          <span className={line.required ? 'tag papers-required' : 'tag'}>
            {line.required ? o.required : o.optional}
          </span>
          {line.required && !line.opinion && <span className="error-text"> {o.missing}</span>}
        </p>
        <textarea
          rows={3}
          value={text}
          aria-label={label}
          disabled={locked}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="row-actions">
          <button type="submit" className="button" disabled={locked}>
            {o.save}
          </button>
          {line.opinion && (
            <span className="muted small">
              {o.by(line.opinion.chair, formatDateTime(line.opinion.at, language))}
            </span>
          )}
        </div>
        {message && (
          <p
            className={message.ok ? 'banner success' : 'error-text'}
            role={message.ok ? 'status' : 'alert'}
          >
            {message.text}
          </p>
        )}
      </form>
    </li>
  );
}
