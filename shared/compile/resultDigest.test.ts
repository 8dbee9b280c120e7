import { describe, expect, it } from 'vitest';
import { compileRound } from './compile';
import { resultDigest } from './resultDigest';
import type { CompileInput } from './types';

const input: CompileInput = {
  round: {
    kind: 'selection',
    rubric: {
      id: 'r',
      title: 'r',
      sections: [
        {
          id: 's',
          title: 's',
          criteria: [{ id: 'c1', title: 'c1', guidance: '', max: 100, step: 0.5 }],
        },
      ],
      vetoes: [],
      commentRequiredBelow: 0,
      passLine: 60,
      bands: [],
    },
    aggregation: {
      method: 'mean',
      trimWhenAtLeast: 5,
      deviationFlag: 0.2,
      vetoRule: 'majority',
      tieBreak: [],
    },
    quotas: [{ group: 'g', count: 1, reserve: 0 }],
  },
  packets: [
    { id: 'P1', group: 'g', title: '一' },
    { id: 'P2', group: 'g', title: '二' },
  ],
  sheets: [
    {
      packetId: 'P1',
      expertId: 'e1',
      status: 'submitted',
      scores: { c1: 80 },
      vetoes: {},
      revision: 1,
    },
    {
      packetId: 'P2',
      expertId: 'e1',
      status: 'submitted',
      scores: { c1: 70 },
      vetoes: {},
      revision: 1,
    },
  ],
};

describe('resultDigest', () => {
  it('is a SHA-256 hex that ignores the order sheets arrive in but sees any change of a number', () => {
    const digest = resultDigest(compileRound(input));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(resultDigest(compileRound({ ...input, sheets: [...input.sheets].reverse() }))).toBe(
      digest,
    );
    const changed = {
      ...input,
      sheets: [input.sheets[0]!, { ...input.sheets[1]!, scores: { c1: 70.5 } }],
    };
    expect(resultDigest(compileRound(changed))).not.toBe(digest);
  });
});
