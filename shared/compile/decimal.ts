/**
 * Exact decimal arithmetic for compiling scores. Points are decimal numbers (multiples of the
 * rubric's steps: 0.5, 0.25, 0.1 …), which binary floating point cannot hold exactly, so every
 * official number is computed on integers: points in millionths ("micro-points"), aggregates as
 * a fraction of micro-points, rounded once, to hundredths, half away from zero.
 */

/** Millionths of a point per point. Rubric steps are far coarser, so the conversion is exact. */
export const MICRO = 1_000_000;

/** A point value as an integer number of millionths. */
export function toMicro(points: number): number {
  return Math.round(points * MICRO);
}

export function fromMicro(micro: number): number {
  return micro / MICRO;
}

/** An exact fraction of micro-points: `num / den` millionths of a point, `den` > 0. */
export interface Fraction {
  num: number;
  den: number;
}

/**
 * `a / b` rounded to the nearest integer, halves away from zero. Exact for integers below 2^53:
 * `%` on integers is exact, and so is dividing a multiple of `b` by `b`.
 */
export function divideRoundHalfAway(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b === 0) {
    throw new RangeError(`divideRoundHalfAway needs safe integers and b ≠ 0, got ${a} / ${b}`);
  }
  const negative = a < 0 !== b < 0;
  const x = Math.abs(a);
  const y = Math.abs(b);
  const remainder = x % y;
  let quotient = (x - remainder) / y;
  if (remainder * 2 >= y) quotient += 1;
  return negative ? -quotient : quotient;
}

/** A fraction of micro-points rounded to hundredths of a point (half away from zero). */
export function toHundredths(value: Fraction): number {
  return divideRoundHalfAway(value.num, value.den * (MICRO / 100));
}

/** Compare two fractions exactly: negative when a < b, 0 when equal, positive when a > b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  // Cross-multiplication stays exact while both products are below 2^53 (points ≤ 1e5, n ≤ 1e3).
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Any decimal number rounded to two places, half away from zero, exactly as written in decimal. */
export function round2(value: number): number {
  if (!Number.isFinite(value)) return value;
  // Shortest round-trip decimal spelling of the double, so 1.005 is treated as the decimal 1.005.
  return hundredthsFromDecimalString(String(value)) / 100;
}

function hundredthsFromDecimalString(text: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) return Math.round(Number(text) * 100);
  const [, sign, intPart = '', fracPart = '', exp = '0'] = match;
  let digits = intPart + fracPart;
  let point = intPart.length + Number(exp);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point + 3, '0');
  const kept = Number(digits.slice(0, point + 2));
  const next = Number(digits[point + 2]);
  const magnitude = next >= 5 ? kept + 1 : kept;
  return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/** Hundredths as the two-decimal text shown and printed: 8188 → '81.88', 6800 → '68.00'. */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

/** Points as a person writes them, no trailing zeros: 92, 85.5, 7.25. */
export function formatPoints(points: number): string {
  const micro = toMicro(points);
  const sign = micro < 0 ? '-' : '';
  const abs = Math.abs(micro);
  const whole = Math.floor(abs / MICRO);
  const fraction = String(abs % MICRO)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}
