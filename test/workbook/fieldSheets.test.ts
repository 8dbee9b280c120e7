/**
 * Issue #9's optional sheets: 问题清单, 动态调整 and 城市排名 are rendered from optional payload
 * sections, verified cell by cell like the others, and absent (payload and sheets unchanged) when
 * the writer has no such data.
 */
import { describe, expect, it } from 'vitest';
import {
  buildResultPayload,
  buildResultWorkbook,
  readWorkbook,
  renderVisibleSheets,
  seedSigner,
  verifyResultWorkbook,
} from '@shared/workbook';
import { brandRoundInput, secretariatSeed } from './brandRound';
import { evaluationInput, inspectionInput } from './fieldInputs';
import { editWorkbook, sheet } from './edit';

describe('result workbook: 问题清单, 动态调整, 城市排名', () => {
  it('a round without field data has no new section and no new sheet', () => {
    const payload = buildResultPayload(brandRoundInput());
    expect(Object.keys(payload).sort()).toEqual(
      [
        'audit',
        'conflicts',
        'experts',
        'format',
        'generatedAt',
        'generator',
        'opinions',
        'results',
        'round',
        'sheets',
      ].sort(),
    );
    expect(payload.opinions).toEqual([]);
    expect(renderVisibleSheets(payload).map((t) => t.name)).toEqual([
      '结果汇总',
      '专家组意见',
      '评分明细',
      '专家名单',
      '回避记录',
      '审计记录',
    ]);
  });

  it('an evaluation round: grades, 动态调整 and the city ranking, verified', async () => {
    const input = evaluationInput();
    expect(input.result.packets.map((p) => [p.packetId, p.score, p.decision])).toEqual([
      ['B01', 100, '优秀'],
      ['B02', 70, '合格'],
      ['B03', 50, '不合格'],
    ]);
    const bytes = await buildResultWorkbook(input, seedSigner(secretariatSeed()));
    const verified = verifyResultWorkbook(bytes);
    expect(verified.ok).toBe(true);
    const book = readWorkbook(bytes);
    const names = book.sheets.map((s) => s.name);
    expect(names).toContain('动态调整');
    expect(names).toContain('城市排名');
    expect(names).not.toContain('问题清单');
    const text = (name: string) =>
      book.sheets
        .find((s) => s.name === name)!
        .rows.map((row) =>
          Array.from(row, (c) =>
            c === undefined ? '' : c.type === 'other' ? c.display : String(c.value),
          ),
        );
    expect(text('动态调整')[1]).toEqual([
      '1',
      'B03',
      '天府新农人品牌培育辅基地年度评估',
      '南充现代农业培训中心',
      '取消资格',
      '不合格',
      '评估不合格',
      '年度培训目标完成不足三成，=抽查复核材料不实',
      '2026-11-21',
      '吴刚',
    ]);
    const ranking = text('城市排名');
    expect(ranking[0]).toEqual([
      '排名',
      '市(州)',
      '参评项目数',
      '计分项目数',
      '得分',
      '结论',
      '标记',
    ]);
    expect(ranking.slice(1, 4).map((r) => r.slice(0, 6))).toEqual([
      ['1', '成都市', '1', '1', '100', '先进市(州)'],
      ['2', '自贡市', '1', '1', '70'],
      ['3', '南充市', '1', '1', '50'],
    ]);
    expect(ranking).toHaveLength(22);
    expect(ranking[4]!.slice(1, 6)).toEqual(['攀枝花市', '0', '0', '', '未参评']);
  });

  it('an inspection round: 问题清单 verified; an edited finding cell fails', async () => {
    const bytes = await buildResultWorkbook(inspectionInput(), seedSigner(secretariatSeed()));
    expect(verifyResultWorkbook(bytes).ok).toBe(true);
    const book = readWorkbook(bytes);
    expect(book.sheets.map((s) => s.name)).toContain('问题清单');
    expect(book.sheets.map((s) => s.name)).not.toContain('城市排名');

    const edited = editWorkbook(bytes, (b) => {
      sheet(b, '问题清单')['H2'] = { t: 's', v: '已整改' };
    });
    const check = verifyResultWorkbook(edited);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems).toEqual([
      expect.stringMatching(/^问题清单!H2：.*已整改.*待整改/),
    ]);

    const ranked = await buildResultWorkbook(evaluationInput(), seedSigner(secretariatSeed()));
    const promoted = editWorkbook(ranked, (b) => {
      sheet(b, '城市排名')['F3'] = { t: 's', v: '先进市(州)' };
    });
    expect(verifyResultWorkbook(promoted).ok).toBe(false);
    const removed = editWorkbook(ranked, (b) => {
      delete b.Sheets['动态调整'];
      b.SheetNames = b.SheetNames.filter((n) => n !== '动态调整');
    });
    expect(verifyResultWorkbook(removed).ok).toBe(false);
  });
});
