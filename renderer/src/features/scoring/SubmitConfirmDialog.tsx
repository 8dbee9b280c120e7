import { useId, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ModalDialog } from '../../app/components/ModalDialog';

/**
 * The one question before a sheet is locked. Enter confirms (the confirm button has focus),
 * Escape or 取消 cancels; the caller puts focus back where it was.
 */
export function SubmitConfirmDialog({
  onConfirm,
  onCancel,
}: {
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const textId = useId();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Enter confirms wherever focus is inside the dialog, except on 取消 itself.
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.target instanceof HTMLElement && event.target.dataset.cancel) return;
    event.preventDefault();
    onConfirm();
  }

  return (
    <ModalDialog labelledBy={titleId} onEscape={onCancel} testId="submit-confirm">
      <div
        role="alertdialog"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t.scoring.confirmTitle}</h2>
        <p id={textId}>{t.scoring.confirmText}</p>
        <p className="muted small">{t.scoring.confirmKeys}</p>
        <div className="actions">
          <button type="button" className="button primary" autoFocus onClick={onConfirm}>
            {t.scoring.confirmYes}
          </button>
          <button type="button" className="button" data-cancel="true" onClick={onCancel}>
            {t.scoring.confirmNo}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
