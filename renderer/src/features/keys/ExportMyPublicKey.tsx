import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { DeviceKeyInfo } from '@shared/platform/Platform';
import { useServices } from '../../app/AppServices';
import { listExperts } from '../../data/repositories/queries';
import { listRounds } from '../../data/repositories/roundRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from './keyErrors';
import { expertPublicKeyFile } from './registration';

/**
 * 导出我的公钥: the expert's own laptop writes the one-entry `review-desk/expert-keys@1` file the
 * secretariat registers at 签到, after both read the fingerprint aloud.
 */
export function ExportMyPublicKey({ keyInfo }: { keyInfo: DeviceKeyInfo }) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const id = useId();
  const rounds = useLiveQuery(() => listRounds(db), [db]);
  const [roundId, setRoundId] = useState('');
  const chosenRound = roundId || rounds?.[0]?.id || '';
  const experts = useLiveQuery(
    async () => (chosenRound ? listExperts(db, chosenRound) : []),
    [db, chosenRound],
  );
  const [expertId, setExpertId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const k = t.keys;
  const expert = experts?.find((e) => e.id === expertId) ?? null;

  async function save() {
    if (!expert) return;
    setMessage(null);
    try {
      const outcome = await platform.saveFile({
        title: k.saveMineTitle,
        suggestedName: `${expert.id}.public-key.json`,
        filters: [{ name: t.checkIn.jsonFilter, extensions: ['json'] }],
        bytes: new TextEncoder().encode(expertPublicKeyFile(chosenRound, expert, keyInfo)),
      });
      if (outcome.saved) setMessage({ ok: true, text: k.exported(outcome.location) });
    } catch (e) {
      setMessage({ ok: false, text: k.failed(messageOf(e)) });
    }
  }

  return (
    <section className="panel-section" aria-labelledby={`${id}-mine`}>
      <h2 id={`${id}-mine`}>{k.exportMine}</h2>
      <p>{k.exportMineHint}</p>
      <p className="fingerprint-aloud" data-testid="fingerprint-aloud">
        {keyInfo.fingerprint}
      </p>
      {rounds && rounds.length === 0 ? (
        <p className="muted">{k.noRound}</p>
      ) : (
        <div className="inline-form">
          <label>
            {k.round}{' '}
            <select value={chosenRound} onChange={(e) => setRoundId(e.target.value)}>
              {rounds?.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {k.me}{' '}
            <select value={expertId} onChange={(e) => setExpertId(e.target.value)}>
              <option value="">{k.pickMe}</option>
              {experts?.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}（{e.id}）
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button primary"
            disabled={!expert}
            onClick={() => void save()}
          >
            {k.exportMine}
          </button>
        </div>
      )}
      {message && (
        <p
          className={message.ok ? 'banner success' : 'banner error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
