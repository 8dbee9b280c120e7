import { describe, expect, it } from 'vitest';
import { rankNote } from './rankNote';

describe('the note beside a rank', () => {
  it('says 并列 while a tie is open and no longer once the chair has decided it', () => {
    expect(rankNote({ tied: true, chairDecision: null })).toBe('tied');
    expect(
      rankNote({ tied: true, chairDecision: { decision: '入选', reason: '创新性更强' } }),
    ).toBe('decided');
    expect(rankNote({ tied: false, chairDecision: null })).toBeNull();
  });
});
