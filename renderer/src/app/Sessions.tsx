import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  AccessDeniedError,
  endSession,
  isLive,
  type AccessNeed,
  type Session,
} from '../data/session/session';

/**
 * Who is acting in this window: the secretariat (after its passphrase) and at most one expert
 * (after their PIN). Held in memory only, so a reload or a new window starts locked; 锁定 ends
 * the session in the data layer too, so a screen that kept a reference can no longer write.
 */
interface Sessions {
  secretariat: Session | null;
  expert: Session | null;
  openSecretariat(session: Session): void;
  openExpert(session: Session): void;
  lockSecretariat(): void;
  lockExpert(): void;
  /** The last write refused for want of a session, shown by AccessDeniedNotice until dismissed. */
  denied: AccessNeed | null;
  /** Runs a write; an AccessDeniedError becomes the notice instead of a blank failure. */
  guard<T>(write: () => Promise<T>): Promise<T | undefined>;
  dismissDenied(): void;
}

const SessionsContext = createContext<Sessions | null>(null);

export function SessionsProvider({ children }: { children: ReactNode }) {
  const [secretariat, setSecretariat] = useState<Session | null>(null);
  const [expert, setExpert] = useState<Session | null>(null);
  const [denied, setDenied] = useState<AccessNeed | null>(null);

  const openSecretariat = useCallback((session: Session) => {
    setSecretariat((previous) => {
      if (previous !== session) endSession(previous);
      return session;
    });
    setDenied(null);
  }, []);
  const openExpert = useCallback((session: Session) => {
    setExpert((previous) => {
      if (previous !== session) endSession(previous);
      return session;
    });
    setDenied(null);
  }, []);
  const lockSecretariat = useCallback(() => {
    setSecretariat((previous) => {
      endSession(previous);
      return null;
    });
  }, []);
  const lockExpert = useCallback(() => {
    setExpert((previous) => {
      endSession(previous);
      return null;
    });
  }, []);
  const guard = useCallback(async <T,>(write: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await write();
    } catch (error) {
      if (error instanceof AccessDeniedError) {
        setDenied(error.need);
        return undefined;
      }
      throw error;
    }
  }, []);
  const dismissDenied = useCallback(() => setDenied(null), []);

  const value = useMemo<Sessions>(
    () => ({
      secretariat: isLive(secretariat) ? secretariat : null,
      expert: isLive(expert) ? expert : null,
      openSecretariat,
      openExpert,
      lockSecretariat,
      lockExpert,
      denied,
      guard,
      dismissDenied,
    }),
    [
      secretariat,
      expert,
      openSecretariat,
      openExpert,
      lockSecretariat,
      lockExpert,
      denied,
      guard,
      dismissDenied,
    ],
  );
  return <SessionsContext.Provider value={value}>{children}</SessionsContext.Provider>;
}

export function useSessions(): Sessions {
  const sessions = useContext(SessionsContext);
  if (!sessions) throw new Error('SessionsProvider is missing');
  return sessions;
}

/** The secretariat's session, or null while locked. */
export function useSecretariatSession(): Session | null {
  return useSessions().secretariat;
}

/** The session of this expert in this round, or null when another (or nobody) is unlocked. */
export function useExpertSession(roundId: string, expertId: string): Session | null {
  const { expert } = useSessions();
  if (!expert || expert.actor.kind !== 'expert') return null;
  return expert.actor.roundId === roundId && expert.actor.expertId === expertId ? expert : null;
}

/** The expert unlocked in this window for `roundId` (拉练: the current inspector), or null. */
export function useUnlockedExpertId(roundId: string): string | null {
  const { expert } = useSessions();
  if (!expert || expert.actor.kind !== 'expert' || expert.actor.roundId !== roundId) return null;
  return expert.actor.expertId;
}

/**
 * Who records field work (route, notes, photos, findings) in `roundId`: the inspector unlocked
 * in this window, else the secretariat; null when neither is (the write is then refused).
 */
export function useFieldSession(roundId: string): Session | null {
  const { expert, secretariat } = useSessions();
  if (expert && expert.actor.kind === 'expert' && expert.actor.roundId === roundId) return expert;
  return secretariat;
}
