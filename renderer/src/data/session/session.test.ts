import { describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  actorLabel,
  endSession,
  issueSession,
  requireExpert,
  requireSecretariat,
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

  it('names the real actor', () => {
    expect(actorLabel({ kind: 'secretariat' })).toBe('秘书处');
    expect(actorLabel(expert)).toBe('王建国（e1）');
    expect(actorLabel(expert, 'chair')).toBe('组长 王建国（e1）');
  });
});
