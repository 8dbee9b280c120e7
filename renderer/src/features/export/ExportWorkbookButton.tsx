import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import {
  exportReadinessFor,
  prepareResultExport,
  recordResultExport,
  type ExportRecord,
} from '../../data/repositories/exportRepository';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';
import { KeyPrompt, keyNeedOf, type KeyNeed } from '../keys/KeyPrompt';
import './export.css';

type Outcome =
  | {
      kind: 'exported';
      record: ExportRecord;
      keyCreated: boolean;
      /** The evidence archive saved beside the workbook; null when the round has none. */
      evidence: { files: number; location: string | null } | null;
    }
  | { kind: 'cancelled' }
  | { kind: 'needs'; need: KeyNeed }
  | { kind: 'failed'; message: string };

/**
 * 导出结果工作簿: compiled, confirmed results → signed .xlsx saved where the user chooses. Sits on
 * the chair's results page; `session` (the chair's) is who the audit log names.
 */
export function ExportWorkbookButton({
  roundId,
  session,
}: {
  roundId: string;
  session: Session | null;
}) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const readiness = useLiveQuery(() => exportReadinessFor(db, roundId), [db, roundId]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onExport() {
    setBusy(true);
    setOutcome(null);
    try {
      const generator = `review-desk ${await platform.appVersion()}`;
      const prepared = await prepareResultExport(db, platform.keys, roundId, generator);
      const saved = await platform.saveFile({
        title: t.export.saveTitle,
        suggestedName: prepared.fileName,
        filters: [{ name: t.export.fileFilter, extensions: ['xlsx'] }],
        bytes: prepared.bytes,
      });
      if (!saved.saved) {
        setOutcome({ kind: 'cancelled' });
        return;
      }
      const record = await recordResultExport(db, session, prepared, saved.location);
      // The workbook's signed payload lists these files: saved beside it as <name>.evidence.zip.
      const evidence = prepared.evidence
        ? await platform.saveFile({
            title: t.evidence.saveTitle,
            suggestedName: prepared.evidence.fileName,
            filters: [{ name: t.evidence.fileFilter, extensions: ['zip'] }],
            bytes: prepared.evidence.bytes,
          })
        : null;
      setOutcome({
        kind: 'exported',
        record,
        keyCreated: prepared.keyCreated,
        evidence: evidence && {
          files: prepared.evidence?.entries.length ?? 0,
          location: evidence.saved ? evidence.location : null,
        },
      });
    } catch (error) {
      const need = keyNeedOf(error);
      setOutcome(need ? { kind: 'needs', need } : { kind: 'failed', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  // The button sits on 结果汇总 itself: an unconfirmed round is confirmed a few lines above.
  const blocked =
    readiness === undefined || readiness.ok
      ? null
      : readiness.reason === 'unconfirmed'
        ? t.export.confirmOnThisPage
        : readiness.message;
  return (
    <section className="export-workbook panel-section" aria-label={t.export.button}>
      <div className="export-actions">
        <button
          type="button"
          className="button primary"
          onClick={() => void onExport()}
          disabled={busy || readiness === undefined || blocked !== null}
          aria-describedby="export-workbook-hint"
        >
          {t.export.button}
        </button>{' '}
        <a className="button" href={hrefFor({ name: 'report', roundId })}>
          {t.export.report}
        </a>{' '}
        <a className="button" href={hrefFor({ name: 'papers', roundId, paper: 'index' })}>
          {t.papers.nav}
        </a>
      </div>
      <p id="export-workbook-hint" className="muted small">
        {blocked ? `${t.export.notReady}${blocked}` : t.export.hint}
      </p>
      {busy && (
        <p role="status" className="export-progress">
          <progress aria-label={t.export.working} /> {t.export.working}
        </p>
      )}
      {outcome?.kind === 'exported' && (
        <div className="banner success" role="status" data-testid="export-workbook-outcome">
          <p>{t.export.done(outcome.record.location)}</p>
          {outcome.evidence && (
            <p data-testid="export-evidence-outcome">
              {outcome.evidence.location === null
                ? t.evidence.notSaved
                : t.evidence.done(outcome.evidence.location, outcome.evidence.files)}
            </p>
          )}
          {outcome.keyCreated && (
            <p>
              {t.export.keyCreated(outcome.record.keyId)}{' '}
              <a href={hrefFor({ name: 'keys' })}>{t.keys.nav}</a>
            </p>
          )}
          <dl className="export-ids">
            <dt>{t.export.keyId}</dt>
            <dd data-testid="export-key-id">{outcome.record.keyId}</dd>
            <dt>{t.export.sha256}</dt>
            <dd data-testid="export-sha256">{outcome.record.sha256}</dd>
          </dl>
        </div>
      )}
      {outcome?.kind === 'needs' && (
        <KeyPrompt
          need={outcome.need}
          onReady={() => void onExport()}
          onCancel={() => setOutcome(null)}
        />
      )}
      {outcome?.kind === 'cancelled' && (
        <p className="muted" role="status">
          {t.export.cancelled}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="banner error" role="alert">
          {t.export.failed(outcome.message)}
        </p>
      )}
    </section>
  );
}
