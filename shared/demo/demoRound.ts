/**
 * The sample round behind 载入示例评审 (empty state) and `review-desk demo`. Deterministic:
 * the same bytes every time, so screenshots, tests and the CLI output never drift. The people
 * and institutions are invented; the structure follows a real 品牌培育基地遴选.
 */
import { ROUND_FORMAT, type Packet, type Round } from '../model/roundPackage';
import { FIVE_BRANDS } from '../roster/programmeLists';
import { sha256Hex } from '../signing/hash';
import { makeTinyPdf, makeTinyPng } from './tinyFiles';

export const DEMO_ROUND_ID = 'DEMO-2026-01';

export interface DemoRound {
  round: Round;
  packets: Packet[];
  attachments: Map<string, Uint8Array>;
}

const round: Round = {
  format: ROUND_FORMAT,
  id: DEMO_ROUND_ID,
  title: '2026年技能四川公共品牌培育基地遴选（示例）',
  kind: 'selection',
  programme: 'brand-base',
  rubric: {
    id: 'brand-base-demo',
    title: '公共品牌培育基地遴选评分表（示例）',
    sections: [
      {
        id: 's1',
        title: '行业地位与带动作用',
        criteria: [
          {
            id: 'c1',
            title: '在所属行业领域的地位和影响力',
            guidance: '行业排名、获得荣誉、主管部门评价等，依据申报材料评分',
            max: 15,
            step: 0.5,
          },
          {
            id: 'c2',
            title: '对品牌培育的示范带动作用',
            guidance: '辐射区域、合作单位数量、带动就业情况',
            max: 10,
            step: 0.5,
          },
        ],
      },
      {
        id: 's2',
        title: '培训能力与条件',
        criteria: [
          {
            id: 'c3',
            title: '培训规模与市场需求',
            guidance: '近三年年均培训人次，所培训工种的市场需求',
            max: 15,
            step: 0.5,
          },
          {
            id: 'c4',
            title: '场地与设施设备',
            guidance: '实训场地面积、工位数量、设备先进程度',
            max: 10,
            step: 0.5,
          },
          {
            id: 'c5',
            title: '课程体系与师资队伍',
            guidance: '课程标准、教材、专兼职教师结构和资质',
            max: 15,
            step: 0.5,
          },
        ],
      },
      {
        id: 's3',
        title: '组织管理',
        criteria: [
          {
            id: 'c6',
            title: '管理制度与运行机制',
            guidance: '培训管理、学员管理、质量监控制度是否健全并有效执行',
            max: 10,
            step: 0.5,
          },
          {
            id: 'c7',
            title: '经费保障与可持续发展',
            guidance: '资金来源稳定、投入计划可行',
            max: 10,
            step: 0.5,
          },
        ],
      },
      {
        id: 's4',
        title: '培育成效',
        criteria: [
          {
            id: 'c8',
            title: '就业创业成效与社会评价',
            guidance: '培训后就业率、取证率、用人单位和学员满意度',
            max: 15,
            step: 0.5,
          },
        ],
      },
    ],
    vetoes: [
      { id: 'v1', title: '存在产业政策、用地、环保或社会信用等方面违规情况' },
      { id: 'v2', title: '申报材料弄虚作假' },
    ],
    commentRequiredBelow: 0.6,
    passLine: 60,
    bands: [
      { label: '优秀', min: 90 },
      { label: '良好', min: 80 },
      { label: '合格', min: 60 },
    ],
  },
  aggregation: {
    method: 'trimmed-mean',
    trimWhenAtLeast: 5,
    deviationFlag: 0.2,
    vetoRule: 'majority',
    tieBreak: [],
  },
  quotas: FIVE_BRANDS.map((group) => ({ group, count: 1, reserve: 1 })),
  experts: [
    { id: 'E01', name: '周敏', org: '四川省职业技能鉴定指导中心', city: '成都市' },
    { id: 'E02', name: '吴志强', org: '四川建筑职业技术学院', city: '德阳市' },
    { id: 'E03', name: '郑丽华', org: '四川旅游学院', city: '成都市' },
    { id: 'E04', name: '孙浩', org: '绵阳职业技术学院', city: '绵阳市' },
    { id: 'E05', name: '何晓燕', org: '宜宾职业技术学院', city: '宜宾市' },
  ],
};

interface DemoApplicant {
  brand: (typeof FIVE_BRANDS)[number];
  main: boolean;
  name: string;
  /** Romanised name for the PDF page, whose standard font has no CJK glyphs. */
  latin: string;
  city: string;
  county: string;
  type: string;
  contact: string;
  trainees: number;
  summary: string;
}

