/** The brand round as the app exports it: with 专家组意见 on a selected and a vetoed packet. */
import type { ResultWorkbookInput } from '@shared/workbook';
import { brandRoundInput } from './brandRound';

export const OPINIONS = [
  {
    packetId: 'P001',
    text: '实训基地条件完善，师资结构合理。\n专家组一致建议入选。',
    chair: '组长 陈静（e7）',
    at: '2026-11-21T09:30:00+08:00',
  },
  {
    packetId: 'P002',
    text: '=存在违规用地情况，依规则一票否决，建议取消申报资格。',
    chair: '组长 陈静（e7）',
    at: '2026-11-21T09:40:00+08:00',
  },
] as const;

export function opinionsInput(): ResultWorkbookInput {
  return { ...brandRoundInput(), opinions: OPINIONS.map((o) => ({ ...o })) };
}
