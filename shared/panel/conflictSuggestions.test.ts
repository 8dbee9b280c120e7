import { describe, expect, it } from 'vitest';
import {
  normaliseOrgName,
  suggestConflicts,
  type RosterExpert,
  type RosterPacket,
} from './conflictSuggestions';

const experts: RosterExpert[] = [
  { id: 'e1', name: '王建国', org: '四川省建筑职业技术学院', city: '德阳市' },
  { id: 'e2', name: '李秀英', org: '西南交通大学', city: '成都市' },
  { id: 'e3', name: '张伟', org: '学院', city: '' },
];
const packets: RosterPacket[] = [
  {
    id: 'P1',
    title: '天府建筑工',
    applicant: { name: '四川省建筑职业技术学院（德阳校区）', city: '德阳市' },
  },
  {
    id: 'P2',
    title: '川菜大师傅',
    applicant: { name: '成都市 川菜 职业培训学校', city: '成都市' },
  },
  { id: 'P3', title: '天府技工', applicant: { name: '某某学院', city: '绵阳市' } },
];

describe('conflict suggestions from the rosters', () => {
  it('finds the same employer across bracket, space and width differences', () => {
    expect(normaliseOrgName('四川省建筑职业技术学院（德阳校区）')).toBe(
      normaliseOrgName('四川省建筑职业技术学院(德阳校区)'),
    );
    expect(suggestConflicts(experts, packets, { sameCity: false })).toEqual([
      { packetId: 'P1', expertId: 'e1', reason: '与申报单位为同一单位（四川省建筑职业技术学院）' },
    ]);
  });

  it('adds same-city ties only when the round asks, without doubling a same-employer one', () => {
    expect(suggestConflicts(experts, packets, { sameCity: true })).toEqual([
      { packetId: 'P1', expertId: 'e1', reason: '与申报单位为同一单位（四川省建筑职业技术学院）' },
      { packetId: 'P2', expertId: 'e2', reason: '与申报单位同属成都市（本轮要求同市(州)回避）' },
    ]);
  });

  it('does not let a too-short org name match everything', () => {
    expect(suggestConflicts([experts[2]!], packets, { sameCity: false })).toEqual([]);
  });
});
