import { useState, type FormEvent } from 'react';
import { readExpertKeysBytes, type ExpertKeyEntry } from '@shared/formats/expertKeys';
import { decodeBase64 } from '@shared/signing/base64';
import { keyFingerprint } from '@shared/signing/hash';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { registerExpertKey } from '../../data/repositories/expertKeyRepository';
import type { ExpertRow } from '../../data/rows';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';

/** Fingerprints compared as people read them: spaces, colons and case do not matter. */
const normal = (fingerprint: string) => fingerprint.replace(/[\s:：-]/g, '').toLowerCase();

interface Picked {
  fileName: string;
  entry: ExpertKeyEntry;
  fingerprint: string;
}

/**
 * Registers an expert's key from the public-key file their laptop exported: the file's
 * fingerprint beside the one the expert reads aloud from their own screen; only a match registers.
 */
export function KeyFileRegistration({
  roundId,
  expert,
  session,
  replacing,
  onDone,
}: {
  roundId: string;
  expert: ExpertRow;
  session: Session;
  /** The fingerprint registered for this expert now, if any: replacing it needs a reason. */
  replacing: string | null;
  onDone(message: string | null): void;
}) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const { guard } = useSessions();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [heard, setHeard] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const c = t.checkIn;

  async function pick() {
    setError(null);
    setPicked(null);
    try {
      const [file] = await platform.openFiles({
        title: c.pickTitle,
        filters: [{ name: c.jsonFilter, extensions: ['json'] }],
        multiple: false,
      });
      if (!file) return;
      const parsed = readExpertKeysBytes(file.bytes, file.name);
      if (!parsed.ok) {
        setError(parsed.problems.map((p) => p.message).join('；'));
        return;
      }
      const [entry] = parsed.value.experts;
      if (parsed.value.experts.length !== 1 || !entry) {
        setError(c.oneEntry(parsed.value.experts.length));
        return;
      }
      if (parsed.value.roundId !== roundId) {
        setError(c.wrongRound(parsed.value.roundId));
        return;
      }
      if (entry.id !== expert.id) {
        setError(c.wrongExpert(entry.name, entry.id));
        return;
      }
      setPicked({
        fileName: file.name,
        entry,
        fingerprint: keyFingerprint(decodeBase64(entry.publicKey)),
      });
    } catch (e) {
      setError(c.failed(messageOf(e)));
    }
  }

  const matches = picked !== null && normal(heard) === normal(picked.fingerprint);
  const replaces = picked !== null && replacing !== null && replacing !== picked.fingerprint;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!picked || !matches) return;
    setError(null);
    try {
      const outcome = await guard(() =>
        registerExpertKey(
          db,
          session,
          roundId,
          expert.id,
          picked.entry.publicKey,
          'file',
          replaces ? reason : '',
          picked.fileName,
        ),
      );
      if (!outcome) return;
      if (outcome.ok) onDone(c.registered(outcome.fingerprint));
      else setError(outcome.message);
    } catch (e) {
      setError(c.failed(messageOf(e)));
    }
  }

  return (
    <form className="card key-compare" onSubmit={onSubmit} aria-label={c.compareTitle(expert.name)}>
      <h3>{c.compareTitle(expert.name)}</h3>
      {!picked ? (
        <div className="row-actions">
          <button type="button" className="button primary" onClick={() => void pick()}>
            {c.pickFile}
          </button>
          <button type="button" className="link-button" onClick={() => onDone(null)}>
            {c.cancel}
          </button>
        </div>
      ) : (
        <>
          <p>{c.compareHint}</p>
          <p className="muted">
            {c.fileFor(picked.entry.name, picked.entry.id)} · {picked.fileName}
          </p>
          <div className="side-by-side">
            <div>
              <div className="label">{c.fileFingerprint}</div>
              <div className="fingerprint-large" data-testid="file-fingerprint">
                {picked.fingerprint}
              </div>
            </div>
            <label>
              <span className="label">{c.expertSays}</span>
              <input
                className="fingerprint-input"
                value={heard}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setHeard(e.target.value)}
              />
              {heard !== '' && (
                <span className={matches ? 'success-text' : 'error-text'} role="status">
                  {matches ? c.match : c.noMatch}
                </span>
              )}
            </label>
          </div>
          {replaces && (
            <label className="reason">
              {c.replaceReason(replacing ?? '')}
              <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
          <div className="row-actions">
            <button
              type="submit"
              className="button primary"
              disabled={!matches || (replaces && reason.trim() === '')}
            >
              {c.confirmRegister}
            </button>
            <button type="button" className="link-button" onClick={() => onDone(null)}>
              {c.cancel}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
