import { describe, expect, it } from 'vitest';
import type { CompileFlag, PacketResult, SheetResult } from '@shared/compile';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { flagText } from './flagText';

const sheet = (expertId: string, status: 'pending' | 'confirmed') =>
  ({ expertId, deviation: { status } }) as unknown as SheetResult;
const packet = {
  packetId: 'P007',
  sheets: [sheet('E01', 'confirmed'), sheet('E03', 'pending')],
} as unknown as PacketResult;
const names = new Map([
  ['E01', '王建国'],
  ['E03', '郑丽华'],
]);
const flag = (code: CompileFlag['code']): CompileFlag => ({
  code,
  packetIds: ['P007'],
  group: null,
  message: 'P007 有偏离评分待专家复核：E03',
});

describe('round flags on the results page', () => {
  it('names the expert who still has to review a deviation, not only their id', () => {
    const text = flagText(zhCN, flag('deviation-pending'), [packet], names);
    expect(text).toBe('P007 有偏离评分待专家复核：郑丽华（E03）');
    expect(text).not.toContain('王建国');
    expect(flagText(en, flag('deviation-pending'), [packet], names)).toContain('郑丽华（E03）');
  });

  it('shows other flags as compiled', () => {
    expect(flagText(zhCN, flag('vetoed'), [packet], names)).toBe(flag('vetoed').message);
  });
});
