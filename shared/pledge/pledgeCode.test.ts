import { describe, expect, it } from 'vitest';
import { pledgeCode, type PledgeFacts } from './pledgeCode';

const facts: PledgeFacts = {
  roundId: 'RS-0123456789AB',
  roundTitle: '2024年技能四川重点项目申报汇总表',
  expertId: 'E02',
  name: '吴志强',
  org: '四川建筑职业技术学院',
  title: '教授',
  fingerprint: 'a1b2 c3d4 e5f6 0718',
  checkedInAt: '2024-06-03T01:30:00.000Z',
};

describe('pledgeCode', () => {
  it('is four groups of four hex digits, the same for the same facts in any key order', () => {
    const code = pledgeCode(facts);
    expect(code).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    const reordered = Object.fromEntries(Object.entries(facts).reverse()) as unknown as PledgeFacts;
    expect(pledgeCode(reordered)).toBe(code);
  });

  it('changes with every fact the paper states, including a key registered later', () => {
    const code = pledgeCode(facts);
    for (const [field, value] of Object.entries({
      roundTitle: '另一评审',
      name: '吴志刚',
      org: '西南交通大学',
      title: '副教授',
      fingerprint: null,
      checkedInAt: '2024-06-04T01:30:00.000Z',
    })) {
      expect(pledgeCode({ ...facts, [field]: value }), field).not.toBe(code);
    }
  });
});
