import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useFieldSession, useSessions } from '../../app/Sessions';
import { hrefFor } from '../../app/router';
import { saveSiteNotes, type RouteStop } from '../../data/repositories/inspectionRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { FindingsPanel } from './FindingsPanel';
import { SitePhotos } from './SitePhotos';

/** One stop of the route: the site, its checklists, notes, photos and findings. */
export function SiteCard({
  roundId,
  stop,
  first,
  last,
  onMove,
}: {
  roundId: string;
  stop: RouteStop;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const session = useFieldSession(roundId);
  const { packet } = stop;
  // Typed here, saved on every keystroke; what is stored is read again on the next visit.
  const [notes, setNotes] = useState(stop.notes);
  const headingId = `site-${packet.id}-title`;
  return (
    <li className="card route-stop" data-testid={`site-${packet.id}`} aria-labelledby={headingId}>
      <div className="route-stop-head">
        <h2 id={headingId}>
          <span className="muted">{t.inspection.stop(stop.stop)}</span>{' '}
          <span className="mono">{packet.id}</span> {packet.title}
        </h2>
        <span
          className={`tag ${stop.done ? 'tag-done' : ''}`}
          data-testid={`site-status-${packet.id}`}
        >
          {stop.done ? t.inspection.done : t.inspection.toDo}
        </span>
        <span className="route-move">
          <button
            type="button"
            className="button small"
            disabled={first}
            aria-label={t.inspection.moveUp(packet.id)}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button small"
            disabled={last}
            aria-label={t.inspection.moveDown(packet.id)}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
        </span>
      </div>
      <p className="muted">
        {packet.applicant.name} · {packet.applicant.city}
        {packet.applicant.county ? ` ${packet.applicant.county}` : ''} ·{' '}
        <a href={hrefFor({ name: 'packet', roundId, packetId: packet.id })}>
          {t.inspection.material}
        </a>
      </p>
      <section aria-label={t.inspection.checklist}>
        <h3>{t.inspection.checklist}</h3>
        <ul className="route-sheets">
          {stop.sheets.map((s) => (
            <li key={s.expertId}>
              <a
                href={hrefFor({
                  name: 'sheet',
                  roundId,
                  expertId: s.expertId,
                  packetId: packet.id,
                })}
                data-testid={`site-sheet-${packet.id}-${s.expertId}`}
              >
                {t.inspection.sheetLink(s.name, t.inspection.sheetStatus[s.status] ?? s.status)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <label className="route-notes">
        <span>{t.inspection.notes}</span>
        <textarea
          aria-label={t.inspection.notesLabel(packet.id)}
          value={notes}
          rows={2}
          onChange={(e) => {
            setNotes(e.target.value);
            void guard(() => saveSiteNotes(db, session, roundId, packet.id, e.target.value));
          }}
        />
      </label>
      <SitePhotos roundId={roundId} packetId={packet.id} />
      <FindingsPanel roundId={roundId} packetId={packet.id} />
    </li>
  );
}
