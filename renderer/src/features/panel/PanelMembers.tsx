import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { setRole } from '../../data/repositories/panelRepository';
import { pinState, resetPin } from '../../data/repositories/pinRepository';
import { listExperts } from '../../data/repositories/queries';
import type { PanelRole } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';

const roles: PanelRole[] = ['expert', 'chair', 'standby'];

export function PanelMembers({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const experts = useLiveQuery(() => listExperts(db, roundId), [db, roundId]);
  const pins = useLiveQuery(
    async () =>
      new Map(
        await Promise.all(
          (await listExperts(db, roundId)).map(
            async (e) => [e.id, await pinState(db, roundId, e.id)] as const,
          ),
        ),
      ),
    [db, roundId],
  );
  if (!experts || !pins) return null;

  return (
    <section className="panel-section" aria-labelledby="panel-members">
      <h2 id="panel-members">{t.panel.members}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.panel.columns.id}</th>
            <th scope="col">{t.panel.columns.name}</th>
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
                <td>{expert.org}</td>
                <td>{expert.city}</td>
                <td>
                  <select
                    aria-label={`${expert.name} ${t.panel.role}`}
                    value={expert.role}
                    onChange={(e) =>
                      void setRole(db, roundId, expert.id, e.target.value as PanelRole, '秘书')
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
                  <span>
                    {pin?.kind === 'unset'
                      ? t.panel.pinUnset
                      : pin?.lockedUntil
                        ? t.panel.pinLocked
                        : t.panel.pinSet}
                  </span>
                  {pin?.kind === 'set' && (
                    <button
                      type="button"
                      className="link-button small"
                      onClick={() => {
                        if (window.confirm(t.panel.resetPinConfirm(expert.name)))
                          void resetPin(db, roundId, expert.id, '秘书');
                      }}
                    >
                      {t.panel.resetPin}
                    </button>
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
