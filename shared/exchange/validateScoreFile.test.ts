import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tinyRound } from '../../test/fixtures/tinyRound';
import { compileRound, sheetsFromScoreFiles } from '../compile';
import type { ScoreSheet } from '../formats/scoreFile';
import { formatProblem } from '../model/validation';
import { allCriteria, rubricMax } from '../rubric/points';
import { scoreFileProblems, type ScoreFileToValidate } from './validateScoreFile';

const { round, packets } = tinyRound();
const packetIds = packets.map((p) => p.id);

const sheet = (packetId: string, patch: Partial<ScoreSheet> = {}): ScoreSheet => ({
  packetId,
  status: 'submitted',
  scores: { c1: 8, c2: 12.5 },
  vetoes: { v1: false },
  vetoReasons: {},
  comment: '',
  conflictReason: '',
  revision: 1,
  submittedAt: '2026-11-20T10:00:00+08:00',
  ...patch,
});

const file = (
  sheets: ScoreSheet[],
  expert = { id: 'e1', name: '王建国' },
  roundId = round.id,
): ScoreFileToValidate => ({ fileName: 'e1.scores.json', content: { roundId, expert, sheets } });

const problems = (f: ScoreFileToValidate) => scoreFileProblems(round, packetIds, f);

describe('scoreFileProblems', () => {
  it('accepts sheets within the rubric and a 回避 without points', () => {
    expect(
      problems(
        file([sheet('P001'), sheet('P002', { status: 'conflict', scores: {}, vetoes: {} })]),
      ),
    ).toEqual([]);
  });

  it('locates each problem as file › expert › packet › criterion, with the ids as data', () => {
    const found = problems(file([sheet('P001', { scores: { c1: 1e308, c2: 12.5 } })]));
    expect(found).toEqual([
      {
        file: 'e1.scores.json',
        field: '王建国（e1） › P001 › c1',
        message: '设施设备：超过满分 10 分',
        expertId: 'e1',
        packetId: 'P001',
        itemId: 'c1',
      },
    ]);
    expect(formatProblem(found[0]!)).toBe(
      'e1.scores.json › 王建国（e1） › P001 › c1：设施设备：超过满分 10 分',
    );
  });

  it('lists every problem of the file, sheet by sheet, after the roster check', () => {
    const found = problems(
      file(
        [
          sheet('P001', { scores: { c1: 19.3 } }),
          sheet('P404'),
          sheet('P002', { vetoes: { v1: true } }),
        ],
        { id: 'e1', name: '王建华' },
      ),
    ).map(formatProblem);
    expect(found).toEqual([
      'e1.scores.json › 王建华（e1）：专家编号 e1 在本评审名单中是“王建国”，文件中却是“王建华”：两台电脑的专家名单不一致',
      'e1.scores.json › 王建华（e1） › P001 › c1：设施设备：超过满分 10 分',
      'e1.scores.json › 王建华（e1） › P001 › c2：课程体系：尚未评分',
      'e1.scores.json › 王建华（e1） › P404：本评审没有申报材料“P404”',
      'e1.scores.json › 王建华（e1） › P002 › 否决项 v1：否决项“存在违规用地”已勾选，请填写理由',
    ]);
  });

  it('refuses an expert off the roster and a file of another round (only that)', () => {
    expect(problems(file([], { id: 'e9', name: '赵六' })).map((p) => p.message)).toEqual([
      '专家“赵六”（编号 e9）不在本评审的专家名单中',
    ]);
    expect(problems(file([sheet('P404')], undefined, 'T-2')).map((p) => p.message)).toEqual([
      '这是评审“T-2”的评分文件，当前评审是“T-1”，请在对应的评审中导入',
    ]);
  });

  it('works the rubric out once per file, not once per sheet', () => {
    // Counts how often the rubric's sections are read while checking a file of n sheets.
    const sectionReads = (n: number) => {
      let reads = 0;
      const counted = Object.create(round.rubric, {
        sections: {
          get: () => {
            reads += 1;
            return round.rubric.sections;
          },
        },
      }) as typeof round.rubric;
      const sheets = Array.from({ length: n }, (_, i) => sheet(packetIds[i % packetIds.length]!));
      const found = scoreFileProblems({ ...round, rubric: counted }, packetIds, file(sheets));
      expect(found).toEqual([]);
      return reads;
    };
    expect(sectionReads(500)).toBe(sectionReads(1));
  });

  it('property: any file that passes compiles to scores within the rubric’s range', () => {
    const criteria = allCriteria(round.rubric);
    // Values around and beyond each criterion's range, on and off its step.
    const points = (max: number) =>
      fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2), weight: 12 },
        { arbitrary: fc.double({ min: -1, max: max * 3, noNaN: true }), weight: 1 },
        { arbitrary: fc.constantFrom(0, max, max + 0.5, 1e308, Number.MAX_VALUE), weight: 1 },
      );
    const arbSheet = (packetId: string) =>
      fc
        .record({
          packetId: fc.constant(packetId),
          status: fc.constantFrom('submitted' as const, 'submitted' as const, 'conflict' as const),
          scores: fc
            .tuple(
              fc.record(
                Object.fromEntries(criteria.map((c) => [c.id, points(c.max)])) as Record<
                  string,
                  fc.Arbitrary<number>
                >,
              ),
              fc.oneof(
                { arbitrary: fc.constant(null), weight: 8 },
                { arbitrary: fc.constantFrom(...criteria.map((c) => c.id)), weight: 1 },
              ),
            )
            // Now and then a criterion is left out.
            .map(([scores, dropped]) => {
              if (dropped !== null) delete scores[dropped];
              return scores;
            }),
          vetoes: fc.record({ v1: fc.boolean() }),
          vetoReasons: fc.record({ v1: fc.constantFrom('', '违规', '违规', '违规') }),
          comment: fc.constantFrom('', '意见', '意见'),
          conflictReason: fc.constant('同一单位'),
          revision: fc.constant(1),
          submittedAt: fc.constant('2026-11-20T10:00:00+08:00'),
          // Most 回避 sheets come without points, as the app writes them.
          clean: fc.boolean(),
        })
        .map(({ clean, ...sheet }): ScoreSheet =>
          sheet.status === 'conflict' && clean ? { ...sheet, scores: {}, vetoes: {} } : sheet,
        );
    const arbFile = (expert: { id: string; name: string }) =>
      fc.record({
        roundId: fc.constant(round.id),
        expert: fc.constant(expert),
        sheets: fc.subarray(packetIds).chain((ids) => fc.tuple(...ids.map(arbSheet))),
      });
    let compiledSheets = 0;
    fc.assert(
      fc.property(
        fc.tuple(...round.experts.map((e) => arbFile({ id: e.id, name: e.name }))),
        (contents) => {
          const accepted = contents.filter(
            (content) => problems({ fileName: 'x', content }).length === 0,
          );
          const result = compileRound({
            round,
            packets,
            sheets: sheetsFromScoreFiles(accepted),
          });
          for (const packet of result.packets) {
            compiledSheets += packet.sheets.length;
            if (packet.score !== null) {
              expect(packet.score).toBeGreaterThanOrEqual(0);
              expect(packet.score).toBeLessThanOrEqual(rubricMax(round.rubric));
            }
            for (const s of packet.sheets) {
              expect(s.points).toBeGreaterThanOrEqual(0);
              expect(s.points).toBeLessThanOrEqual(rubricMax(round.rubric));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property is about accepted files: make sure plenty were accepted and compiled.
    expect(compiledSheets).toBeGreaterThan(100);
  });
});
