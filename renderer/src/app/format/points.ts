/** Points as people write them: at most two decimals, no trailing zeros (85.5, not 85.50). */
export function formatPoints(value: number): string {
  return String(Math.round(value * 100) / 100);
}
