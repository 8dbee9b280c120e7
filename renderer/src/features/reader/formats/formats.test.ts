import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { handZip } from '../../../../../test/fixtures/handZip';
import { makeTinyPng } from '@shared/demo/tinyFiles';
import {
  minimalDocx,
  minimalOfd,
  minimalXls,
  minimalXlsx,
  word97Lookalike,
} from '../../../../../test/fixtures/officeFiles';
import { containerEntries } from './containerEntries';
import { misnamed, sniffFormat, zipKind } from './detectFormat';
import { openAttachment } from './openAttachment';
import { readOfd, resolveOfdPath } from './readOfd';
import { MAX_ROWS, readCsvSheet, readXlsSheets, readXlsxSheets } from './readSheets';

const gbk = (text: string): Uint8Array => {
  // GBK bytes of the few characters used below (Node's TextEncoder writes only UTF-8).
  const table: Record<string, number[]> = {
    姓: [0xd0, 0xd5],
    名: [0xc3, 0xfb],
    张: [0xd5, 0xc5],
    三: [0xc8, 0xfd],
  };
  return new Uint8Array([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

const entriesOf = (bytes: Uint8Array, name: string) => {
  const read = containerEntries(bytes, name);
  if (!read.ok) throw new Error(read.reason);
  return read.files;
};

describe('format detection: magic bytes first, the name second', () => {
  it('names images, PDFs, ZIPs and OLE2 files by their bytes whatever they are called', () => {
    expect(sniffFormat(makeTinyPng(4, 3, [200, 30, 30]), '照片.pdf')).toEqual({
      kind: 'image',
      mime: 'image/png',
    });
    expect(sniffFormat(strToU8('%PDF-1.7\n'), '申报书.docx')).toEqual({ kind: 'pdf' });
    expect(sniffFormat(minimalDocx(['x']), '申报书.pdf')).toEqual({ kind: 'zip' });
    expect(sniffFormat(minimalXls([['a']]), '名单.doc')).toEqual({ kind: 'xls' });
    expect(sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'a.bin').kind).toBe('image');
  });

  it('tells a Word 97 document from a workbook inside an OLE2 file', () => {
    expect(sniffFormat(word97Lookalike(), '申报书.xls')).toEqual({ kind: 'other', what: 'word97' });
  });

  it('tells docx, xlsx and OFD apart by the entries the guarded reader lists', () => {
    expect(zipKind(entriesOf(minimalDocx(['x']), 'a.pdf').keys())).toBe('docx');
    expect(zipKind(entriesOf(minimalXlsx({ S: [['a']] }), 'a.docx').keys())).toBe('xlsx');
    expect(zipKind(entriesOf(minimalOfd([[['x']]]), 'a.zip').keys())).toBe('ofd');
    expect(zipKind(entriesOf(zipSync({ 'readme.txt': strToU8('hi') }), 'a.docx').keys())).toBe(
      'archive',
    );
  });

  it('does not show text for a binary file, nor a binary named .txt as text', () => {
    expect(sniffFormat(strToU8('你好\n'), '说明.txt')).toEqual({ kind: 'text' });
    expect(sniffFormat(strToU8('a,b\n1,2\n'), '名单.csv')).toEqual({ kind: 'csv' });
    expect(sniffFormat(new Uint8Array([1, 2, 0, 4]), '说明.txt')).toEqual({
      kind: 'other',
      what: 'binary',
    });
    // Text named .docx is a renamed or broken file, not a document shown as text.
    expect(sniffFormat(strToU8('hello'), '申报书.docx')).toEqual({ kind: 'other', what: 'binary' });
    expect(misnamed('申报书.docx', 'pdf')).toBe(true);
    expect(misnamed('申报书.docx', 'docx')).toBe(false);
  });
});

describe('guarded container reading', () => {
  it('refuses a zip bomb named .xlsx before anything parses it', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = zipSync({ 'xl/workbook.xml': zeros }, { level: 9 });
    const read = containerEntries(bomb, '评分.xlsx');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain('压缩炸弹');
  });

  it('refuses an entry whose name leaves the archive', () => {
    const evil = handZip([
      { name: 'OFD.xml', data: strToU8('<ofd:OFD/>') },
      { name: '../../evil.xml', data: strToU8('x') },
    ]);
    const read = containerEntries(evil, '发票.ofd');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain('..');
  });

  it('refuses a damaged archive with a reason instead of throwing', () => {
    const good = minimalDocx(['正文']);
    const cut = good.subarray(0, good.length - 30);
    const read = containerEntries(cut, '申报书.docx');
    expect(read.ok).toBe(false);
  });

  it('checks the CRC: a flipped byte inside an entry is refused', () => {
    const data = strToU8('<w:document>正文正文正文</w:document>');
    const zip = handZip([{ name: 'word/document.xml', data, deflate: false }]);
    const at = zip.indexOf(data[3]!, 30);
    zip[at] = zip[at]! ^ 0xff;
    expect(containerEntries(zip, '申报书.docx').ok).toBe(false);
  });

  it('reads a deflated hand-made archive whose sizes are honest', () => {
    const data = strToU8('OFD');
    expect(deflateSync(data).length).toBeGreaterThan(0);
    const zip = handZip([{ name: 'OFD.xml', data, deflate: true }]);
    expect(containerEntries(zip, 'a.ofd').ok).toBe(true);
  });
});

describe('workbooks and CSV as text tables', () => {
  it('reads every sheet as the text Excel shows, with merges and hidden flags', () => {
    const bytes = minimalXlsx(
      {
        评分汇总: [
          ['项目', '得分', ''],
          ['智能制造实训基地', 88.5, '=SUM(1,2)'],
        ],
        说明: [['本表仅供评审']],
      },
      { 评分汇总: [{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }] },
    );
    const read = readXlsxSheets(entriesOf(bytes, '评分.xlsx'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheets.map((s) => s.name)).toEqual(['评分汇总', '说明']);
    const [first] = read.sheets;
    expect(first!.rows[1]).toEqual(['智能制造实训基地', '88.5', '=SUM(1,2)']);
    expect(first!.merges).toEqual([{ row: 0, column: 1, rows: 1, columns: 2 }]);
    expect(first!.columnNames).toEqual(['A', 'B', 'C']);
  });

  it(`cuts a long sheet to its first ${MAX_ROWS} rows and says how long it is`, () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [`第${i + 1}行`, i]);
    const read = readXlsxSheets(entriesOf(minimalXlsx({ 长表: rows }), '长表.xlsx'));
    if (!read.ok) throw new Error(read.reason);
    const [sheet] = read.sheets;
    expect(sheet!.rows).toHaveLength(MAX_ROWS);
    expect(sheet!.totalRows).toBe(2500);
    expect(sheet!.rows.at(-1)![0]).toBe(`第${MAX_ROWS}行`);
  });

  it('reads an Excel 97–2003 .xls', () => {
    const read = readXlsSheets(
      minimalXls([
        ['姓名', '单位'],
        ['张三', '四川大学'],
      ]),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.sheets[0]!.rows[1]).toEqual(['张三', '四川大学']);
  });

  it('reads CSV in GBK (Excel on Chinese Windows) and in UTF-8 with a BOM', () => {
    const fromGbk = readCsvSheet(gbk('姓名,x\n张三,1\n'), '名单.csv');
    expect(fromGbk).toMatchObject({ ok: true, encoding: 'GBK' });
    if (fromGbk.ok)
      expect(fromGbk.sheets[0]!.rows).toEqual([
        ['姓名', 'x'],
        ['张三', '1'],
      ]);
    const fromUtf8 = readCsvSheet(
      new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('姓名\n张三\n')]),
      'a.csv',
    );
    expect(fromUtf8).toMatchObject({ ok: true, encoding: 'UTF-8' });
    if (fromUtf8.ok) expect(fromUtf8.sheets[0]!.rows[0]).toEqual(['姓名']);
  });

  it('says so when a CSV is neither UTF-8 nor GBK', () => {
    expect(readCsvSheet(new Uint8Array([0x41, 0x81, 0x0a]), 'a.csv').ok).toBe(false);
  });
});

