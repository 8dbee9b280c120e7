import { formatProblem } from '@shared/model/validation';
import { useI18n } from '../../i18n/I18nProvider';
import type { ImportState } from './useRoundImport';

/** Progress, refusals with located problems, and the diff to confirm. */
export function ImportStatus({
  state,
  onConfirm,
  onDismiss,
}: {
  state: ImportState;
  onConfirm: () => void;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <div className="import-status" aria-live="polite" aria-busy="true">
          <div data-testid="import-progress-label">{state.label}</div>
          <progress
            className="import-progress"
            max={state.total || undefined}
            value={state.total ? state.done : undefined}
          />
        </div>
      );
    case 'message':
      return (
        <div
          className={`import-status ${state.tone === 'error' ? 'error-text' : ''}`}
          role={state.tone === 'error' ? 'alert' : undefined}
          aria-live="polite"
          data-testid="import-message"
        >
          <p>{state.text}</p>
          <button type="button" className="button" onClick={onDismiss}>
            {t.importing.dismiss}
          </button>
        </div>
      );
    case 'problems':
      return (
        <div className="import-status" role="alert" data-testid="import-problems">
          <p className="error-text">{state.heading}</p>
          <ul className="problem-list">
            {state.problems.map((problem, i) => (
              <li key={i}>
                {formatProblem(problem)}
                {problem.detail && (
                  <details>
                    <summary>{t.keys.technical}</summary>
                    {problem.detail}
                  </details>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={onDismiss}>
            {t.importing.dismiss}
          </button>
        </div>
      );
    case 'confirm': {
      const { diff, flaggedSheets } = state.plan;
      const names = (list: { name: string }[]) => list.map((e) => e.name).join('、');
      return (
        <section
          className="import-status card"
          aria-label={t.importing.diffTitle(state.content.round.title)}
          data-testid="import-diff"
        >
          <h2>{t.importing.diffTitle(state.content.round.title)}</h2>
          <ul className="diff-list">
            {diff.added.length > 0 && (
              <li>
                {t.importing.added(diff.added.length)}：
                {diff.added.map((p) => `${p.id} ${p.title}`).join('；')}
              </li>
            )}
            {diff.removed.length > 0 && (
              <li>
                {t.importing.removed(diff.removed.length)}：
                {diff.removed.map((p) => `${p.id} ${p.title}`).join('；')}
              </li>
            )}
            {diff.changed.length > 0 && (
              <li>
                {t.importing.changed(diff.changed.length)}：
                {diff.changed.map((p) => `${p.id}（${p.fields.join('、')}）`).join('；')}
              </li>
            )}
            {diff.settings.length > 0 && (
              <li>{t.importing.settingsChanged(diff.settings.join('、'))}</li>
            )}
            {diff.rubricChanged && <li>{t.importing.rubricChanged}</li>}
            {diff.expertsAdded.length > 0 && (
              <li>{t.importing.expertsAdded(names(diff.expertsAdded))}</li>
            )}
            {diff.expertsRemoved.length > 0 && (
              <li>{t.importing.expertsRemoved(names(diff.expertsRemoved))}</li>
            )}
            {diff.expertsChanged.length > 0 && (
              <li>{t.importing.expertsChanged(names(diff.expertsChanged))}</li>
            )}
          </ul>
          <p className="muted">
            {flaggedSheets.length > 0
              ? t.importing.flagged(flaggedSheets.length)
              : t.importing.noSheetsTouched}
          </p>
          <div className="actions">
            <button type="button" className="button primary" onClick={onConfirm}>
              {t.importing.apply}
            </button>
            <button type="button" className="button" onClick={onDismiss}>
              {t.importing.cancel}
            </button>
          </div>
        </section>
      );
    }
  }
}
