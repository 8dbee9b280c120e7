/**
 * A realistic, sizeable sample round for `review-desk demo` and the import benchmark: applicants
 * from all 21 市(州), the four key-project categories, the five public brands, with attachments.
 * Deterministic: the same options give the same bytes (no clock, no Math.random).
 */
import { ROUND_FORMAT, type Packet, type Round } from '../model/roundPackage';
import { builtInRubric } from '../rubrics/builtInRubrics';
import { sha256Hex } from '../signing/hash';
import type { DemoRound } from './demoRound';
import { makeTinyPdf, makeTinyPng } from './tinyFiles';

export const SAMPLE_ROUND_ID = 'SAMPLE-2026-KP';

export const CITIES: readonly (readonly [string, string, string])[] = [
  ['成都市', '锦江区', 'Chengdu'],
  ['自贡市', '自流井区', 'Zigong'],
  ['攀枝花市', '东区', 'Panzhihua'],
  ['泸州市', '江阳区', 'Luzhou'],
  ['德阳市', '旌阳区', 'Deyang'],
  ['绵阳市', '涪城区', 'Mianyang'],
  ['广元市', '利州区', 'Guangyuan'],
  ['遂宁市', '船山区', 'Suining'],
  ['内江市', '市中区', 'Neijiang'],
  ['乐山市', '市中区', 'Leshan'],
  ['南充市', '顺庆区', 'Nanchong'],
  ['眉山市', '东坡区', 'Meishan'],
  ['宜宾市', '翠屏区', 'Yibin'],
  ['广安市', '广安区', "Guang'an"],
  ['达州市', '通川区', 'Dazhou'],
  ['雅安市', '雨城区', "Ya'an"],
  ['巴中市', '巴州区', 'Bazhong'],
  ['资阳市', '雁江区', 'Ziyang'],
  ['阿坝藏族羌族自治州', '马尔康市', 'Aba'],
  ['甘孜藏族自治州', '康定市', 'Garze'],
  ['凉山彝族自治州', '西昌市', 'Liangshan'],
];

export const CATEGORIES = ['技工教育发展类', '职业技能培训类', '平台载体类', '展示展览类'] as const;
export const BRANDS = [
  '天府新农人',
  '天府建筑工',
  '川菜大师傅',
  '天府技工',
  '天府数智工匠',
] as const;

const PROJECTS: Record<(typeof CATEGORIES)[number], readonly [string, string, string][]> = {
  技工教育发展类: [
    ['技师学院实训楼改扩建', '技师学院', '技工院校'],
    ['技工学校信息化平台建设', '技工学校', '技工院校'],
  ],
  职业技能培训类: [
    ['公共实训基地建设', '人力资源和社会保障局', '政府部门'],
    ['跨企业职工培训中心', '职业技能培训中心', '培训机构'],
  ],
  平台载体类: [
    ['高技能人才培训基地', '高技能人才培训基地', '企业'],
    ['技能大师工作室', '技能大师工作室', '企业'],
  ],
  展示展览类: [
    ['工匠博物馆', '文化旅游发展中心', '事业单位'],
    ['技术技能展示中心', '职业技能展示中心', '事业单位'],
  ],
};

export interface SampleOptions {
  packets?: number;
  attachmentsPerPacket?: number;
  /** Size each PDF is padded to, in KiB; 0 keeps the natural few hundred bytes. */
  attachmentKb?: number;
}

