import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { hrefFor } from '../../app/router';
import {
  assignOne,
  panelSettings,
  progressMatrix,
  type MatrixCell,
} from '../../data/repositories/panelRepository';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { pendingDeviationSheets } from '../../data/repositories/resultsRepository';

const glyph: Record<MatrixCell, string> = {
  submitted: '✓',
  draft: '✎',
  returned: '↩',
  conflict: '回',
  todo: '○',
  unassigned: '—',
};

/** Experts × packets, statuses only: the secretariat sees who is done, never anyone's points. */
export function ProgressMatrixView({ roundId, session }: { roundId: string; session: Session }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const matrix = useLiveQuery(() => progressMatrix(db, roundId), [db, roundId]);
  const settings = useLiveQuery(() => panelSettings(db, roundId), [db, roundId]);
  const flagged = useLiveQuery(() => pendingDeviationSheets(db, roundId), [db, roundId]);
  const [standbyFor, setStandbyFor] = useState<Record<string, string>>({});
  if (!matrix || !settings || !flagged) return null;
  const standbys = matrix.experts.filter((e) => e.role === 'standby');

  return (
    <section className="panel-section" aria-labelledby="panel-progress">
      <h2 id="panel-progress">{t.panel.progress}</h2>
      <p className="muted small" data-testid="matrix-counts">
        {t.panel.counts({ ...matrix.counts, flagged: flagged.size })}
      </p>
      <div className="scroll-x">
        <table className="matrix" aria-describedby="matrix-legend">
          <thead>
            <tr>
              <th scope="col" />
              {matrix.packets.map((p) => (
                <th key={p.id} scope="col" title={p.title} className="mono">
                  {p.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.experts.map((expert, e) => (
              <tr key={expert.key}>
                <th scope="row">
                  {expert.name}
                  {expert.role !== 'expert' && (
                    <span className="muted small">（{t.panel.roles[expert.role]}）</span>
                  )}
                </th>
                {matrix.cells[e]!.map((cell, p) => (
                  <td
                    key={matrix.packets[p]!.id}
                    className={`cell-${cell}`}
                    data-testid={`cell-${expert.id}-${matrix.packets[p]!.id}`}
                    title={cell}
                  >
                    {flagged.has(`${matrix.packets[p]!.id}:${expert.id}`) ? '⚑' : glyph[cell]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="matrix-legend" className="muted small">
        {t.panel.matrixLegend}
      </p>
      {matrix.minExceedsPanel && (
        <p className="banner warning" data-testid="min-exceeds-panel">
          {t.settings.minExceedsPanel(matrix.minExceedsPanel.min, matrix.minExceedsPanel.panelSize)}{' '}
          <a href={hrefFor({ name: 'settings', roundId })}>{t.settings.openSettings}</a>
        </p>
      )}
      {matrix.shortfalls.length > 0 && (
        <>
          <h3>{t.panel.shortfalls}</h3>
          <ul>
            {matrix.shortfalls.map((s) => (
              <li key={s.packetId} className="inline-form">
                <span>{t.panel.shortfall(s.packetId, s.possible, settings.minSheets)}</span>
                {standbys.length === 0 ? (
                  <span className="muted small">{t.panel.noStandby}</span>
                ) : (
                  <>
                    <select
                      aria-label={`${t.panel.assignStandby} ${s.packetId}`}
                      value={standbyFor[s.packetId] ?? standbys[0]!.id}
                      onChange={(ev) =>
                        setStandbyFor({ ...standbyFor, [s.packetId]: ev.target.value })
                      }
                    >
                      {standbys.map((e) => (
                        <option key={e.id} value={e.id}>
                          {e.name}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button small"
                      onClick={() =>
                        void guard(() =>
                          assignOne(
                            db,
                            session,
                            roundId,
                            s.packetId,
                            standbyFor[s.packetId] ?? standbys[0]!.id,
                          ),
                        )
                      }
                    >
                      {t.panel.assignStandby}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