describe('OFD text and pages', () => {
  it('reads each page’s text in reading order, template text and images included', () => {
    const png = makeTinyPng(4, 3, [200, 30, 30]);
    const ofd = minimalOfd(
      [[['电子发票'], ['购买方', '四川省人力资源和社会保障厅']], [['第二页正文 <附> & 说明']]],
      { templateText: '国家税务总局监制', image: png },
    );
    const read = readOfd(entriesOf(ofd, '发票.ofd'));
    if (!read.ok) throw new Error(read.reason);
    expect(read.totalPages).toBe(2);
    expect(read.pages[0]!.lines).toEqual([
      '国家税务总局监制',
      '电子发票',
      '购买方 四川省人力资源和社会保障厅',
    ]);
    expect(read.pages[0]!.images).toEqual(['Doc_0/Res/image_5.png']);
    expect(read.pages[1]!.lines).toEqual(['第二页正文 <附> & 说明']);
  });

  it('says what is missing in an OFD without its document', () => {
    const broken = zipSync({ 'OFD.xml': strToU8('<ofd:OFD><ofd:DocBody/></ofd:OFD>') });
    const read = readOfd(entriesOf(broken, 'a.ofd'));
    expect(read).toMatchObject({ ok: false });
    if (!read.ok) expect(read.reason).toContain('DocRoot');
  });

  it('keeps paths inside the archive', () => {
    expect(resolveOfdPath('Doc_0/Document.xml', 'Pages/Page_0/Content.xml')).toBe(
      'Doc_0/Pages/Page_0/Content.xml',
    );
    expect(resolveOfdPath('Doc_0/Document.xml', '/Doc_0/Res/a.png')).toBe('Doc_0/Res/a.png');
    expect(resolveOfdPath('Doc_0/Document.xml', '../../etc/passwd')).toBeNull();
  });
});

