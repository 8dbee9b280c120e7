/**
 * A synthetic round of any size (packets × experts × criteria), compiled: for the workbook's
 * size and speed measurements (the target: verify in under 2 s for 500 × 15 × 30).
 */
import { compileRound, type CompileSheet } from '@shared/compile';
import type { Packet, Round } from '@shared/model/roundPackage';
import type { ResultWorkbookInput } from '@shared/workbook';

export function syntheticInput(
  packetCount: number,
  expertCount: number,
  criteriaCount: number,
): ResultWorkbookInput {
  const criteria = Array.from({ length: criteriaCount }, (_, i) => ({
    id: `c${i + 1}`,
    title: `评分指标第 ${i + 1} 项`,
    guidance: '',
    max: 10,
    step: 0.5,
  }));
  const groups = ['天府新农人', '天府建筑工', '川菜大师傅', '天府技工', '天府数智工匠'];
  const round: Round = {
    format: 'review-desk/round@1',
    id: 'SYN-1',
    title: '合成评审',
    kind: 'selection',
    programme: '',
    rubric: {
      id: 'r',
      title: '评分表',
      sections: [{ id: 's1', title: '全部', criteria }],
      vetoes: [{ id: 'v1', title: '违规' }],
      commentRequiredBelow: 0,
      passLine: 60,
      bands: [],
    },
    aggregation: {
      method: 'trimmed-mean',
      trimWhenAtLeast: 5,
      deviationFlag: 0.2,
      vetoRule: 'majority',
      tieBreak: [],
    },
    quotas: groups.map((group) => ({ group, count: 20, reserve: 5 })),
    experts: Array.from({ length: expertCount }, (_, i) => ({
      id: `e${i + 1}`,
      name: `专家${i + 1}`,
      org: '某单位',
      city: '成都市',
    })),
  } as Round;
  const packets: Packet[] = Array.from({ length: packetCount }, (_, i) => ({
    id: `P${String(i + 1).padStart(4, '0')}`,
    title: `合成申报项目 ${i + 1}（某某职业技能培训学校）`,
    applicant: { name: `申报单位 ${i + 1}`, city: '成都市', county: '', type: '' },
    category: '',
    group: groups[i % groups.length]!,
    fields: {},
    attachments: [],
  }));
  const sheets: CompileSheet[] = [];
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const packet of packets) {
    for (const expert of round.experts) {
      const scores: Record<string, number> = {};
      for (const c of criteria) scores[c.id] = Math.round(next() * 20) / 2;
      sheets.push({
        packetId: packet.id,
        expertId: expert.id,
        status: 'submitted',
        scores,
        vetoes: { v1: false },
        comment: '材料齐全，建设基础较好，建议加强师资队伍建设。',
        revision: 1,
      });
    }
  }
  return {
    round,
    packets,
    sheets,
    result: compileRound({ round, packets, sheets }),
    generatedAt: '2026-11-21T10:00:00+08:00',
    generator: 'review-desk bench',
  };
}
