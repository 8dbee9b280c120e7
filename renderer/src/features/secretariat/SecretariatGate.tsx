import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useServices } from '../../app/AppServices';
import { useSecretariatSession } from '../../app/Sessions';
import type { Session } from '../../data/session/session';
import { secretariatState } from '../../data/repositories/secretariatRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { SetPassphraseForm } from './SetPassphraseForm';
import { UnlockSecretariatForm } from './UnlockSecretariatForm';

/**
 * Shows its children only while the secretariat is unlocked in this window, and hands them the
 * session every write must pass. Before a passphrase exists on this laptop it asks for one.
 * The repositories check the session again, so reaching a page by its address gets nowhere.
 */
export function SecretariatGate({
  title,
  reason,
  page = true,
  children,
}: {
  /** The heading shown above the prompt (the page's own title). */
  title?: string;
  /** What the passphrase is asked for here. */
  reason?: string;
  /** A whole page (prompt centred in a page) or a section inside one. */
  page?: boolean;
  children: (session: Session) => ReactNode;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const session = useSecretariatSession();
  const state = useLiveQuery(() => secretariatState(db), [db]);
  if (session) return <>{children(session)}</>;
  if (!state) return page ? <main className="page" aria-busy="true" /> : null;
  const prompt =
    state.kind === 'unset' ? (
      <SetPassphraseForm mode="first" />
    ) : (
      <UnlockSecretariatForm reason={reason} lockedUntil={state.lockedUntil} />
    );
  if (!page) return <div className="secretariat-gate">{prompt}</div>;
  return (
    <main className="page narrow secretariat-gate">
      {title && <h1>{title}</h1>}
      <p className="banner">{t.secretariat.gateBanner}</p>
      {prompt}
    </main>
  );
}