describe('opening an attachment: what the viewer is given', () => {
  const bomb = () => zipSync({ 'xl/workbook.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });

  it('shows a Word document renamed .pdf as Word, and says the name is wrong', () => {
    const opened = openAttachment(minimalDocx(['正文']), '申报书.pdf');
    expect(opened.opened.view).toBe('docx');
    expect(opened.misnamedAs).toBe('pdf');
  });

  it('shows a zip bomb named .xlsx as a failure with its reason, never parsed', () => {
    const opened = openAttachment(bomb(), '评分表.xlsx');
    expect(opened.opened).toMatchObject({ view: 'failed' });
    if (opened.opened.view === 'failed') expect(opened.opened.reason).toContain('压缩炸弹');
  });

  it('names an archive without inflating it', () => {
    expect(openAttachment(bomb(), '材料.zip').opened).toEqual({
      view: 'other',
      what: 'archive',
    });
  });

  it('offers a .doc for 另存为, and calls text named .docx a renamed or damaged file', () => {
    expect(openAttachment(word97Lookalike(), '说明.doc')).toEqual({
      opened: { view: 'other', what: 'word97' },
      misnamedAs: null,
    });
    expect(openAttachment(strToU8('not a document'), '申报书.docx')).toEqual({
      opened: { view: 'other', what: 'binary' },
      misnamedAs: 'docx',
    });
  });

  it('reads plain text in GBK, UTF-8 and UTF-16 (with its byte-order mark)', () => {
    expect(openAttachment(gbk('姓名 张三\n'), '说明.txt').opened).toMatchObject({
      view: 'text',
      text: '姓名 张三\n',
      encoding: 'GBK',
    });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x60, 0x4f, 0x7d, 0x59]);
    expect(openAttachment(utf16, 'a.txt').opened).toMatchObject({
      view: 'text',
      text: '你好',
      encoding: 'UTF-16',
    });
    const html = strToU8('<script>alert(1)</script>');
    expect(openAttachment(html, 'x.html').opened).toMatchObject({
      view: 'text',
      text: '<script>alert(1)</script>',
    });
  });

  it('says what is wrong with a damaged workbook instead of throwing', () => {
    const good = minimalXlsx({ S: [['a']] });
    const files = entriesOf(good, 'a.xlsx');
    files.set('xl/workbook.xml', strToU8('<workbook><sheets><sheet name="S" r:id="rId9"'));
    const broken = zipSync(Object.fromEntries(files));
    const opened = openAttachment(broken, '评分表.xlsx');
    expect(opened.opened).toMatchObject({ view: 'failed' });
    if (opened.opened.view === 'failed') expect(opened.opened.reason).toContain('无法读取工作簿');
  });
});

describe('a .docx is checked before the browser parses it', () => {
  it('refuses a Word document whose XML declares a DTD (entity expansion)', () => {
    const good = minimalDocx(['正文']);
    const files = entriesOf(good, 'a.docx');
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;">]>';
    const xml = new TextDecoder().decode(files.get('word/document.xml')!);
    files.set('word/document.xml', strToU8(xml.replace(/^<\?xml[^>]*\?>/, laughs)));
    const opened = openAttachment(zipSync(Object.fromEntries(files)), '申报书.docx').opened;
    expect(opened).toMatchObject({ view: 'failed' });
    if (opened.view === 'failed') expect(opened.reason).toContain('word/document.xml');
    expect(openAttachment(good, '申报书.docx').opened.view).toBe('docx');
  });
});
