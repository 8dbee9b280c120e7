import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/AppServices';
import { useExpertSession } from '../../app/Sessions';
import { hrefFor } from '../../app/router';
import { getExpert } from '../../data/repositories/queries';
import { dissentOf, recordDissent } from '../../data/repositories/resultsRepository';
import type { DissentRow, ExpertRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../app/format/dateTime';
import { PinGate } from '../scoring/PinGate';

/** An expert records their own 保留意见, behind their own PIN. */
export function DissentPage({ roundId, expertId }: { roundId: string; expertId: string }) {
  const { db } = useServices();
  const expert = useLiveQuery(() => getExpert(db, roundId, expertId), [db, roundId, expertId]);
  if (!expert) return <main className="page" aria-busy="true" />;
  return (
    <PinGate roundId={roundId} expert={expert}>
      <DissentLoader roundId={roundId} expert={expert} />
    </PinGate>
  );
}

function DissentLoader({ roundId, expert }: { roundId: string; expert: ExpertRow }) {
  const { db } = useServices();
  const current = useLiveQuery(
    async () => (await dissentOf(db, roundId, expert.id)) ?? null,
    [db, roundId, expert.id],
  );
  if (current === undefined) return <main className="page" aria-busy="true" />;
  return <DissentForm roundId={roundId} expert={expert} current={current} />;
}

function DissentForm({
  roundId,
  expert,
  current,
}: {
  roundId: string;
  expert: ExpertRow;
  current: DissentRow | null;
}) {
  const { t, language } = useI18n();
  const { db } = useServices();
  const session = useExpertSession(roundId, expert.id);
  const [text, setText] = useState(current?.text ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await recordDissent(db, session, roundId, expert.id, text);
      setMessage({ ok: true, text: t.results.dissent.saved });
    } catch (e) {
      setMessage({ ok: false, text: t.results.failed(e instanceof Error ? e.message : String(e)) });
    }
  }

  return (
    <main className="page narrow">
      <h1>{t.results.dissent.pageTitle(expert.name)}</h1>
      <p className="muted">{t.results.dissent.recordHint}</p>
      <form className="conflict-form" onSubmit={onSubmit} aria-label={t.results.dissent.title}>
        <label>
          {t.results.dissent.text}
          <textarea rows={4} autoFocus value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {current && (
          <p className="muted small">
            {t.results.dissent.at(formatDateTime(current.at, language))}
          </p>
        )}
        <div className="row-actions">
          <button type="submit" className="button primary">
            {t.results.dissent.save}
          </button>
          <a className="button" href={hrefFor({ name: 'results', roundId })}>
            {t.results.dissent.back}
          </a>
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
    </main>
  );
}
