/**
 * The order lists are shown in: Chinese collation, digits compared as numbers (P2 before P10).
 * One collator for the whole app: `a.localeCompare(b, 'zh-CN', { numeric: true })` builds a new
 * one per call, which took 270 ms to sort 5,000 packet ids (the collator: 11 ms).
 */
export const compareChinese: (a: string, b: string) => number = new Intl.Collator('zh-CN', {
  numeric: true,
}).compare;
