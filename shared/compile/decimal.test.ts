import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareFractions,
  divideRoundHalfAway,
  formatHundredths,
  formatPoints,
  round2,
  toHundredths,
  toMicro,
} from './decimal';

describe('divideRoundHalfAway', () => {
  it('rounds halves away from zero', () => {
    expect(divideRoundHalfAway(5, 2)).toBe(3);
    expect(divideRoundHalfAway(-5, 2)).toBe(-3);
    expect(divideRoundHalfAway(7, 2)).toBe(4);
    expect(divideRoundHalfAway(4, 3)).toBe(1);
    expect(divideRoundHalfAway(5, 3)).toBe(2);
    expect(divideRoundHalfAway(-4, 3)).toBe(-1);
    expect(divideRoundHalfAway(0, 7)).toBe(0);
  });

  it('refuses non-integers and zero', () => {
    expect(() => divideRoundHalfAway(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfAway(1, 0)).toThrow(RangeError);
  });

  it('agrees with exact BigInt rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 1e6 }),
        (a, b) => {
          const big = (BigInt(Math.abs(a)) * 2n + BigInt(b)) / (2n * BigInt(b));
          expect(divideRoundHalfAway(a, b)).toBe(a < 0 ? -Number(big) : Number(big));
        },
      ),
    );
  });
});

describe('toHundredths: two decimals, half away from zero, on exact values', () => {
  const mean = (...points: number[]) =>
    toHundredths({ num: points.reduce((s, p) => s + toMicro(p), 0), den: points.length });

  it('rounds .xx5 up where binary floats would round down', () => {
    // (1 + 1.01) / 2 = 1.005 exactly; (1 + 1.01) / 2 in doubles is 1.0049999….
    expect(mean(1, 1.01)).toBe(101);
    expect(Math.round(((1 + 1.01) / 2) * 100)).toBe(100);
    // 81.875 → 81.88 (the fixture's P005), 2.675 → 2.68 (toFixed gives 2.67).
    expect(mean(82.5, 82, 79.5, 83.5)).toBe(8188);
    expect(mean(2.5, 2.85)).toBe(268);
    expect((2.675).toFixed(2)).toBe('2.67');
  });

  it('rounds below half down and thirds correctly', () => {
    expect(mean(1, 1, 1.5)).toBe(117); // 1.1666…
    expect(mean(10, 10, 10.5)).toBe(1017); // 10.1666…
    expect(mean(0.5, 0, 0)).toBe(17); // 0.1666…
  });
});

describe('compareFractions', () => {
  it('compares exactly', () => {
    expect(compareFractions({ num: 1, den: 3 }, { num: 2, den: 6 })).toBe(0);
    expect(compareFractions({ num: 1, den: 3 }, { num: 1, den: 2 })).toBeLessThan(0);
    expect(compareFractions({ num: 3, den: 4 }, { num: 2, den: 3 })).toBeGreaterThan(0);
  });
});

describe('round2 for advisory numbers', () => {
  it('rounds the decimal as written', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(1.004999)).toBe(1);
    expect(round2(1e-7)).toBe(0);
    expect(round2(123.456)).toBe(123.46);
    expect(round2(-0.001)).toBe(0);
  });
});

describe('formatting', () => {
  it('shows scores with two decimals', () => {
    expect(formatHundredths(8188)).toBe('81.88');
    expect(formatHundredths(6800)).toBe('68.00');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(-105)).toBe('-1.05');
  });

  it('shows points without trailing zeros', () => {
    expect(formatPoints(92)).toBe('92');
    expect(formatPoints(85.5)).toBe('85.5');
    expect(formatPoints(7.25)).toBe('7.25');
    expect(formatPoints(0.1 + 0.2)).toBe('0.3');
  });
});
