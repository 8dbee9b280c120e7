import { describe, expect, it } from 'vitest';
import { evaluate, renderTable, type Row } from '../../bench/report';
import { TARGETS } from '../../bench/targets';

const row = (ours: number, baseline: number | null, target: Row['target']): Row => ({
  figure: '3 scoring',
  measure: 'keystroke → durable save, p95',
  unit: 'ms',
  ours,
  baselineLabel: 'bare Dexie put',
  baseline,
  target,
});

describe('bench targets', () => {
  it('judges every time but search by its ratio to the same-run baseline', () => {
    const absolute = Object.entries(TARGETS)
      .filter(([, target]) => target.kind === 'below')
      .map(([name]) => name);
    expect(absolute.sort()).toEqual(['exportHeap', 'importHeap', 'search']);
    expect(TARGETS.saveP95).toEqual({ kind: 'ratio', max: 2 });
    expect(TARGETS.verify).toEqual({ kind: 'ratio', max: 1.3 });
  });

  it('meets a ratio target up to and including the ratio, whatever the absolute time', () => {
    expect(evaluate(row(3, 1.5, TARGETS.saveP95)).met).toBe(true);
    expect(evaluate(row(3.01, 1.5, TARGETS.saveP95)).met).toBe(false);
    // Twice as slow on both sides (a busy machine) is the same verdict.
    expect(evaluate(row(6, 3, TARGETS.saveP95)).met).toBe(true);
  });

  it('leaves a ratio target unjudged without a baseline', () => {
    expect(evaluate(row(3, null, TARGETS.saveP95)).met).toBeNull();
  });

  it('prints the ratio target and the verdict beside the absolute times', () => {
    const table = renderTable([evaluate(row(7, 2, TARGETS.saveP95))]);
    expect(table).toContain('| 7.00 ms | 2.00 ms (bare Dexie put) | 3.50× | ≤ 2× | **no** |');
  });
});
