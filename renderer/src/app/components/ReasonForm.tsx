import { useState } from 'react';

interface Props {
  /** The field's label, saying who will read the reason. */
  label: string;
  submitLabel: string;
  cancelLabel: string;
  placeholder?: string;
  /** Names the form for assistive technology (and tests) when several are on a page. */
  ariaLabel?: string;
  /** Does the work; a thrown error's message is shown under the field and the form stays open. */
  onSubmit(reason: string): Promise<void>;
  onCancel(): void;
}

/**
 * The small form behind every action that must say why (回避, 退回, 复核 …): the reason is
 * required, Esc cancels, and a refusal is shown in place rather than lost.
 */
export function ReasonForm({
  label,
  submitLabel,
  cancelLabel,
  placeholder,
  ariaLabel,
  onSubmit,
  onCancel,
}: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="conflict-form"
      aria-label={ariaLabel}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {label}
        <textarea
          rows={2}
          autoFocus
          value={reason}
          placeholder={placeholder}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onCancel();
          }}
        />
      </label>
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="button primary small" disabled={busy || !reason.trim()}>
          {submitLabel}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
