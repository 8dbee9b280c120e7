/**
 * Built-in rubrics: editable defaults for rounds built from a roster spreadsheet. Each is derived
 * from the programme documents (技能四川重点项目建设三年行动方案, 2022; 技能四川公共品牌培育行动方案,
 * 2023); docs/rubrics.md says which passage each criterion comes from. The
 * documents name what is judged, not the points: the weights here are our proposal for a panel
 * to adjust, which is why they are round data (copied into round.json) and not code rules.
 * Compliance vetoes (违规、违法、重大事故) rule a packet out on one expert's tick (`rule: 'any'`):
 * the programme documents treat each as disqualifying on its own. 弄虚作假 and 停工滞后 are
 * judgements, decided by a majority of the valid sheets (the round's vetoRule).
 */
import type { RoundKind } from '../model/roundPackage';
import type { Rubric } from '../model/rubric';

export interface BuiltInRubric {
  /** Stable key for the form and the CLI. */
  key: string;
  label: string;
  kind: RoundKind;
  programme: string;
  /** What the packet's group usually is for this kind of round. */
  groupBy: 'brand' | 'category';
  rubric: Rubric;
  /** Category- or type-specific notes shown to experts beside the rubric. */
  notes: Record<string, string>;
}

const bands = [
  { label: '优秀', min: 90 },
  { label: '良好', min: 80 },
  { label: '合格', min: 60 },
];

const c = (id: string, title: string, max: number, guidance: string, step = 0.5) => ({
  id,
  title,
  guidance,
  max,
  step,
});

export const KEY_PROJECT_CATEGORY_NOTES: Record<string, string> = {
  技工教育发展类:
    '技工院校新（改、扩）建、设备购置更新，技师学院集团、职业培训集团、师资培训中心、骨干教师研修基地、技工院校信息化平台等：重点看办学规模、专业与产业的对接和建设内容的可行性。',
  职业技能培训类:
    '跨企业职工培训中心、职业训练院、学习型生产线和车间、技能根基工程培训基地、公共实训基地、技术技能研究院、数智技能产业孵化园等：重点看培训规模、覆盖的产业链和多元投入。',
  平台载体类:
    '高技能人才培育总部、改革创新先行区、工匠城、融合培育和现代农业培育试点、技能小镇（社区）、青少年职业启蒙训练基地、高技能人才培训基地、技能大师工作室、竞赛集训和办赛基地、等级认定基地、协会和协同发展平台等：重点看平台的辐射带动和机制创新。',
  展示展览类:
    '区域工匠博物馆、陈列馆，技术技能展示中心，技能人才大厦等：重点看展示内容的代表性、公众开放程度和对技能文化氛围的带动。',
};

const keyProjectSelection: BuiltInRubric = {
  key: 'key-project-selection',
  label: '重点项目遴选',
  kind: 'selection',
  programme: 'key-project',
  groupBy: 'category',
  notes: KEY_PROJECT_CATEGORY_NOTES,
  rubric: {
    id: 'key-project-selection',
    title: '技能四川重点项目遴选评分表',
    sections: [
      {
        id: 'national',
        title: '符合国家规划方向',
        criteria: [
          c(
            'national-fit',
            '符合《技能中国行动》实施方案、《“十四五”职业技能培训规划》《制造业技能根基工程实施方案》提出的发展方向',
            20,
            '对照申报书所列建设内容与国家规划的对应关系评分',
          ),
        ],
      },
      {
        id: 'provincial',
        title: '符合全省战略和产业规划',
        criteria: [
          c(
            'provincial-fit',
            '符合全省重大战略、重大决策、产业政策和产业发展规划，围绕产业链、供应链、新基建',
            25,
            '看项目与所在市(州)主导产业、优势产业、龙头产业的耦合程度',
          ),
        ],
      },
      {
        id: 'value',
        title: '引领性、支撑性、示范性',
        criteria: [
          c('leading', '引领性：在全省同类项目中的创新和领先程度', 15, ''),
          c('supporting', '支撑性：对技能人才供给和产业发展的支撑作用', 15, ''),
          c('demonstrative', '示范性：可复制、可推广，对其他市(州)的示范带动', 10, ''),
        ],
      },
      {
        id: 'feasibility',
        title: '建设条件与要素保障',
        criteria: [
          c(
            'resources',
            '资金、土地、技术、金融等要素落实情况，建设目标、时间表和路线图清晰',
            15,
            '合规性（规划、用地、环保、金融政策基本要求）以否决项审查，此处只评要素保障是否充分',
          ),
        ],
      },
    ],
    vetoes: [
      { id: 'industrial-policy', title: '存在产业政策方面违规情况', rule: 'any' },
      { id: 'land-use', title: '存在用地规划方面违规情况', rule: 'any' },
      { id: 'environment', title: '存在生态环境方面违规情况', rule: 'any' },
      { id: 'credit', title: '存在社会信用方面违规情况', rule: 'any' },
    ],
    commentRequiredBelow: 0.6,
    passLine: 60,
    bands,
  },
};

