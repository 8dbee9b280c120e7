import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useExpertSession } from '../../app/Sessions';
import { exportableSheetCount, exportScoreFile } from '../../data/repositories/exchangeRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';
import { KeyPrompt, keyNeedOf, type KeyNeed } from '../keys/KeyPrompt';

type Outcome =
  | { kind: 'exported'; count: number; fingerprint: string }
  | { kind: 'cancelled' }
  | { kind: 'needs'; need: KeyNeed }
  | { kind: 'failed'; message: string };

/** 导出评分文件 on the expert's sheet list: sign their submitted sheets and save the file. */
export function ExportScoreFileButton({
  roundId,
  expertId,
}: {
  roundId: string;
  expertId: string;
}) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const session = useExpertSession(roundId, expertId);
  const count = useLiveQuery(
    () => exportableSheetCount(db, roundId, expertId),
    [db, roundId, expertId],
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onExport() {
    setBusy(true);
    setOutcome(null);
    try {
      const file = await exportScoreFile(db, session, platform, roundId, expertId);
      const saved = await platform.saveFile({
        title: t.exchange.exportTitle,
        suggestedName: file.fileName,
        filters: [{ name: t.exchange.fileFilter, extensions: ['json'] }],
        bytes: file.bytes,
      });
      setOutcome(
        saved.saved
          ? { kind: 'exported', count: file.sheetCount, fingerprint: file.fingerprint }
          : { kind: 'cancelled' },
      );
    } catch (error) {
      const need = keyNeedOf(error);
      setOutcome(need ? { kind: 'needs', need } : { kind: 'failed', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  const empty = count === 0;
  return (
    <section className="export-score-file" aria-label={t.exchange.export}>
      <button
        type="button"
        className="button"
        onClick={onExport}
        disabled={busy || count === undefined || empty}
        title={t.exchange.exportHint}
      >
        {busy ? t.exchange.exporting : t.exchange.export}
      </button>{' '}
      <span className="muted small">
        {empty ? t.exchange.nothingToExport : t.exchange.exportHint}
      </span>
      {outcome?.kind === 'exported' && (
        <p className="banner success" role="status" data-testid="export-outcome">
          {t.exchange.exported(outcome.count, outcome.fingerprint)}
        </p>
      )}
      {outcome?.kind === 'cancelled' && (
        <p className="muted" role="status">
          {t.exchange.exportCancelled}
        </p>
      )}
      {outcome?.kind === 'needs' && (
        <KeyPrompt
          need={outcome.need}
          onReady={() => void onExport()}
          onCancel={() => setOutcome(null)}
        />
      )}
      {outcome?.kind === 'failed' && (
        <p className="banner error" role="alert">
          {t.exchange.failed(outcome.message)}
        </p>
      )}
    </section>
  );
}
