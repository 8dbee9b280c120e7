import { describe, expect, it } from 'vitest';
import { compareChinese } from './chineseOrder';

describe('compareChinese', () => {
  it('orders ids with numbers as numbers and is the same order localeCompare gives', () => {
    const ids = ['P10', 'P2', 'P1', 'KP0003', '成都', '阿坝', 'P02'];
    const expected = [...ids].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
    expect([...ids].sort(compareChinese)).toEqual(expected);
    expect(['P10', 'P2', 'P1'].sort(compareChinese)).toEqual(['P1', 'P2', 'P10']);
  });
});
