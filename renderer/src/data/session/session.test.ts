import { describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  actorLabel,
  endSession,
  isLive,
  issueChangeOnlySession,
  issueSession,
  requireCredentialChange,
  requireExpert,
  requireExpertOf,
  requireSecretariat,
  requireSecretariatOrExpertOf,
  type Session,
} from './session';

describe('sessions', () => {
  const expert = { kind: 'expert', roundId: 'R1', expertId: 'e1', name: '王建国' } as const;

  it('accepts only sessions it issued, of the right role, until they end', () => {
    const secretariat = issueSession({ kind: 'secretariat' });
    expect(requireSecretariat(secretariat)).toBe(secretariat);
    const forged: Session = { actor: { kind: 'secretariat' }, openedAt: new Date() };
    expect(() => requireSecretariat(forged)).toThrow(AccessDeniedError);
    expect(() => requireSecretariat(null)).toThrow(AccessDeniedError);
    expect(() => requireSecretariat(issueSession(expert))).toThrow(AccessDeniedError);
    endSession(secretariat);
    expect(() => requireSecretariat(secretariat)).toThrow(AccessDeniedError);
  });

  it('an expert session writes only that expert’s sheets in that round', () => {
    const session = issueSession(expert);
    expect(requireExpert(session, 'R1', 'e1').actor.name).toBe('王建国');
    expect(() => requireExpert(session, 'R1', 'e2')).toThrow(AccessDeniedError);
    expect(() => requireExpert(session, 'R2', 'e1')).toThrow(AccessDeniedError);
    expect(() => requireExpert(issueSession({ kind: 'secretariat' }), 'R1', 'e1')).toThrow(
      AccessDeniedError,
    );
  });

  it('a session cannot be altered after it is issued', () => {
    const session = issueSession(expert);
    expect(() => {
      (session.actor as { expertId: string }).expertId = 'e2';
    }).toThrow(TypeError);
  });

  it('a session opened with a temporary PIN only changes that PIN', () => {
    const temporary = issueChangeOnlySession(expert);
    expect(isLive(temporary)).toBe(false);
    expect(() => requireExpert(temporary, 'R1', 'e1')).toThrow(AccessDeniedError);
    expect(() => requireExpertOf(temporary, 'R1')).toThrow(AccessDeniedError);
    expect(requireCredentialChange(temporary).actor.expertId).toBe('e1');
    expect(() => requireCredentialChange(issueSession({ kind: 'secretariat' }))).toThrow(
      AccessDeniedError,
    );
    endSession(temporary);
    expect(() => requireCredentialChange(temporary)).toThrow(AccessDeniedError);
  });

  it('field work takes the secretariat or an expert of that round', () => {
    expect(() => requireSecretariatOrExpertOf(issueSession(expert), 'R1')).not.toThrow();
    expect(() =>
      requireSecretariatOrExpertOf(issueSession({ kind: 'secretariat' }), 'R2'),
    ).not.toThrow();
    expect(() => requireSecretariatOrExpertOf(issueSession(expert), 'R2')).toThrow(
      AccessDeniedError,
    );
    expect(() => requireSecretariatOrExpertOf(null, 'R1')).toThrow(AccessDeniedError);
  });

  it('names the real actor', () => {
    expect(actorLabel({ kind: 'secretariat' })).toBe('秘书处');
    expect(actorLabel(expert)).toBe('王建国（e1）');
    expect(actorLabel(expert, 'chair')).toBe('组长 王建国（e1）');
  });
});
