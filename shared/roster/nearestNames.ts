/**
 * The valid names nearest to a mistyped one, for "did you mean" messages. Distance is the
 * Levenshtein distance over code points, so one wrong Chinese character counts as one edit.
 */

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitute = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitute));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * Up to `limit` distinct names close enough to be what was meant (at most half the characters
 * differ), nearest first, ties in list order; empty when nothing is close. `spellings` maps each
 * accepted spelling to the name to suggest, so 阿坝洲 finds 阿坝州 and suggests its official name.
 */
export function nearestNames(
  value: string,
  spellings: ReadonlyMap<string, string> | readonly string[],
  limit = 3,
): string[] {
  const pairs: [string, string][] = Array.isArray(spellings)
    ? spellings.map((name: string) => [name, name])
    : [...(spellings as ReadonlyMap<string, string>)];
  const best = new Map<string, number>();
  for (const [spelling, name] of pairs) {
    const d = editDistance(value, spelling);
    if (d < (best.get(name) ?? Infinity)) best.set(name, d);
  }
  const close = Math.max(1, Math.ceil([...value].length / 2));
  return [...best]
    .filter(([, d]) => d <= close)
    .map(([name, d], order) => ({ name, d, order }))
    .sort((p, q) => p.d - q.d || p.order - q.order)
    .slice(0, limit)
    .map((p) => p.name);
}