const applicants: DemoApplicant[] = [
  {
    brand: '天府新农人',
    main: true,
    name: '成都市郫都区农业职业技能培训学校',
    latin: 'Pidu Agricultural Skills Training School, Chengdu',
    city: '成都市',
    county: '郫都区',
    type: '培训机构',
    contact: '刘老师',
    trainees: 3200,
    summary: '依托川西林盘和蔬菜产业园开展高素质农民培训，设有种植、农机、电商直播三个实训区。',
  },
  {
    brand: '天府新农人',
    main: false,
    name: '南充市西充县现代农业技术培训中心',
    latin: 'Xichong Modern Agriculture Training Centre, Nanchong',
    city: '南充市',
    county: '西充县',
    type: '事业单位',
    contact: '王主任',
    trainees: 1500,
    summary: '围绕有机农业和香桃产业，开展“田间课堂”式培训，与县内合作社建立订单培养机制。',
  },
  {
    brand: '天府建筑工',
    main: true,
    name: '四川德阳建筑技工学校',
    latin: 'Deyang Construction Technical School',
    city: '德阳市',
    county: '旌阳区',
    type: '技工院校',
    contact: '陈老师',
    trainees: 5600,
    summary: '开设砌筑、钢筋、装配式建筑施工等专业，与省内大型建筑企业共建实训基地。',
  },
  {
    brand: '天府建筑工',
    main: false,
    name: '达州市建设职业培训中心',
    latin: 'Dazhou Construction Vocational Training Centre',
    city: '达州市',
    county: '通川区',
    type: '培训机构',
    contact: '张经理',
    trainees: 2100,
    summary: '面向川东北农民工开展建筑工种岗前培训和技能提升培训，推行“培训+就业”一体化服务。',
  },
  {
    brand: '川菜大师傅',
    main: true,
    name: '四川川菜烹饪职业技能培训学校',
    latin: 'Sichuan Cuisine Cooking Skills School',
    city: '成都市',
    county: '温江区',
    type: '培训机构',
    contact: '黄师傅',
    trainees: 2800,
    summary: '以川菜传统技艺传承为特色，聘请多名烹饪大师任教，学员可参加中式烹调师等级认定。',
  },
  {
    brand: '川菜大师傅',
    main: false,
    name: '乐山市餐饮行业协会培训中心',
    latin: 'Leshan Catering Association Training Centre',
    city: '乐山市',
    county: '市中区',
    type: '行业协会',
    contact: '罗秘书长',
    trainees: 900,
    summary: '结合乐山特色小吃和旅游餐饮需求，开展面点、小吃制作和餐饮服务培训。',
  },
  {
    brand: '天府技工',
    main: true,
    name: '绵阳市高级技工学校',
    latin: 'Mianyang Senior Technical School',
    city: '绵阳市',
    county: '涪城区',
    type: '技工院校',
    contact: '杨老师',
    trainees: 4300,
    summary: '服务电子信息和装备制造产业，开设数控加工、电工、焊接等工种，推行工学一体化教学。',
  },
  {
    brand: '天府技工',
    main: false,
    name: '宜宾市技师学院',
    latin: 'Yibin Technician College',
    city: '宜宾市',
    county: '翠屏区',
    type: '技工院校',
    contact: '赵老师',
    trainees: 3900,
    summary: '对接动力电池和白酒产业，与龙头企业共建产业学院，开展订单式培养和企业职工培训。',
  },
  {
    brand: '天府数智工匠',
    main: true,
    name: '成都数字技能实训基地有限公司',
    latin: 'Chengdu Digital Skills Training Base Co., Ltd.',
    city: '成都市',
    county: '高新区',
    type: '企业',
    contact: '李经理',
    trainees: 2600,
    summary: '面向人工智能训练师、工业互联网运维等新职业开展培训，建有云计算与大数据实训平台。',
  },
  {
    brand: '天府数智工匠',
    main: false,
    name: '泸州市智能制造职业技能培训中心',
    latin: 'Luzhou Intelligent Manufacturing Skills Centre',
    city: '泸州市',
    county: '江阳区',
    type: '培训机构',
    contact: '周老师',
    trainees: 1200,
    summary: '围绕工业机器人操作与运维、智能产线调试开展培训，与本地制造企业开展岗位练兵。',
  },
];

const PHOTO_COLOURS: readonly (readonly [number, number, number])[] = [
  [90, 150, 80],
  [170, 120, 70],
  [200, 80, 60],
  [70, 110, 170],
  [110, 90, 170],
];

export function buildDemoRound(): DemoRound {
  const attachments = new Map<string, Uint8Array>();
  const packets: Packet[] = applicants.map((a, i) => {
    const id = `D${String(i + 1).padStart(2, '0')}`;
    const kind = a.main ? '品牌培育主基地' : '品牌培育辅基地';
    const title = `${a.brand}${kind}申报（${a.name}）`;
    const files: { name: string; path: string; bytes: Uint8Array }[] = [
      {
        name: '申报书.pdf',
        path: `attachments/${id}/申报书.pdf`,
        bytes: makeTinyPdf(title, [
          'Skills Sichuan public brand base selection 2026 (demo)',
          `Application ${id}: ${a.latin}`,
          `Annual training capacity: ${a.trainees} person-times`,
          'Sample document generated by Review Desk. Not a real application.',
        ]),
      },
    ];
    // Every other packet also has a site photo, so the viewer shows both kinds of attachment.
    if (i % 2 === 0) {
      files.push({
        name: '场地照片.png',
        path: `attachments/${id}/场地照片.png`,
        bytes: makeTinyPng(48, 32, PHOTO_COLOURS[FIVE_BRANDS.indexOf(a.brand)]!),
      });
    }
    for (const file of files) attachments.set(file.path, file.bytes);
    return {
      id,
      title,
      applicant: { name: a.name, city: a.city, county: a.county, type: a.type },
      category: kind,
      group: a.brand,
      fields: {
        申报类型: kind,
        联系人: a.contact,
        '年培训规模(人次)': String(a.trainees),
        项目简介: a.summary,
      },
      attachments: files.map((f) => ({
        name: f.name,
        path: f.path,
        sha256: sha256Hex(f.bytes),
        size: f.bytes.length,
      })),
    };
  });
  // A fresh deep copy each call: callers (the UI store) may mutate what they receive.
  return { round: structuredCloneRound(), packets, attachments };
}

function structuredCloneRound(): Round {
  return JSON.parse(JSON.stringify(round)) as Round;
}