const brandBaseSelection: BuiltInRubric = {
  key: 'brand-base-selection',
  label: '品牌培育基地遴选',
  kind: 'selection',
  programme: 'brand-base',
  groupBy: 'brand',
  notes: {
    品牌培育主基地:
      '主基地可优先创建国家级高技能人才培训基地、竞赛集训基地和大师工作室：行业地位和规模要求更高。',
    品牌培育辅基地: '辅基地可优先创建省级高技能人才培训基地、竞赛集训基地和大师工作室。',
  },
  rubric: {
    id: 'brand-base-selection',
    title: '技能四川公共品牌培育主(辅)基地遴选评分表',
    sections: [
      {
        id: 'standing',
        title: '行业地位',
        criteria: [
          c(
            'sector-standing',
            '培育主体所属行业领域在全省的领先地位或影响力',
            20,
            '行业排名、荣誉、主管部门评价',
          ),
        ],
      },
      {
        id: 'scale',
        title: '规模与需求',
        criteria: [
          c(
            'scale',
            '所培育的品牌产品在全省的规模或需求',
            20,
            '近三年年均培训人次、所培训职业（工种）的市场需求',
          ),
        ],
      },
      {
        id: 'conditions',
        title: '培训条件',
        criteria: [
          c('facilities', '设施设备、场所等培训条件', 20, '实训场地面积、工位、设备先进程度'),
          c('courses', '课程体系（工学一体、产训结合）', 15, '课程标准、教材、师资'),
        ],
      },
      {
        id: 'management',
        title: '组织管理',
        criteria: [
          c('organisation', '组织管理体系与管理能力', 15, ''),
          c('sustainability', '满足基地日常运营和可持续发展的能力', 10, ''),
        ],
      },
    ],
    vetoes: [
      { id: 'violation', title: '存在严重违法违规或重大安全事故', rule: 'any' },
      { id: 'false-material', title: '申报材料弄虚作假' },
    ],
    commentRequiredBelow: 0.6,
    passLine: 60,
    bands,
  },
};

const operatorSelection: BuiltInRubric = {
  key: 'operator-selection',
  label: '作业机构遴选',
  kind: 'selection',
  programme: 'brand-operator',
  groupBy: 'category',
  notes: {
    职业技能培训: '看培训质量：培训人次、取证率、就业率，课程与品牌职业（工种）的对应。',
    评价: '看评价质量：评价规范性、督导记录、证书社会认可度。',
    竞赛: '看竞赛组织：办赛规模和层级、赛事规范、选手成长。',
    就业促进: '看就业服务：推荐就业人数、稳定就业率、用人单位评价。',
  },
  rubric: {
    id: 'brand-operator-selection',
    title: '技能四川公共品牌作业机构遴选评分表',
    sections: [
      {
        id: 'quality',
        title: '作业质量',
        criteria: [
          c(
            'quality',
            '作业质量过硬：业务规范、过程管理和质量控制',
            35,
            '按机构类型（培训/评价/竞赛/就业促进）对照说明评分',
          ),
        ],
      },
      {
        id: 'results',
        title: '作业效果',
        criteria: [c('results', '效果突出：近三年服务品牌培育的数量和成效', 35, '')],
      },
      {
        id: 'recognition',
        title: '社会认可',
        criteria: [
          c('recognition', '社会认可度高：用人单位、学员和主管部门评价', 20, ''),
          c('empowerment', '为培育主体、主(辅)基地赋能的能力', 10, ''),
        ],
      },
    ],
    vetoes: [
      { id: 'violation', title: '存在严重违法违规或舆情危机', rule: 'any' },
      { id: 'false-material', title: '申报材料弄虚作假' },
    ],
    commentRequiredBelow: 0.6,
    passLine: 60,
    bands,
  },
};

