import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export interface AutoBackupSession {
  /** The backup passphrase entered in this run of the app, or null. */
  passphrase: string | null;
  setPassphrase(passphrase: string | null): void;
}

const SessionContext = createContext<AutoBackupSession | null>(null);

/**
 * The automatic backup's passphrase for this run: React state at the top of the app, so the
 * backup page can set it and the close handler can use it. It is never written anywhere (not
 * the database, not main): a stolen laptop's disk holds no key to its backups.
 */
export function AutoBackupSessionProvider({ children }: { children: ReactNode }) {
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const session = useMemo(() => ({ passphrase, setPassphrase }), [passphrase]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useAutoBackupSession(): AutoBackupSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('AutoBackupSessionProvider is missing');
  return session;
}
