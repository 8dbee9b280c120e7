import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from './rosterCsv';
import { EXPERT_COLUMNS, PROJECT_COLUMNS, matchColumns } from './rosterColumns';
import { rosterRoundId, serialIds } from './rosterIds';
import { editDistance, nearestNames } from './nearestNames';
import { projectLayout, titleAbove } from './rosterReport';

describe('the header table', () => {
  it('reads every accepted header, in either bracket width, as its column', () => {
    for (const specs of [PROJECT_COLUMNS, EXPERT_COLUMNS]) {
      for (const spec of specs) {
        for (const header of spec.accepted) {
          const wide = header.replace('(', '（').replace(')', '）');
          expect([...matchColumns([wide], specs).keys()], header).toEqual([spec.key]);
        }
      }
    }
  });

  it('takes the office spellings: 序号, 所属市(州), 项目类别, 联系人, 联系电话, 职称', () => {
    const header = ['序号', '项目名称', '申报单位', '所属市(州)', '项目类别', '联系人', '联系电话'];
    expect(Object.fromEntries(matchColumns(header, PROJECT_COLUMNS))).toEqual({
      id: 0,
      title: 1,
      applicant: 2,
      city: 3,
      category: 4,
      contact: 5,
      phone: 6,
    });
    expect(Object.fromEntries(matchColumns(['姓名', '单位', '职称'], EXPERT_COLUMNS))).toEqual({
      name: 0,
      org: 1,
      rank: 2,
    });
  });

  it('reads 项目编号 over 序号 when both are there, and reports 序号 ignored', () => {
    const sheet = {
      name: '项目',
      firstRow: 1,
      rows: [
        ['序号', '项目编号', '项目名称', '申报单位', '', '备注'],
        ['1', 'KP-1', '项目', '单位', '无表头的值', '说明'],
      ],
    };
    const layout = projectLayout(sheet);
    expect(layout.columns.get('id')).toBe(1);
    expect(layout.uses.map((u) => `${u.column} ${u.target ?? `未读取：${u.reason}`}`)).toEqual([
      'A 未读取：已读取 B 列作为“项目编号”',
      expect.stringMatching(/^B 项目编号 → id/),
      'C 项目名称 → title',
      'D 申报单位 → applicant.name',
      'E 未读取：表头为空：请填写表头，否则此列不读取',
      'F 附加信息 → fields.备注',
    ]);
  });
});

describe('the title row', () => {
  it('is the first row above the header with one filled cell', () => {
    const rows = [['', '  2024年  汇总表 ', ''], ['填报单位：', '', '日期：'], ['序号']];
    expect(titleAbove({ name: 's', firstRow: 1, rows }, 2)).toBe('2024年 汇总表');
    expect(titleAbove({ name: 's', firstRow: 1, rows: [['a', 'b'], ['序号']] }, 1)).toBeNull();
  });
});

describe('project ids', () => {
  it('turns a serial column into P-codes padded to at least three digits', () => {
    expect(serialIds(['1', '2', '', '10'])).toEqual(
      new Map([
        ['1', 'P001'],
        ['2', 'P002'],
        ['10', 'P010'],
      ]),
    );
    expect(serialIds(['9', '10000'])?.get('9')).toBe('P00009');
  });

  it('keeps codes as written: any cell that is not a plain serial keeps them all', () => {
    expect(serialIds(['1', 'KP-2'])).toBeNull();
    expect(serialIds(['001', '002'])).toBeNull();
    expect(serialIds(['1.5'])).toBeNull();
  });

  it('gives a roster the same round id however its rows are padded, and another roster another', () => {
    const a = {
      projects: {
        name: 'x',
        firstRow: 1,
        rows: [
          ['序号', '项目名称'],
          ['1', '甲'],
        ],
      },
      experts: null,
    };
    const padded = {
      projects: { name: 'y', firstRow: 1, rows: [['序号', '项目名称', ''], [], ['1', '甲 ', '']] },
      experts: null,
    };
    expect(rosterRoundId(padded)).toBe(rosterRoundId(a));
    const other = {
      projects: {
        name: 'x',
        firstRow: 1,
        rows: [
          ['序号', '项目名称'],
          ['1', '乙'],
        ],
      },
      experts: null,
    };
    expect(rosterRoundId(other)).not.toBe(rosterRoundId(a));
  });
});

describe('nearest names', () => {
  it('counts one wrong Chinese character as one edit and suggests only close names', () => {
    expect(editDistance('天府技功', '天府技工')).toBe(1);
    expect(editDistance('阿坝州', '阿坝藏族羌族自治州')).toBe(6);
    expect(nearestNames('川菜大师父', ['天府技工', '川菜大师傅'])).toEqual(['川菜大师傅']);
    expect(nearestNames('完全不同的名字', ['天府技工'])).toEqual([]);
  });
});

describe('CSV', () => {
  const gbk = (bytes: Uint8Array) => new TextDecoder('gbk', { fatal: true }).decode(bytes);
  // 序号 in GBK: D0 F2 BA C5.
  const gbkBytes = Uint8Array.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0x41, 0x0d, 0x0a]);

  it('reads UTF-8 with or without a BOM as UTF-8, anything else as GBK', () => {
    const utf8 = new TextEncoder().encode('序号,A\n');
    expect(decodeCsv(utf8, gbk)).toEqual({ text: '序号,A\n', encoding: 'UTF-8' });
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), gbk)).toEqual({
      text: '序号,A\n',
      encoding: 'UTF-8',
    });
    expect(decodeCsv(gbkBytes, gbk)).toEqual({ text: '序号,A\r\n', encoding: 'GBK' });
    expect(decodeCsv(gbkBytes)).toEqual({ text: '序号,A\r\n', encoding: 'GBK' });
  });

  it('refuses bytes that are neither', () => {
    expect(decodeCsv(Uint8Array.from([0x81, 0x20, 0xff]), gbk)).toBeNull();
  });

  it('splits quoted cells with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"多\n行",\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['多\n行', ''],
    ]);
  });
});
