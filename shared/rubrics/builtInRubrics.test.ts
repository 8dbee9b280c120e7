import { describe, expect, it } from 'vitest';
import { rubricSchema } from '../model/rubric';
import { parseWith } from '../model/validation';
import { rubricMax } from '../rubric/points';
import { BUILT_IN_RUBRICS, KEY_PROJECT_CATEGORY_NOTES, builtInRubric } from './builtInRubrics';

describe('built-in rubrics', () => {
  it.each(BUILT_IN_RUBRICS.map((r) => [r.label, r] as const))(
    '%s passes rubricSchema unchanged and totals 100 points',
    (_label, builtIn) => {
      const parsed = parseWith(rubricSchema, builtIn.rubric, 'rubric');
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      if (parsed.ok) expect(parsed.value).toEqual(builtIn.rubric);
      expect(rubricMax(builtIn.rubric)).toBe(100);
    },
  );

  it('has unique keys and covers the five programme reviews', () => {
    expect(new Set(BUILT_IN_RUBRICS.map((r) => r.key)).size).toBe(BUILT_IN_RUBRICS.length);
    expect(BUILT_IN_RUBRICS.map((r) => r.label)).toEqual([
      '重点项目遴选',
      '品牌培育基地遴选',
      '作业机构遴选',
      '年度评估验收',
      '拉练现场检查',
    ]);
  });

  it('key-project selection: the no-violation requirement is four vetoes, notes for the four categories', () => {
    const r = builtInRubric('key-project-selection')!;
    expect(r.rubric.vetoes.map((v) => v.title).join()).toMatch(
      /产业政策.*用地.*生态环境.*社会信用/,
    );
    expect(Object.keys(KEY_PROJECT_CATEGORY_NOTES)).toEqual([
      '技工教育发展类',
      '职业技能培训类',
      '平台载体类',
      '展示展览类',
    ]);
  });

  it('annual evaluation: 质量度 and 信任度, pass line 60, bands 优秀/良好/合格', () => {
    const r = builtInRubric('annual-evaluation')!.rubric;
    expect(r.sections.map((s) => s.title)).toEqual(['质量度', '信任度']);
    expect(r.passLine).toBe(60);
    expect(r.bands).toEqual([
      { label: '优秀', min: 90 },
      { label: '良好', min: 80 },
      { label: '合格', min: 60 },
    ]);
  });
});
