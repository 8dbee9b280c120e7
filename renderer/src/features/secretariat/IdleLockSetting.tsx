import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import {
  IDLE_LOCK_MAX,
  IDLE_LOCK_MIN,
  idleLockMinutes,
  saveIdleLockMinutes,
} from '../../data/repositories/deviceSettingsRepository';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';

/** 自动锁定: how long an unlocked expert or secretariat session may stay idle on this laptop. */
export function IdleLockSetting({ session }: { session: Session }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const stored = useLiveQuery(() => idleLockMinutes(db), [db]);
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (stored === undefined) return null;

  async function save() {
    setMessage(null);
    try {
      const done = await guard(async () => {
        await saveIdleLockMinutes(db, session, Number(draft ?? stored));
        return true;
      });
      if (done) {
        setDraft(null);
        setMessage({ text: t.secretariat.idleSaved, error: false });
      }
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  }

  return (
    <div className="inline-form">
      <label>
        {t.secretariat.idleLabel}{' '}
        <input
          type="number"
          min={IDLE_LOCK_MIN}
          max={IDLE_LOCK_MAX}
          step="any"
          value={draft ?? String(stored)}
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="button"
        disabled={draft === null}
        onClick={() => void save()}
      >
        {t.secretariat.idleSave}
      </button>
      <span className="muted">{t.secretariat.idleHint}</span>
      {message && (
        <p
          className={message.error ? 'error-text' : 'muted'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
