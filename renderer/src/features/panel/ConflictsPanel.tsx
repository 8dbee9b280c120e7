import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { suggestConflicts, type ConflictSuggestion } from '@shared/panel/conflictSuggestions';
import { useServices } from '../../app/AppServices';
import { ReasonForm } from '../../app/components/ReasonForm';
import { useSessions } from '../../app/Sessions';
import {
  confirmConflict,
  conflictsForRound,
  declareConflict,
  undoConflict,
  panelSettings,
  savePanelSettings,
  type PanelSettings,
} from '../../data/repositories/panelRepository';
import { listExperts, listPackets, listSheets } from '../../data/repositories/queries';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';

export function ConflictsPanel({ roundId, session }: { roundId: string; session: Session }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const settings = useLiveQuery(() => panelSettings(db, roundId), [db, roundId]);
  const conflicts = useLiveQuery(() => conflictsForRound(db, roundId), [db, roundId]);
  const names = useLiveQuery(
    async () => new Map((await listExperts(db, roundId)).map((e) => [e.id, e.name])),
    [db, roundId],
  );
  const [draft, setDraft] = useState<PanelSettings | null>(null);
  const [suggestions, setSuggestions] = useState<ConflictSuggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  if (!settings || !conflicts || !names) return null;
  const shown = draft ?? settings;

  async function findSuggestions() {
    const [experts, packets, sheets] = await Promise.all([
      listExperts(db, roundId),
      listPackets(db, roundId),
      listSheets(db, roundId),
    ]);
    const settled = new Set(
      sheets
        .filter((s) => s.status === 'conflict' || s.status === 'submitted')
        .map((s) => `${s.packetId}:${s.expertId}`),
    );
    setSuggestions(
      suggestConflicts(experts, packets, { sameCity: shown.sameCityConflict }).filter(
        (s) => !settled.has(`${s.packetId}:${s.expertId}`),
      ),
    );
  }

  async function run(write: () => Promise<void>) {
    setError(null);
    try {
      await guard(write);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function applySuggestions(list: ConflictSuggestion[]) {
    setError(null);
    try {
      const done = await guard(async () => {
        for (const s of list)
          await declareConflict(
            db,
            session,
            roundId,
            s.packetId,
            s.expertId,
            `${s.reason}（名单比对，秘书处确认）`,
          );
        return true;
      });
      if (done) setSuggestions(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="panel-section" aria-labelledby="panel-conflicts">
      <h2 id="panel-conflicts">{t.panel.conflicts}</h2>
      <div className="inline-form">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={shown.sameCityConflict}
            onChange={(e) => setDraft({ ...shown, sameCityConflict: e.target.checked })}
          />
          {t.panel.sameCity}
        </label>
        <button
          type="button"
          className="button"
          disabled={draft === null}
          onClick={() => {
            if (draft)
              void guard(() => savePanelSettings(db, session, roundId, draft)).then(() =>
                setDraft(null),
              );
          }}
        >
          {t.panel.saveSettings}
        </button>
        <button type="button" className="button" onClick={() => void findSuggestions()}>
          {t.panel.suggest}
        </button>
      </div>
      {suggestions && (
        <div className="card" style={{ marginTop: '0.75rem' }}>
          {suggestions.length === 0 ? (
            <p className="muted">{t.panel.noSuggestions}</p>
          ) : (
            <>
              <ul>
                {suggestions.map((s) => (
                  <li key={`${s.packetId}:${s.expertId}`}>
                    {t.panel.by(names.get(s.expertId) ?? s.expertId, s.packetId)}：{s.reason}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="button primary"
                onClick={() => void applySuggestions(suggestions)}
              >
                {t.panel.applySuggestions(suggestions.length)}
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <h3>{t.panel.declaredList}</h3>
      {conflicts.length === 0 ? (
        <p className="muted">{t.panel.noConflicts}</p>
      ) : (
        <ul data-testid="conflict-list">
          {conflicts.map((c) => (
            <li key={c.key} data-testid={`conflict-${c.packetId}-${c.expertId}`}>
              {t.panel.by(names.get(c.expertId) ?? c.expertId, c.packetId)}：{c.reason}{' '}
              <span className={`status ${c.confirmedAt ? 'status-conflict' : 'status-draft'}`}>
                {c.confirmedAt ? t.panel.conflictConfirmed : t.panel.conflictUnconfirmed}
              </span>{' '}
              {!c.confirmedAt && (
                <button
                  type="button"
                  className="link-button small"
                  onClick={() =>
                    void run(() => confirmConflict(db, session, roundId, c.packetId, c.expertId))
                  }
                >
                  {t.panel.confirmConflict}
                </button>
              )}
              {undoing === c.key ? (
                <ReasonForm
                  ariaLabel={t.panel.undoConflict}
                  label={t.panel.undoReasonLabel}
                  submitLabel={t.panel.undoConfirm}
                  cancelLabel={t.conflict.cancel}
                  onSubmit={async (reason) => {
                    await guard(() =>
                      undoConflict(db, session, roundId, c.packetId, c.expertId, reason),
                    );
                    setUndoing(null);
                  }}
                  onCancel={() => setUndoing(null)}
                />
              ) : (
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => setUndoing(c.key)}
                >
                  {t.panel.undoConflict}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
