import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { declareConflict } from '../../data/repositories/panelRepository';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  roundId: string;
  packetId: string;
  expertId: string;
  expertName: string;
  onDone(): void;
}

/** The inline form an expert uses to declare 回避 on one packet; the reason is required. */
export function ConflictDeclaration({ roundId, packetId, expertId, expertName, onDone }: Props) {
  const { t } = useI18n();
  const { db } = useServices();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    try {
      await declareConflict(db, roundId, packetId, expertId, reason, expertName);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="conflict-form" role="group" aria-label={t.conflict.declare}>
      <label>
        {t.conflict.reasonLabel}
        <textarea
          value={reason}
          rows={2}
          autoFocus
          placeholder={t.conflict.reasonPlaceholder}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone();
          }}
        />
      </label>
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="button primary small" onClick={() => void confirm()}>
          {t.conflict.confirm}
        </button>
        <button type="button" className="button small" onClick={onDone}>
          {t.conflict.cancel}
        </button>
      </div>
    </div>
  );
}
