/**
 * Who is acting on this laptop, as a capability the data layer checks.
 *
 * A `Session` is made only by the credential repositories, after they have checked a passphrase
 * (the secretariat) or a PIN (an expert). Repositories that change the panel, the round or a
 * sheet take the session as an argument and refuse one they did not issue, one that has ended,
 * or one of the wrong role, so hiding a button is never the only guard. Sessions live in memory
 * only: a reload or a new window starts locked.
 *
 * The chair is an expert whose panel role is 组长 at the moment of the write: chair actions take
 * the chair's expert session, and the repository checks the role inside its transaction.
 */

/** How the audit log and the screens name the secretariat: one spelling, everywhere. */
export const SECRETARIAT_ACTOR = '秘书处';

export type Actor =
  | { readonly kind: 'secretariat' }
  | {
      readonly kind: 'expert';
      readonly roundId: string;
      readonly expertId: string;
      readonly name: string;
    };

export interface Session {
  readonly actor: Actor;
  /** When the session was opened, for idle locking and the audit log. */
  readonly openedAt: Date;
}

export type AccessNeed = 'secretariat' | 'expert' | 'chair';

/** A write attempted without the session it needs. Screens turn `need` into words. */
export class AccessDeniedError extends Error {
  readonly code = 'access-denied';
  constructor(
    readonly need: AccessNeed,
    message: string,
  ) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

const live = new WeakSet<Session>();
/** Sessions opened with a temporary PIN: they may choose a new PIN and nothing else. */
const changeOnly = new WeakSet<Session>();

/**
 * Opens a session for `actor`. Only credential checks call this (secretariat passphrase,
 * expert PIN); everything else receives sessions, never makes them.
 */
export function issueSession(actor: Actor, now = new Date()): Session {
  const session: Session = Object.freeze({ actor: Object.freeze({ ...actor }), openedAt: now });
  live.add(session);
  return session;
}

/**
 * Opens a session that may only replace the credential it was opened with (an expert who
 * unlocked with the temporary PIN the secretariat gave them). No other write accepts it, so
 * whoever knows the temporary PIN cannot act as the expert with it.
 */
export function issueChangeOnlySession(actor: ExpertActor, now = new Date()): Session {
  const session: Session = Object.freeze({ actor: Object.freeze({ ...actor }), openedAt: now });
  changeOnly.add(session);
  return session;
}

export function endSession(session: Session | null | undefined): void {
  if (session) {
    live.delete(session);
    changeOnly.delete(session);
  }
}

export function isLive(session: Session | null | undefined): session is Session {
  return session !== null && session !== undefined && live.has(session);
}

/** The secretariat's session, or AccessDeniedError. */
export function requireSecretariat(session: Session | null | undefined): Session {
  if (!isLive(session) || session.actor.kind !== 'secretariat') {
    throw new AccessDeniedError('secretariat', '此操作需要秘书处口令');
  }
  return session;
}

export type ExpertActor = Extract<Actor, { kind: 'expert' }>;
export type ExpertSession = Session & { actor: ExpertActor };

/** An expert's session (full, or opened with a temporary PIN) for changing their own PIN. */
export function requireCredentialChange(session: Session | null | undefined): ExpertSession {
  if (
    !session ||
    !(live.has(session) || changeOnly.has(session)) ||
    session.actor.kind !== 'expert'
  ) {
    throw new AccessDeniedError('expert', '请先用 PIN 解锁本人身份，再更改 PIN');
  }
  return session as ExpertSession;
}

/**
 * The secretariat's session, or the session of any expert of this round (field work: route,
 * site notes, photos, findings are recorded by whoever is on site with the laptop unlocked).
 */
export function requireSecretariatOrExpertOf(
  session: Session | null | undefined,
  roundId: string,
): Session {
  if (!isLive(session) || (session.actor.kind === 'expert' && session.actor.roundId !== roundId)) {
    throw new AccessDeniedError('expert', '请先解锁秘书处，或由本评审的专家输入 PIN 解锁');
  }
  return session;
}

/** The session of exactly this expert in this round, or AccessDeniedError. */
export function requireExpert(
  session: Session | null | undefined,
  roundId: string,
  expertId: string,
): ExpertSession {
  if (
    !isLive(session) ||
    session.actor.kind !== 'expert' ||
    session.actor.roundId !== roundId ||
    session.actor.expertId !== expertId
  ) {
    throw new AccessDeniedError('expert', '只有该专家本人输入 PIN 解锁后才能修改其评分');
  }
  return session as ExpertSession;
}

/**
 * An expert session of this round, for a chair action: the caller then checks, inside the
 * write's transaction, that this expert is the round's chair (see chairGuard.ts).
 */
export function requireExpertOf(
  session: Session | null | undefined,
  roundId: string,
): ExpertSession {
  if (!isLive(session) || session.actor.kind !== 'expert' || session.actor.roundId !== roundId) {
    throw new AccessDeniedError('chair', '此操作需要专家组组长输入 PIN 解锁');
  }
  return session as ExpertSession;
}

/** The actor as the audit log records it: 秘书处, or the expert's name and id. */
export function actorLabel(actor: Actor, role?: 'chair'): string {
  if (actor.kind === 'secretariat') return SECRETARIAT_ACTOR;
  return `${role === 'chair' ? '组长 ' : ''}${actor.name}（${actor.expertId}）`;
}
