import { useState } from 'react';
import type { DeviceKeyInfo } from '@shared/platform/Platform';
import {
  parseTrustedKeys,
  verifyResultWorkbook,
  type TrustedKey,
  type VerifyResult,
} from '@shared/workbook';
import { useServices } from '../../app/AppServices';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../app/format/dateTime';
import { messageOf } from '../keys/keyErrors';
import './export.css';

interface Checked {
  fileName: string;
  result: VerifyResult;
  device: DeviceKeyInfo | null;
  /** Registered keys loaded from a KEYS.json, when the user gave one. */
  trusted: TrustedKey[] | null;
}

/** Yield to the browser so the “verifying” state paints before the synchronous check runs. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * 核验工作簿: the same verifyResultWorkbook as `review-desk verify`, on a file the user opens, and
 * the same three answers in words: valid and signed by a trusted key (named), 签名有效，但未核对
 * 签名人 (no list of trusted keys given: anyone can sign a workbook with a key of their own), or
 * invalid (tampered, or signed by a key not on the list).
 */
export function VerifyPage() {
  const { t } = useI18n();
  const { platform } = useServices();
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [trusted, setTrusted] = useState<{ name: string; keys: TrustedKey[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function openWorkbook() {
    setError(null);
    try {
      const [file] = await platform.openFiles({
        title: t.export.openTitle,
        filters: [{ name: t.export.fileFilter, extensions: ['xlsx'] }],
        multiple: false,
      });
      if (!file) return;
      setBusy(true);
      setChecked(null);
      await nextFrame();
      const result = verifyResultWorkbook(
        file.bytes,
        trusted ? { trustedKeys: trusted.keys.map((k) => k.publicKey) } : {},
      );
      const device = await platform.keys.info().catch(() => null);
      setChecked({ fileName: file.name, result, device, trusted: trusted?.keys ?? null });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function openKeys() {
    setError(null);
    const [file] = await platform.openFiles({
      title: t.export.trustPickTitle,
      filters: [{ name: t.export.trustFilter, extensions: ['json'] }],
      multiple: false,
    });
    if (!file) return;
    const parsed = parseTrustedKeys(new TextDecoder().decode(file.bytes));
    if (!parsed.ok) setError(`${file.name}：${parsed.problems.join('；')}`);
    else setTrusted({ name: file.name, keys: parsed.keys });
  }

  return (
    <main className="page narrow verify-page">
      <h1>{t.export.verifyTitle}</h1>
      <p className="muted">{t.export.verifyIntro}</p>
      <details className="verify-technical">
        <summary>{t.keys.technical}</summary>
        <p className="muted small">{t.export.verifyTechnical}</p>
      </details>
      <div className="verify-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void openWorkbook()}
        >
          {t.export.verifyOpen}
        </button>{' '}
        <button type="button" className="button" onClick={() => void openKeys()}>
          {trusted ? t.export.trustChange : t.export.trustPick}
        </button>
        {trusted && (
          <button type="button" className="link-button" onClick={() => setTrusted(null)}>
            {t.export.trustClear}
          </button>
        )}
      </div>
      <p className="muted" data-testid="verify-trust">
        {trusted ? t.export.trustLoaded(trusted.name, trusted.keys.length) : t.export.trustNone}
      </p>
      {busy && <p role="status">{t.export.verifying}</p>}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {checked && <VerifyOutcome checked={checked} />}
    </main>
  );
}

function VerifyOutcome({ checked }: { checked: Checked }) {
  const { t, language } = useI18n();
  const { result, device } = checked;
  if (!result.ok) {
    return (
      <section className="verify-result banner error" role="alert" data-testid="verify-result">
        <p>
          <strong>{checked.fileName}</strong>{' '}
          {result.kind === 'unreadable' ? t.export.unreadable : t.export.invalid}
        </p>
        <h2>{t.export.problems}</h2>
        <ul data-testid="verify-problems">
          {result.problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      </section>
    );
  }
  const { summary } = result;
  const registered = checked.trusted?.find((k) => k.publicKey === summary.publicKey) ?? null;
  const thisDevice = device?.publicKey === summary.publicKey;
  const signer = registered
    ? t.export.trustedSigner(registered.name)
    : `${t.export.uncheckedSigner}${thisDevice ? ` ${t.export.thisDevice}` : ''}`;
  return (
    <section
      className={`verify-result banner ${registered ? 'success' : 'warning'}`}
      role="status"
      data-testid="verify-result"
    >
      <p>
        <strong>{checked.fileName}</strong>{' '}
        {registered
          ? t.export.validTrusted(registered.name)
          : t.export.validUnchecked(summary.keyId)}
      </p>
      {!registered && <p>{t.export.uncheckedWhy}</p>}
      <dl>
        <dt>{t.export.round}</dt>
        <dd>
          {summary.roundTitle}（{summary.roundId}）
        </dd>
        <dt>{t.export.generatedAt}</dt>
        <dd>
          {formatDateTime(summary.generatedAt, language)} · {summary.generator}
        </dd>
        <dt>{t.export.counts(summary.packets, summary.sheets)}</dt>
        <dd />
        <dt>{t.export.keyId}</dt>
        <dd data-testid="verify-key-id">{summary.keyId}</dd>
        <dt>{t.export.signer}</dt>
        <dd data-testid="verify-signer">{signer}</dd>
        <dt>{t.export.sha256}</dt>
        <dd data-testid="verify-sha256">{summary.sha256}</dd>
      </dl>
      {summary.warnings.length > 0 && (
        <>
          <h2>{t.export.warnings}</h2>
          <ul>
            {summary.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
