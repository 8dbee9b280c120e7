import { describe, expect, it } from 'vitest';
import { deviationTagClass } from './deviationTag';

describe('deviation badge in the drill-down', () => {
  it('is red only while the expert still has to review it', () => {
    expect(deviationTagClass('pending')).toBe('tag');
    expect(deviationTagClass('confirmed')).toBe('tag settled');
    expect(deviationTagClass('revised')).toBe('tag settled');
  });
});
