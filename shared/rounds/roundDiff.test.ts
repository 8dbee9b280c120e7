import { describe, expect, it } from 'vitest';
import { buildDemoRound } from '../demo/demoRound';
import { roundContentDigest } from './contentDigest';
import { diffRounds, isEmptyDiff } from './roundDiff';

describe('roundContentDigest', () => {
  it('ignores packet order and changes with any content', () => {
    const a = buildDemoRound();
    const b = buildDemoRound();
    expect(roundContentDigest(a.round, [...a.packets].reverse())).toBe(
      roundContentDigest(b.round, b.packets),
    );
    b.packets[3]!.fields['联系人'] = '别人';
    expect(roundContentDigest(a.round, a.packets)).not.toBe(roundContentDigest(b.round, b.packets));
  });
});

describe('diffRounds', () => {
  it('is empty for the same round', () => {
    const a = buildDemoRound();
    expect(isEmptyDiff(diffRounds(a, buildDemoRound()))).toBe(true);
  });

  it('lists added, removed and changed packets with the fields that changed, and round changes', () => {
    const before = buildDemoRound();
    const after = buildDemoRound();
    const removed = after.packets.splice(1, 1)[0]!;
    after.packets[0]!.title = '新名称';
    after.packets[0]!.fields['联系人'] = '新联系人';
    after.packets[2]!.attachments[0]!.sha256 = 'f'.repeat(64);
    after.packets.push({ ...after.packets[3]!, id: 'D99', title: '新增项目' });
    after.round.title = '改过的名称';
    after.round.experts.push({ id: 'E09', name: '新专家', org: '', city: '' });
    after.round.rubric.passLine = 70;
    const diff = diffRounds(before, after);
    expect(diff.added).toEqual([{ id: 'D99', title: '新增项目' }]);
    expect(diff.removed).toEqual([{ id: removed.id, title: removed.title }]);
    expect(diff.changed.map((c) => [c.id, c.fields])).toEqual([
      ['D01', ['项目名称', '联系人']],
      ['D04', ['附件']],
    ]);
    expect(diff.settings).toEqual(['评审名称']);
    expect(diff.rubricChanged).toBe(true);
    expect(diff.expertsAdded.map((e) => e.id)).toEqual(['E09']);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});
