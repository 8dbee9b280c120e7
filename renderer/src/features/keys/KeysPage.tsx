import { useEffect, useId, useState, type FormEvent } from 'react';
import { KEY_ERROR, PASSPHRASE_MIN_LENGTH, type DeviceKeyInfo } from '@shared/platform/Platform';
import { useServices } from '../../app/AppServices';
import { formatDateTime } from '../../app/format/dateTime';
import { useI18n } from '../../i18n/I18nProvider';
import { ExportMyPublicKey } from './ExportMyPublicKey';
import { isKeyError, messageOf } from './keyErrors';
import { registrationFileName, registrationJson, registrationPem } from './registration';
import './keys.css';

type Load = { state: 'loading' } | { state: 'ready'; key: DeviceKeyInfo | null };

/** 签名密钥: this laptop's device key: create it, see how it is protected, export the public half. */
export function KeysPage() {
  const { t } = useI18n();
  const { platform } = useServices();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // Bumped after creating a key, so the effect below reads the key again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    platform.keys.info().then(
      (key) => {
        if (live) setLoad({ state: 'ready', key });
      },
      (error: unknown) => {
        if (!live) return;
        setMessage({ kind: 'error', text: t.keys.failed(messageOf(error)) });
        setLoad({ state: 'ready', key: null });
      },
    );
    return () => {
      live = false;
    };
  }, [platform, t, version]);

  async function create(passphrase?: string) {
    setBusy(true);
    setMessage(null);
    try {
      await platform.keys.create(passphrase === undefined ? undefined : { passphrase });
      setNeedsPassphrase(false);
      setMessage({ kind: 'ok', text: t.keys.created });
      setVersion((v) => v + 1);
    } catch (error) {
      // No OS key store on this computer: ask for a passphrase rather than failing.
      if (isKeyError(error, KEY_ERROR.passphraseRequired)) setNeedsPassphrase(true);
      else setMessage({ kind: 'error', text: t.keys.failed(messageOf(error)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page narrow keys-page">
      <h1>{t.keys.title}</h1>
      <p className="muted">{t.keys.intro}</p>
      {load.state === 'loading' ? (
        <p aria-busy="true">…</p>
      ) : load.key ? (
        <KeyDetails keyInfo={load.key} />
      ) : (
        <section aria-label={t.keys.create}>
          <p>{t.keys.none}</p>
          {needsPassphrase ? (
            <PassphraseForm busy={busy} onSubmit={(p) => void create(p)} />
          ) : (
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void create()}
            >
              {busy ? t.keys.creating : t.keys.create}
            </button>
          )}
        </section>
      )}
      {message && (
        <p
          className={`banner ${message.kind === 'ok' ? 'success' : 'error'}`}
          role={message.kind === 'ok' ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </main>
  );
}

function KeyDetails({ keyInfo }: { keyInfo: DeviceKeyInfo }) {
  const { t, language } = useI18n();
  const { platform } = useServices();
  const id = useId();
  const [name, setName] = useState(t.keys.defaultRegistrant);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(extension: 'json' | 'pem') {
    setSaved(null);
    setError(null);
    const text = extension === 'json' ? registrationJson(name, keyInfo) : registrationPem(keyInfo);
    try {
      const outcome = await platform.saveFile({
        title: t.keys.saveTitle,
        suggestedName: registrationFileName(keyInfo, extension),
        filters: [
          extension === 'json'
            ? { name: t.keys.jsonFilter, extensions: ['json'] }
            : { name: t.keys.pemFilter, extensions: ['pem'] },
        ],
        bytes: new TextEncoder().encode(text),
      });
      if (outcome.saved) setSaved(outcome.location);
    } catch (e) {
      setError(t.keys.failed(messageOf(e)));
    }
  }

  return (
    <>
      <dl className="key-details" data-testid="key-details">
        <dt>{t.keys.keyId}</dt>
        <dd className="fingerprint" data-testid="key-fingerprint">
          {keyInfo.fingerprint}
        </dd>
        <dt>{t.keys.protection}</dt>
        <dd data-testid="key-protection">
          {t.keys.protectionKinds[keyInfo.protection] ?? keyInfo.protection}
        </dd>
        <dt>{t.keys.createdAt}</dt>
        <dd>{formatDateTime(keyInfo.createdAt, language)}</dd>
      </dl>
      <details className="key-technical">
        <summary>{t.keys.technical}</summary>
        <p className="muted small">{t.keys.publicKeyHint}</p>
        <dl className="key-details">
          <dt>{t.keys.publicKey}</dt>
          <dd>
            <code className="public-key">{keyInfo.publicKey}</code>
          </dd>
        </dl>
      </details>
      <ExportMyPublicKey keyInfo={keyInfo} />
      <section className="panel-section" aria-labelledby={`${id}-register`}>
        <h2 id={`${id}-register`}>{t.keys.register}</h2>
        <p className="muted">{t.keys.registerHint}</p>
        <label htmlFor={`${id}-name`}>{t.keys.registrantName}</label>{' '}
        <input
          id={`${id}-name`}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="key-actions">
          <button
            type="button"
            className="button"
            disabled={name.trim() === ''}
            onClick={() => void save('json')}
          >
            {t.keys.exportJson}
          </button>{' '}
          <button type="button" className="button" onClick={() => void save('pem')}>
            {t.keys.exportPem}
          </button>
        </div>
        {saved && (
          <p className="banner success" role="status">
            {t.keys.exported(saved)}
          </p>
        )}
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
      </section>
    </>
  );
}

function PassphraseForm({ busy, onSubmit }: { busy: boolean; onSubmit: (p: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if ([...first].length < PASSPHRASE_MIN_LENGTH) return setProblem(t.keys.passphraseShort);
    if (first !== second) return setProblem(t.keys.passphraseMismatch);
    setProblem(null);
    onSubmit(first);
  }

  return (
    <form className="key-passphrase" aria-label={t.keys.createWithPassphrase} onSubmit={submit}>
      <p className="banner">{t.keys.passphraseNeeded}</p>
      <label htmlFor={`${id}-p1`}>{t.keys.passphrase}</label>
      <input
        id={`${id}-p1`}
        type="password"
        autoComplete="new-password"
        autoFocus
        value={first}
        onChange={(e) => setFirst(e.target.value)}
      />
      <label htmlFor={`${id}-p2`}>{t.keys.passphraseAgain}</label>
      <input
        id={`${id}-p2`}
        type="password"
        autoComplete="new-password"
        value={second}
        onChange={(e) => setSecond(e.target.value)}
      />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t.keys.creating : t.keys.createWithPassphrase}
      </button>
      {problem && (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
