import { describe, expect, it } from 'vitest';
import { qrMatrix, qrPath } from './qrMatrix';

describe('qrMatrix', () => {
  it('encodes a short hash as a square QR code with its three finder patterns', () => {
    const m = qrMatrix('0123 4567 89ab cdef');
    const n = m.length;
    expect(n).toBeGreaterThanOrEqual(21);
    expect((n - 17) % 4).toBe(0);
    for (const row of m) expect(row).toHaveLength(n);
    // Finder patterns: a dark 7×7 ring at three corners, light just inside it.
    for (const [r, c] of [
      [0, 0],
      [0, n - 7],
      [n - 7, 0],
    ] as const) {
      expect(m[r]![c]).toBe(true);
      expect(m[r + 6]![c + 6]).toBe(true);
      expect(m[r + 1]![c + 1]).toBe(false);
      expect(m[r + 3]![c + 3]).toBe(true);
    }
  });

  it('is deterministic and differs for different text', () => {
    expect(qrMatrix('abcd')).toEqual(qrMatrix('abcd'));
    expect(qrMatrix('abcd')).not.toEqual(qrMatrix('abce'));
  });

  it('draws one unit square per dark module', () => {
    expect(
      qrPath([
        [true, false],
        [false, true],
      ]),
    ).toBe('M0 0h1v1h-1zM1 1h1v1h-1z');
  });
});
