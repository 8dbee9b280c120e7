/**
 * Compile rules against the independent brand-round fixture (brand-round/ORIGIN.md): read the round
 * package and the seven signed score files with the project's readers, compile, and compare
 * every packet with expected.json.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { BRAND_ROUND_DIR, readExpected, type ExpectedPacket } from './fixture';
import { join } from 'node:path';
import { compileRound, explain, leniencyView, sheetsFromScoreFiles } from '@shared/compile';
import { readRoundPackage } from '@shared/formats/roundPackageReader';
import { readScoreFile } from '@shared/formats/scoreFile';

// The verbatim copy beside this file (see fixture.ts), so the test needs nothing outside the repo.
const FIXTURE = BRAND_ROUND_DIR;

const expected = readExpected();

function load() {
  const pkg = readRoundPackage(new Uint8Array(readFileSync(join(FIXTURE, 'round.zip'))), {
    fileName: 'round.zip',
  });
  if (!pkg.ok) throw new Error(`round.zip: ${JSON.stringify(pkg.problems)}`);
  const files = readdirSync(join(FIXTURE, 'scores'))
    .filter((name) => name.endsWith('.scores.json'))
    .sort()
    .map((name) => {
      const parsed = readScoreFile(readFileSync(join(FIXTURE, 'scores', name), 'utf8'), name);
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
      return parsed.value.content;
    });
  return { ...pkg.value, files };
}

describe('brand-round fixture: compile', () => {
  const { round, packets, files } = load();
  const result = compileRound({ round, packets, sheets: sheetsFromScoreFiles(files) });
  const byId = new Map(result.packets.map((p) => [p.packetId, p]));

  it('compiles the expected round with every packet once', () => {
    expect(round.id).toBe(expected.round);
    expect(files).toHaveLength(7);
    expect(result.packets.map((p) => p.packetId).sort()).toEqual(
      expected.packets.map((p) => p.id).sort(),
    );
  });

  it.each(expected.packets)('$id matches expected.json', (want) => {
    const got = byId.get(want.id)!;
    const actual: ExpectedPacket = {
      id: got.packetId,
      group: got.group,
      n: got.n,
      score: got.score!,
      vetoed: got.vetoed,
      decision: got.decision,
    };
    if (got.rank !== null) actual.rank = got.rank;
    expect(actual).toEqual(want);
  });

  it('reproduces the traps: majority veto, single veto, 回避, outlier, tie at the quota line', () => {
    const p002 = byId.get('P002')!;
    expect(p002.vetoes).toEqual([expect.objectContaining({ id: 'v1', ticks: 4, decisive: true })]);
    const p003 = byId.get('P003')!;
    expect(p003.vetoed).toBe(false);
    expect(p003.vetoes).toEqual([expect.objectContaining({ id: 'v2', ticks: 1, decisive: false })]);
    expect(p003.flags).toContain('single-veto');

    const p010 = byId.get('P010')!;
    expect(p010.n).toBe(4);
    expect(p010.method).toBe('mean');
    expect(p010.excluded.filter((e) => e.reason === 'conflict')).toHaveLength(3);
    expect(byId.get('P005')!.method).toBe('trimmed-mean');

    const p013 = byId.get('P013')!;
    const flagged = p013.sheets.filter((s) => s.deviation.flagged);
    expect(flagged.map((s) => [s.expertId, s.points, s.trimmed])).toEqual([['e5', 34.5, 'lowest']]);
    expect(p013.flags).toContain('deviation-pending');

    // P001 and P006 tie for first inside a quota of two: both 入选, nothing for the chair.
    expect([byId.get('P001')!.tied, byId.get('P006')!.tied]).toEqual([true, true]);
    expect(result.flags.filter((f) => f.code === 'tie-at-quota')).toEqual([]);
  });

  it('orders results by group then rank, vetoed packets last in their group', () => {
    const builder = result.packets.filter((p) => p.group === '天府建筑工').map((p) => p.packetId);
    expect(builder).toEqual(['P012', 'P017', 'P007', 'P022', 'P002']);
    expect(result.groups.map((g) => g.group)).toEqual(round.quotas.map((q) => q.group));
  });

  it('explains results in Chinese', () => {
    expect(explain(byId.get('P010')!)).toBe(
      '4 份有效评分（3 位专家回避），不足 5 份，不去掉最高分和最低分，平均 89.75 分。' +
        '在“天府数智工匠”组排名第 1，结果：入选。',
    );
    expect(explain(byId.get('P005')!)).toContain(
      '去掉最高分 87 和最低分 78 后，其余 4 份平均 81.88 分',
    );
    expect(explain(byId.get('P002')!)).toContain(
      '4 位专家勾选否决项“存在用地、环保或社会信用等方面违规情况”',
    );
  });

  it('gives a leniency view without touching official scores', () => {
    const before = JSON.stringify(result);
    const view = leniencyView(result);
    expect(view.map((e) => e.expertId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    const e6 = view.find((e) => e.expertId === 'e6')!;
    expect(e6.meanDeviationFromPanel).toBeGreaterThan(0);
    expect(JSON.stringify(result)).toBe(before);
  });

  it('does not depend on the order of the score files', () => {
    const reversed = compileRound({
      round,
      packets,
      sheets: sheetsFromScoreFiles([...files].reverse()),
    });
    expect(reversed).toEqual(result);
  });
});
