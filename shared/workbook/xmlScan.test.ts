import { describe, expect, it } from 'vitest';
import { relsPathOf, resolveTarget } from './packageParts';
import { decodeXmlText, elementText, firstTag, startTags, startTagsOf } from './xmlScan';

describe('xmlScan', () => {
  it('finds start tags with or without a namespace prefix, never a longer name', () => {
    const xml = '<row r="1"><c r="A1" s="2"/></row><x:row r="2" hidden="1"></x:row><rowBreaks/>';
    expect([...startTags(xml, 'row')].map((t) => t.attrs)).toEqual([
      { r: '1' },
      { r: '2', hidden: '1' },
    ]);
    expect(firstTag(xml, 'c')).toMatchObject({ attrs: { r: 'A1', s: '2' }, empty: true });
    expect([...startTagsOf(xml, ['c', 'rowBreaks'])].map((t) => t.name)).toEqual([
      'c',
      'rowBreaks',
    ]);
  });

  it('reads a quoted > as part of the value, and decodes references', () => {
    const xml = `<numFmt numFmtId="200" formatCode="[&gt;100]&quot;多&quot;;'>'"/><c s='3'/>`;
    expect(firstTag(xml, 'numFmt')!.attrs.formatCode).toBe(`[>100]"多";'>'`);
    expect(firstTag(`<numFmt formatCode="a>b" numFmtId="9"/>`, 'numFmt')!.attrs).toEqual({
      formatCode: 'a>b',
      numFmtId: '9',
    });
    expect(decodeXmlText('&#131072;&#x41;&amp;lt;')).toBe('𠀀A&lt;');
  });

  it('stays linear on a start tag that never ends', () => {
    const xml = `<c ${'a="1" '.repeat(20_000)}${'b'.repeat(100_000)}"`;
    const started = performance.now();
    expect([...startTags(xml, 'c')]).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads an element’s text', () => {
    const xml = '<definedName name="Auto_Open">结果汇总!$A$1&amp;</definedName>';
    expect(elementText(xml, firstTag(xml, 'definedName')!, 'definedName')).toBe('结果汇总!$A$1&');
  });
});

describe('package paths', () => {
  it('resolves relationship targets against the part that holds them', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe(
      'xl/worksheets/sheet1.xml',
    );
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/d1.xml')).toBe(
      'xl/drawings/d1.xml',
    );
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet2.xml')).toBe(
      'xl/worksheets/sheet2.xml',
    );
    expect(relsPathOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(relsPathOf('')).toBe('_rels/.rels');
  });
});
