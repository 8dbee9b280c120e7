/**
 * Per-veto rules (docs/compile-rules.md rule 5): a veto with `rule: any` rules a packet out on
 * one tick; `majority` needs more than half of the valid sheets; a veto without a rule of its
 * own follows the round's `aggregation.vetoRule`.
 */
import { describe, expect, it } from 'vitest';
import type { VetoRule } from '../model/rubric';
import { tinyRound } from '../../test/fixtures/tinyRound';
import { compileRound } from './compile';
import { explain } from './explain';
import type { CompileInput } from './types';

const EXPERTS = ['e1', 'e2', 'e3', 'e4'];

/** Four valid sheets on P001; `ticks` of them tick v1 (存在违规用地) and `ticks2` tick v2. */
function input(
  ticks: number,
  rules: { v1?: VetoRule; v2?: VetoRule },
  roundRule: VetoRule = 'majority',
  ticks2 = 0,
): CompileInput {
  const { round } = tinyRound();
  return {
    round: {
      ...round,
      aggregation: { ...round.aggregation, vetoRule: roundRule },
      rubric: {
        ...round.rubric,
        vetoes: [
          { id: 'v1', title: '存在违规用地', ...(rules.v1 ? { rule: rules.v1 } : {}) },
          { id: 'v2', title: '申报材料弄虚作假', ...(rules.v2 ? { rule: rules.v2 } : {}) },
        ],
      },
      experts: EXPERTS.map((id) => ({ id, name: id, org: '', city: '' })),
    },
    packets: [{ id: 'P001', group: '天府技工', title: '项目1' }],
    sheets: EXPERTS.map((expertId, i) => ({
      packetId: 'P001',
      expertId,
      status: 'submitted' as const,
      scores: { c1: 8, c2: 12 },
      vetoes: { v1: i < ticks, v2: i < ticks2 },
      revision: 1,
    })),
  };
}

const packet = (i: CompileInput) => compileRound(i).packets[0]!;

describe('per-veto rule', () => {
  it('any: one tick of four rules the packet out, and the explanation names the rule', () => {
    const p = packet(input(1, { v1: 'any' }));
    expect(p.vetoed).toBe(true);
    expect(p.decision).toBe('否决');
    expect(p.rank).toBeNull();
    expect(p.vetoes).toEqual([
      { id: 'v1', title: '存在违规用地', ticks: 1, decisive: true, rule: 'any' },
    ]);
    expect(explain(p)).toContain('1 位专家勾选否决项“存在违规用地”，按“任一专家勾选即否决”的规则');
  });

  it('majority: two ticks of four (exactly half) do not veto, three do', () => {
    expect(packet(input(1, { v1: 'majority' })).vetoed).toBe(false);
    const half = packet(input(2, { v1: 'majority' }));
    expect(half.vetoed).toBe(false);
    expect(half.flags).toContain('single-veto');
    expect(packet(input(3, { v1: 'majority' })).vetoed).toBe(true);
  });

  it('a veto without its own rule follows the round; its own rule wins over the round’s', () => {
    expect(packet(input(1, {}, 'majority')).vetoed).toBe(false);
    expect(packet(input(1, {}, 'any')).vetoed).toBe(true);
    expect(packet(input(1, { v1: 'majority' }, 'any')).vetoed).toBe(false);
    // No rule of its own: the tally carries none, so results of such rounds keep their digest.
    expect(packet(input(1, {}, 'any')).vetoes[0]).not.toHaveProperty('rule');
  });

  it('each veto is judged by its own rule: v2 by majority stays shown, v1 by any decides', () => {
    const p = packet(input(1, { v1: 'any', v2: 'majority' }, 'majority', 1));
    expect(p.vetoes.map((v) => [v.id, v.decisive])).toEqual([
      ['v1', true],
      ['v2', false],
    ]);
    expect(p.flags).toEqual(expect.arrayContaining(['vetoed', 'single-veto']));
  });
});
