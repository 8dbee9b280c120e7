import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { assignByGroup } from '../../data/repositories/panelRepository';
import { listAssignments, listExperts, listPackets } from '../../data/repositories/queries';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';

async function currentGroups(db: Parameters<typeof listExperts>[0], roundId: string) {
  // A live query's reader: one read at a time (the live-query rule, queries.ts).
  const experts = await listExperts(db, roundId);
  const packets = await listPackets(db, roundId);
  const assignments = await listAssignments(db, roundId);
  const groups = [...new Set(packets.map((p) => p.group).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  const groupOf = new Map(packets.map((p) => [p.id, p.group]));
  // An expert assigned every packet is shown with no group ticked (“all”).
  const ticked: Record<string, string[]> = {};
  for (const expert of experts) {
    const mine = assignments.filter((a) => a.expertId === expert.id);
    const all = mine.length === packets.length;
    ticked[expert.id] = all
      ? []
      : [...new Set(mine.map((a) => groupOf.get(a.packetId) ?? ''))].filter(Boolean);
  }
  return { experts, groups, ticked };
}

export function AssignmentEditor({ roundId, session }: { roundId: string; session: Session }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const data = useLiveQuery(() => currentGroups(db, roundId), [db, roundId]);
  const [edited, setEdited] = useState<Record<string, string[]> | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!data) return null;
  const ticked = edited ?? data.ticked;

  function toggle(expertId: string, group: string) {
    const mine = ticked[expertId] ?? [];
    setEdited({
      ...ticked,
      [expertId]: mine.includes(group) ? mine.filter((g) => g !== group) : [...mine, group],
    });
    setMessage(null);
  }

  async function save(groups: Record<string, string[]>) {
    try {
      const done = await guard(async () => {
        await assignByGroup(db, session, roundId, groups);
        return true;
      });
      if (!done) return;
      setEdited(null);
      setMessage({ ok: true, text: t.panel.saved });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  }

  const active = data.experts.filter((e) => e.role !== 'standby');
  return (
    <section className="panel-section" aria-labelledby="panel-assignment">
      <h2 id="panel-assignment">{t.panel.assignment}</h2>
      <p className="muted small">{t.panel.assignHint}</p>
      <div className="scroll-x">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col" />
              {data.groups.map((group) => (
                <th key={group} scope="col">
                  {group}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {active.map((expert) => (
              <tr key={expert.key}>
                <th scope="row">{expert.name}</th>
                {data.groups.map((group) => (
                  <td key={group}>
                    <input
                      type="checkbox"
                      aria-label={`${expert.name} · ${group}`}
                      checked={(ticked[expert.id] ?? []).includes(group)}
                      onChange={() => toggle(expert.id, group)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="inline-form" style={{ marginTop: '0.75rem' }}>
        <button
          type="button"
          className="button primary"
          onClick={() => void save(ticked)}
          disabled={edited === null}
        >
          {t.panel.saveAssignment}
        </button>
        <button type="button" className="button" onClick={() => void save({})}>
          {t.panel.assignAll}
        </button>
        {message && (
          <span
            className={message.ok ? 'muted' : 'error-text'}
            role={message.ok ? 'status' : 'alert'}
          >
            {message.text}
          </span>
        )}
      </div>
    </section>
  );
}