const annualEvaluation: BuiltInRubric = {
  key: 'annual-evaluation',
  label: '年度评估验收',
  kind: 'evaluation',
  programme: 'brand-evaluation',
  groupBy: 'brand',
  notes: {},
  rubric: {
    id: 'brand-annual-evaluation',
    title: '技能四川公共品牌培育主体年度评估验收评分表',
    sections: [
      {
        id: 'quality',
        title: '质量度',
        criteria: [
          c(
            'target',
            '年度培训目标完成情况（对照品牌培训人次目标）',
            20,
            '以定期报送的培育进展和抽查复核结果为准',
          ),
          c('training-quality', '培训质量：取证率、就业率、技能提升', 20, ''),
          c('conditions', '培训条件和课程体系的保持与改善', 10, ''),
          c('management', '组织管理和经费使用规范', 10, ''),
        ],
      },
      {
        id: 'trust',
        title: '信任度',
        criteria: [
          c('public-opinion', '社会意见征集结果（学员、用人单位满意度）', 20, ''),
          c('spot-check', '抽查复核中材料真实、问题整改到位', 15, ''),
          c('reputation', '品牌影响力和舆情情况', 5, ''),
        ],
      },
    ],
    vetoes: [
      { id: 'major-incident', title: '发生重大安全事故或舆情危机', rule: 'any' },
      { id: 'serious-violation', title: '存在严重违法违规行为', rule: 'any' },
    ],
    commentRequiredBelow: 0.6,
    passLine: 60,
    bands,
  },
};

const siteInspection: BuiltInRubric = {
  key: 'site-inspection',
  label: '拉练现场检查',
  kind: 'inspection',
  programme: 'key-project-inspection',
  groupBy: 'category',
  notes: {},
  rubric: {
    id: 'key-project-site-inspection',
    title: '重点项目拉练调度现场检查表',
    sections: [
      {
        id: 'progress',
        title: '建设进度',
        criteria: [
          c(
            'schedule',
            '按时间表和路线图推进，阶段目标完成',
            25,
            '现场核对形象进度，在评审意见中记录差距',
          ),
          c('investment', '资金到位和投资完成情况', 15, ''),
        ],
      },
      {
        id: 'mechanism',
        title: '推进机制',
        criteria: [
          c('leadership', '领导机构、工作专班和常态推进机制', 15, ''),
          c('resources', '土地、资金、技术等要素保障落实', 15, ''),
        ],
      },
      {
        id: 'site',
        title: '现场情况',
        criteria: [
          c('safety', '现场安全、规范、整洁', 10, ''),
          c('results', '已投用部分的运行成效', 10, ''),
          c('experience', '可总结交流的经验做法', 10, '在评审意见中写明可推广的做法'),
        ],
      },
    ],
    vetoes: [{ id: 'stalled', title: '项目停工或严重滞后且无整改措施' }],
    commentRequiredBelow: 1,
    passLine: 60,
    bands,
  },
};

export const BUILT_IN_RUBRICS: readonly BuiltInRubric[] = [
  keyProjectSelection,
  brandBaseSelection,
  operatorSelection,
  annualEvaluation,
  siteInspection,
];

export function builtInRubric(key: string): BuiltInRubric | undefined {
  return BUILT_IN_RUBRICS.find((r) => r.key === key);
}
