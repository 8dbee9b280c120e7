import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { OutcomeBanner, type Outcome } from '../../app/components/OutcomeBanner';
import { checkInExpert, checkInsForRound } from '../../data/repositories/checkInRepository';
import { listExpertKeys } from '../../data/repositories/exchangeRepository';
import { registerExpertKey } from '../../data/repositories/expertKeyRepository';
import { listExperts } from '../../data/repositories/queries';
import type { ExpertRow } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';
import { formatDateTime } from '../../app/format/dateTime';
import { SecretariatGate } from '../secretariat/SecretariatGate';
import { ExportRegistryButton } from './ExportRegistryButton';
import { KeyFileRegistration } from './KeyFileRegistration';
import { PledgePaper } from './PledgePaper';
import './checkIn.css';

/**
 * 签到: the secretariat checks each expert in (only then may the expert set a PIN here) and
 * registers the key that speaks for them: from the public-key file their laptop exported, after
 * comparing fingerprints aloud, or this laptop's own key when they score here.
 */
export function CheckInPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  return (
    <SecretariatGate title={t.checkIn.title} reason={t.checkIn.gateReason}>
      {(session) => <CheckInScreen roundId={roundId} session={session} />}
    </SecretariatGate>
  );
}

function CheckInScreen({ roundId, session }: { roundId: string; session: Session }) {
  const { t, language } = useI18n();
  const { db, platform } = useServices();
  const { guard } = useSessions();
  const experts = useLiveQuery(() => listExperts(db, roundId), [db, roundId]);
  const checkIns = useLiveQuery(
    async () => new Map((await checkInsForRound(db, roundId)).map((c) => [c.expertId, c.at])),
    [db, roundId],
  );
  const keys = useLiveQuery(
    async () =>
      new Map(
        (await listExpertKeys(db, roundId))
          .filter((k) => k.registered)
          .map((k) => [k.expertId, k.fingerprint]),
      ),
    [db, roundId],
  );
  const [fromFile, setFromFile] = useState<string | null>(null);
  // The expert whose 承诺书 is open: it replaces the list, so it prints alone.
  const [pledgeOf, setPledgeOf] = useState<string | null>(null);
  const [message, setMessage] = useState<Outcome | null>(null);
  if (!experts || !checkIns || !keys) return <main className="page" aria-busy="true" />;
  if (pledgeOf) {
    return (
      <PledgePaper
        roundId={roundId}
        expertId={pledgeOf}
        session={session}
        onBack={() => setPledgeOf(null)}
      />
    );
  }

  async function run(work: () => Promise<string | null>) {
    setMessage(null);
    try {
      const text = await guard(work);
      if (text) setMessage({ ok: true, text });
    } catch (e) {
      setMessage({ ok: false, text: t.checkIn.failed(messageOf(e)) });
    }
  }

  async function registerDevice(expert: ExpertRow): Promise<string | null> {
    const device = await platform.keys.info();
    if (!device) throw new Error(t.checkIn.noDeviceKey);
    const outcome = await registerExpertKey(
      db,
      session,
      roundId,
      expert.id,
      device.publicKey,
      'device',
    );
    if (!outcome.ok) throw new Error(outcome.message);
    return t.checkIn.registered(outcome.fingerprint);
  }

  return (
    <main className="page check-in-page">
      <h1>{t.checkIn.title}</h1>
      <p className="muted">{t.checkIn.intro}</p>
      <OutcomeBanner outcome={message} />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.checkIn.columns.expert}</th>
            <th scope="col">{t.checkIn.columns.checkIn}</th>
            <th scope="col">{t.checkIn.columns.key}</th>
            <th scope="col">{t.checkIn.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {experts.map((expert) => {
            const at = checkIns.get(expert.id);
            const fingerprint = keys.get(expert.id);
            return (
              <Fragment key={expert.key}>
                <tr data-testid={`check-in-${expert.id}`}>
                  <td>
                    {expert.name}
                    {expert.title && <span className="expert-rank">{expert.title}</span>}{' '}
                    <span className="mono muted">{expert.id}</span>
                    {expert.org && <div className="muted small">{expert.org}</div>}
                  </td>
                  <td>
                    {at ? (
                      <div className="checked-in">
                        <span>{t.checkIn.checkedIn(formatDateTime(at, language))}</span>
                        <button
                          type="button"
                          className="button small"
                          aria-label={t.pledge.openFor(expert.name)}
                          onClick={() => setPledgeOf(expert.id)}
                        >
                          {t.pledge.open}
                        </button>
                      </div>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        aria-label={`${t.checkIn.checkIn} ${expert.name}`}
                        onClick={() =>
                          void run(async () => {
                            await checkInExpert(db, session, roundId, expert.id);
                            return null;
                          })
                        }
                      >
                        {t.checkIn.checkIn}
                      </button>
                    )}
                  </td>
                  <td className="mono fingerprint-cell">{fingerprint ?? t.checkIn.noKey}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={`${t.checkIn.fromFile} ${expert.name}`}
                      onClick={() => {
                        setMessage(null);
                        setFromFile(expert.id);
                      }}
                    >
                      {t.checkIn.fromFile}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      title={t.checkIn.fromDeviceHint}
                      aria-label={`${t.checkIn.fromDevice} ${expert.name}`}
                      onClick={() => void run(() => registerDevice(expert))}
                    >
                      {t.checkIn.fromDevice}
                    </button>
                  </td>
                </tr>
                {fromFile === expert.id && (
                  <tr>
                    <td colSpan={4}>
                      <KeyFileRegistration
                        roundId={roundId}
                        expert={expert}
                        session={session}
                        replacing={fingerprint ?? null}
                        onDone={(text) => {
                          setFromFile(null);
                          if (text) setMessage({ ok: true, text });
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <ExportRegistryButton roundId={roundId} />
    </main>
  );
}
