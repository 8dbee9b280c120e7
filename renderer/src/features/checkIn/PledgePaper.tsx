import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/AppServices';
import { formatDate, formatDateTime } from '../../app/format/dateTime';
import { useSessions } from '../../app/Sessions';
import { OutcomeBanner, type Outcome } from '../../app/components/OutcomeBanner';
import { pledgeView, recordPledgePrinted } from '../../data/repositories/pledgeRepository';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';
import { QrCode } from '../report/QrCode';
import './pledge.css';

/**
 * The 承诺书 of one checked-in expert, as it prints: A4, the commitments, the round, the expert,
 * the registered key's fingerprint, the date and a line for the handwritten signature, with the
 * check code and its QR code at the foot. 打印 / 保存为 PDF goes through the platform (the
 * desktop app saves a PDF; the browser opens its print dialog) and is audited.
 */
export function PledgePaper({
  roundId,
  expertId,
  session,
  onBack,
}: {
  roundId: string;
  expertId: string;
  session: Session;
  onBack: () => void;
}) {
  const { t, language } = useI18n();
  const p = t.pledge;
  const { db, platform } = useServices();
  const { guard } = useSessions();
  const pledge = useLiveQuery(() => pledgeView(db, roundId, expertId), [db, roundId, expertId]);
  const [message, setMessage] = useState<Outcome | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (pledge === undefined) return <main className="page" aria-busy="true" />;
  if (pledge === null) {
    return (
      <main className="page">
        <button type="button" className="button" onClick={onBack}>
          {p.back}
        </button>
      </main>
    );
  }
  const current = pledge;

  async function print() {
    setMessage(null);
    try {
      const done = await guard(async () => {
        await recordPledgePrinted(db, session, current);
        await platform.printToPdf({ suggestedName: `${roundId}-${expertId}-承诺书.pdf` });
        return true;
      });
      if (done) setMessage({ ok: true, text: p.printed(current.name) });
    } catch (e) {
      setMessage({ ok: false, text: t.checkIn.failed(messageOf(e)) });
    }
  }

  return (
    <main className="page pledge-page">
      <div className="pledge-toolbar">
        <button type="button" className="button" onClick={onBack}>
          {p.back}
        </button>
        <button type="button" className="button primary" onClick={() => void print()}>
          {p.print}
        </button>
        <span className="muted small">{p.printHint}</span>
        <OutcomeBanner outcome={message} />
      </div>
      <article className="pledge-paper" aria-labelledby="pledge-heading">
        <h1 id="pledge-heading" ref={heading} tabIndex={-1}>
          {p.heading}
        </h1>
        <dl className="pledge-facts">
          <dt>{p.round}</dt>
          <dd>
            {pledge.roundTitle}（{pledge.roundId}）
          </dd>
          <dt>{p.expert}</dt>
          <dd>
            {pledge.name}（{pledge.expertId}）
          </dd>
          <dt>{p.org}</dt>
          <dd>{pledge.org || '—'}</dd>
          {pledge.title && (
            <>
              <dt>{p.rank}</dt>
              <dd>{pledge.title}</dd>
            </>
          )}
          <dt>{p.fingerprint}</dt>
          <dd className={pledge.fingerprint ? 'mono' : 'pledge-missing'} data-testid="pledge-key">
            {pledge.fingerprint ?? p.noKey}
          </dd>
          <dt>{p.checkedInAt}</dt>
          <dd>{formatDateTime(pledge.checkedInAt, language)}</dd>
        </dl>
        <p>{p.intro(pledge.roundTitle)}</p>
        <ol className="pledge-commitments">
          {p.commitments.map(([name, text]) => (
            <li key={name}>
              <strong>{name}</strong> {text}
            </li>
          ))}
        </ol>
        <p>{p.keyNote}</p>
        <p>{p.breach}</p>
        <div className="pledge-sign">
          <p>
            {p.signature}：<span className="pledge-line" />
          </p>
          <p>
            {p.date}：{formatDate(pledge.checkedInAt, language)}
          </p>
        </div>
        <footer className="pledge-foot">
          <span>
            {p.code}{' '}
            <span className="mono" data-testid="pledge-code">
              {pledge.code}
            </span>
          </span>
          <QrCode text={pledge.code} size="18mm" label={p.qrLabel(pledge.code)} />
        </footer>
      </article>
    </main>
  );
}
