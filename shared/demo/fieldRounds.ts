/**
 * Small rounds for the field side of the programmes: a three-site 拉练 route with the
 * built-in 拉练现场检查 rubric, and a 评估验收 of cultivating bodies that is also a 综合评估 of
 * their 市(州) (a 先进市(州) quota). Deterministic, like the other demo rounds; used by the e2e
 * tests through writeRoundPackage and importable by hand (`review-desk demo` writes the others).
 */
import { ADVANCED_CITY_GROUP } from '../compile/cityRanking';
import { ROUND_FORMAT, type Packet, type Round } from '../model/roundPackage';
import { builtInRubric } from '../rubrics/builtInRubrics';
import { sha256Hex } from '../signing/hash';
import type { DemoRound } from './demoRound';
import { makeTinyPdf } from './tinyFiles';

export const INSPECTION_ROUND_ID = 'LL-2026-Q1';
export const EVALUATION_ROUND_ID = 'PG-2026-EV';

interface SiteSpec {
  id: string;
  title: string;
  applicant: string;
  city: string;
  county: string;
  category: string;
}

function packetsOf(specs: readonly SiteSpec[], attachments: Map<string, Uint8Array>): Packet[] {
  return specs.map((s) => {
    const path = `attachments/${s.id}/材料.pdf`;
    const bytes = makeTinyPdf(s.title, [`Review Desk demo ${s.id}`, 'Not a real document.']);
    attachments.set(path, bytes);
    return {
      id: s.id,
      title: s.title,
      applicant: { name: s.applicant, city: s.city, county: s.county, type: '' },
      category: s.category,
      group: s.category,
      fields: { 建设内容: `${s.title}（示例）` },
      attachments: [{ name: '材料.pdf', path, sha256: sha256Hex(bytes), size: bytes.length }],
    };
  });
}

const aggregation = {
  method: 'mean' as const,
  trimWhenAtLeast: 5,
  deviationFlag: 0.2,
  vetoRule: 'majority' as const,
  tieBreak: [],
};

/** 拉练: three key-project sites in three cities; two inspectors, one of whom chairs. */
export function buildInspectionRound(): DemoRound {
  const attachments = new Map<string, Uint8Array>();
  const packets = packetsOf(
    [
      {
        id: 'S01',
        title: '德阳市高技能人才培训基地建设项目',
        applicant: '德阳市技师学院',
        city: '德阳市',
        county: '旌阳区',
        category: '职业技能培训类',
      },
      {
        id: 'S02',
        title: '绵阳市工匠城（一期）',
        applicant: '绵阳市人力资源和社会保障局',
        city: '绵阳市',
        county: '涪城区',
        category: '平台载体类',
      },
      {
        id: 'S03',
        title: '广元市技工院校实训楼扩建',
        applicant: '广元市技师学院',
        city: '广元市',
        county: '利州区',
        category: '技工教育发展类',
      },
    ],
    attachments,
  );
  const rubric = builtInRubric('site-inspection')!.rubric;
  const round: Round = {
    format: ROUND_FORMAT,
    id: INSPECTION_ROUND_ID,
    title: '2026年第一季度重点项目拉练调度（示例）',
    kind: 'inspection',
    programme: 'key-project-inspection',
    rubric: JSON.parse(JSON.stringify(rubric)) as Round['rubric'],
    aggregation,
    quotas: [],
    experts: [
      { id: 'I1', name: '赵明', org: '省人社厅职业能力建设处', city: '成都市' },
      { id: 'I2', name: '钱芳', org: '省职业技能鉴定指导中心', city: '成都市' },
    ],
  };
  return { round, packets, attachments };
}

/** 评估验收 of three cultivating bodies in three cities; one 先进市(州). */
export function buildEvaluationRound(): DemoRound {
  const attachments = new Map<string, Uint8Array>();
  const packets = packetsOf(
    [
      {
        id: 'B01',
        title: '天府技工品牌培育主基地年度评估',
        applicant: '成都工业职业技术学院',
        city: '成都市',
        county: '郫都区',
        category: '天府技工',
      },
      {
        id: 'B02',
        title: '川菜大师傅品牌培育辅基地年度评估',
        applicant: '自贡川菜烹饪学校',
        city: '自贡市',
        county: '自流井区',
        category: '川菜大师傅',
      },
      {
        id: 'B03',
        title: '天府新农人品牌培育辅基地年度评估',
        applicant: '南充现代农业培训中心',
        city: '南充市',
        county: '顺庆区',
        category: '天府新农人',
      },
    ],
    attachments,
  );
  const rubric = builtInRubric('annual-evaluation')!.rubric;
  const round: Round = {
    format: ROUND_FORMAT,
    id: EVALUATION_ROUND_ID,
    title: '2026年技能四川公共品牌培育主体评估验收（示例）',
    kind: 'evaluation',
    programme: 'brand-evaluation',
    rubric: JSON.parse(JSON.stringify(rubric)) as Round['rubric'],
    aggregation,
    quotas: [{ group: ADVANCED_CITY_GROUP, count: 1, reserve: 0 }],
    experts: [
      { id: 'E1', name: '周敏', org: '四川省技能人才发展研究会', city: '成都市' },
      { id: 'E2', name: '吴刚', org: '省人社厅', city: '成都市' },
    ],
  };
  return { round, packets, attachments };
}
