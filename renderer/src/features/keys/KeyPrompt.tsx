import { KEY_ERROR } from '@shared/platform/Platform';
import { hrefFor } from '../../app/router';
import { useI18n } from '../../i18n/I18nProvider';
import { isKeyError } from './keyErrors';
import { UnlockKeyForm } from './UnlockKeyForm';

/** What signing needs from the user before it can go on, or null for any other failure. */
export type KeyNeed = 'unlock' | 'key';

/**
 * A passphrase-protected key asks for its passphrase once per run; a laptop without a key store
 * needs the passphrase chosen on the key page before the first signature.
 */
export function keyNeedOf(error: unknown): KeyNeed | null {
  if (isKeyError(error, KEY_ERROR.passphraseLocked)) return 'unlock';
  if (isKeyError(error, KEY_ERROR.passphraseRequired)) return 'key';
  return null;
}

/** Asks for what the key needs; `onReady` retries the signing action once unlocked. */
export function KeyPrompt({
  need,
  onReady,
  onCancel,
}: {
  need: KeyNeed;
  onReady(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  if (need === 'unlock') return <UnlockKeyForm onUnlocked={onReady} onCancel={onCancel} />;
  return (
    <p className="banner error" role="alert">
      {t.keys.passphraseNeeded} <a href={hrefFor({ name: 'keys' })}>{t.keys.nav}</a>
    </p>
  );
}