export function buildSampleRound(options: SampleOptions = {}): DemoRound {
  const count = options.packets ?? CITIES.length * CATEGORIES.length;
  const perPacket = options.attachmentsPerPacket ?? 2;
  const kb = options.attachmentKb ?? 0;
  const builtIn = builtInRubric('key-project-selection')!;
  const round: Round = {
    format: ROUND_FORMAT,
    id: SAMPLE_ROUND_ID,
    title: `2026年技能四川重点项目遴选（示例，${count} 个项目）`,
    kind: builtIn.kind,
    programme: builtIn.programme,
    // A copy: the built-in default must not change when a caller edits this round.
    rubric: JSON.parse(JSON.stringify(builtIn.rubric)) as Round['rubric'],
    aggregation: {
      method: 'trimmed-mean',
      trimWhenAtLeast: 5,
      deviationFlag: 0.2,
      vetoRule: 'majority',
      tieBreak: ['provincial-fit'],
    },
    quotas: CATEGORIES.map((group) => ({
      group,
      count: Math.max(1, Math.floor(count / 8)),
      reserve: 1,
    })),
    experts: [
      { id: 'E01', name: '周敏', org: '四川省职业技能鉴定指导中心', city: '成都市' },
      { id: 'E02', name: '吴志强', org: '四川建筑职业技术学院', city: '德阳市' },
      { id: 'E03', name: '郑丽华', org: '四川旅游学院', city: '成都市' },
      { id: 'E04', name: '孙浩', org: '绵阳职业技术学院', city: '绵阳市' },
      { id: 'E05', name: '何晓燕', org: '宜宾职业技术学院', city: '宜宾市' },
      { id: 'E06', name: '冯建军', org: '西南交通大学', city: '成都市' },
      { id: 'E07', name: '曾雪梅', org: '南充职业技术学院', city: '南充市' },
    ],
  };
  const width = Math.max(4, String(count).length);
  const attachments = new Map<string, Uint8Array>();
  const packets: Packet[] = [];
  for (let i = 0; i < count; i++) {
    const id = `KP${String(i + 1).padStart(width, '0')}`;
    const [city, county, latin] = CITIES[i % CITIES.length]!;
    const category = CATEGORIES[Math.floor(i / CITIES.length) % CATEGORIES.length]!;
    const brand = BRANDS[i % BRANDS.length]!;
    const [project, applicantSuffix, type] =
      PROJECTS[category][Math.floor(i / (CITIES.length * CATEGORIES.length)) % 2]!;
    const title = `${city}${county}${project}`;
    const files: { name: string; path: string; bytes: Uint8Array }[] = [];
    for (let j = 0; j < perPacket; j++) {
      if (j === 1) {
        files.push({
          name: '现场照片.png',
          path: `attachments/${id}/现场照片.png`,
          bytes: makeTinyPng(48, 32, [60 + ((i * 37) % 160), 90 + ((i * 53) % 120), 120]),
        });
        continue;
      }
      const name = j === 0 ? '申报书.pdf' : `佐证材料${j - 1}.pdf`;
      files.push({
        name,
        path: `attachments/${id}/${name}`,
        bytes: makeTinyPdf(
          `${title}（${name}）`,
          [
            'Skills Sichuan key project selection 2026 (sample)',
            `Application ${id}: ${latin}, ${category === '展示展览类' ? 'exhibition' : 'training'} project`,
            `Brand direction ${BRANDS.indexOf(brand) + 1} of 5`,
            'Sample document generated by Review Desk. Not a real application.',
          ],
          Math.max(0, kb * 1024 - 900),
          i * 131 + j + 1,
        ),
      });
    }
    for (const f of files) attachments.set(f.path, f.bytes);
    packets.push({
      id,
      title,
      applicant: { name: `${city}${county}${applicantSuffix}`, city, county, type },
      category,
      group: category,
      fields: {
        品牌: brand,
        '总投资(万元)': String(500 + ((i * 7919) % 20000)),
        建设周期: `${2023 + (i % 3)}—2025年`,
        项目简介: `${city}围绕${brand}品牌培育，建设${project}，服务当地主导产业的技能人才需求。`,
      },
      attachments: files.map((f) => ({
        name: f.name,
        path: f.path,
        sha256: sha256Hex(f.bytes),
        size: f.bytes.length,
      })),
    });
  }
  return { round, packets, attachments };
}
