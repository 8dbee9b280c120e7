import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { setRole } from '../../data/repositories/panelRepository';
import { pinState } from '../../data/repositories/pinRepository';
import { listExperts } from '../../data/repositories/queries';
import type { PanelRole } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { PinResetForm } from './PinResetForm';

const roles: PanelRole[] = ['expert', 'chair', 'standby'];

/** Roles (组长 among them) and PIN resets: the secretariat's, with its session. */
export function PanelMembers({ roundId, session }: { roundId: string; session: Session }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const experts = useLiveQuery(() => listExperts(db, roundId), [db, roundId]);
  const pins = useLiveQuery(async () => {
    // One read at a time (the live-query rule, queries.ts).
    const states = new Map<string, Awaited<ReturnType<typeof pinState>>>();
    for (const e of await listExperts(db, roundId))
      states.set(e.id, await pinState(db, roundId, e.id));
    return states;
  }, [db, roundId]);
  const [resetting, setResetting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!experts || !pins) return null;

  return (
    <section className="panel-section" aria-labelledby="panel-members">
      <h2 id="panel-members">{t.panel.members}</h2>
      {notice && (
        <p className="banner success" role="status">
          {notice}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.panel.columns.id}</th>
            <th scope="col">{t.panel.columns.name}</th>
            <th scope="col">{t.panel.columns.title}</th>
            <th scope="col">{t.panel.columns.org}</th>
            <th scope="col">{t.panel.columns.city}</th>
            <th scope="col">{t.panel.role}</th>
            <th scope="col">{t.panel.pinState}</th>
          </tr>
        </thead>
        <tbody>
          {experts.map((expert) => {
            const pin = pins.get(expert.id);
            return (
              <tr key={expert.key}>
                <td className="mono">{expert.id}</td>
                <td>{expert.name}</td>
                <td>{expert.title}</td>
                <td>{expert.org}</td>
                <td>{expert.city}</td>
                <td>
                  <select
                    aria-label={`${expert.name} ${t.panel.role}`}
                    value={expert.role}
                    onChange={(e) =>
                      void guard(() =>
                        setRole(db, session, roundId, expert.id, e.target.value as PanelRole),
                      )
                    }
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {t.panel.roles[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="row-actions">
                  {resetting === expert.id ? (
                    <PinResetForm
                      roundId={roundId}
                      expert={expert}
                      session={session}
                      onDone={(message) => {
                        setResetting(null);
                        setNotice(message || null);
                      }}
                    />
                  ) : (
                    <>
                      <span>
                        {pin?.kind === 'unset'
                          ? t.panel.pinUnset
                          : pin?.lockedUntil
                            ? t.panel.pinLocked
                            : pin?.mustChange
                              ? t.panel.pinTemporary
                              : t.panel.pinSet}
                      </span>
                      {pin?.kind === 'set' && (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            setNotice(null);
                            setResetting(expert.id);
                          }}
                        >
                          {t.panel.resetPin}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
