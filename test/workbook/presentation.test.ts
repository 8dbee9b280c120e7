/**
 * What a person sees beyond the values: each change below keeps every cell value as signed (so
 * the value comparison alone would pass) but changes what a spreadsheet shows, and verification
 * must refuse it naming the sheet and the cell or object. Each is made at the XML level.
 */
import { describe, expect, it } from 'vitest';
import { verifyResultWorkbook } from '@shared/workbook';
import { brandRoundWorkbook } from './brandRound';
import { addRelationship, editParts, sheetPath } from './edit';

type Parts = Record<string, string | null>;

const original = await brandRoundWorkbook();
const SUMMARY = '结果汇总';

function problems(bytes: Uint8Array): string[] {
  const result = verifyResultWorkbook(bytes);
  expect(result.ok ? 'verified' : result.kind).toBe('invalid');
  return result.ok ? [] : result.problems;
}

/** Edit the 结果汇总 sheet's XML (and any other part) of the signed workbook. */
function editSummary(change: (xml: string, parts: Parts, path: string) => string): Uint8Array {
  return editParts(original, (parts) => {
    const path = sheetPath(parts, SUMMARY);
    parts[path] = change(parts[path]!, parts, path);
  });
}

/** Put an element where the schema wants it: before `<ignoredErrors>` (after sheetData etc.). */
const beforeIgnored = (xml: string, element: string) =>
  xml.replace('<ignoredErrors>', `${element}<ignoredErrors>`);
const atEnd = (xml: string, element: string) =>
  xml.replace('</worksheet>', `${element}</worksheet>`);

const FIX = '请使用评审台导出的原文件，或在表格程序中撤销这一改动后重新保存';

describe('result workbook: what a person sees', () => {
  it('the signed workbook itself passes every check', () => {
    expect(verifyResultWorkbook(original).ok).toBe(true);
  });

  it('a number format 0;0;0;"入选" on the 结论 column is refused, cell by cell', () => {
    const edited = editSummary((xml, parts) => {
      const styles = parts['xl/styles.xml']!;
      parts['xl/styles.xml'] = styles
        .replace(
          /<numFmts count="\d+">/,
          '$&<numFmt numFmtId="200" formatCode="0;0;0;&quot;入选&quot;"/>',
        )
        .replace(
          /<cellXfs count="(\d+)">(.*?)<\/cellXfs>/,
          (_, n: string, body: string) =>
            `<cellXfs count="${Number(n) + 1}">${body}<xf numFmtId="200" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
        );
      const index = (styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/)![1]!.match(/<xf /g) ?? [])
        .length;
      return xml.replace(/<c r="(I\d+)" t="s">/g, (m, ref: string) =>
        ref === 'I1' ? m : `<c r="${ref}" s="${index}" t="s">`,
      );
    });
    const list = problems(edited);
    expect(list[0]).toBe(
      `${SUMMARY}!I2：数字格式“0;0;0;"入选"”会改变显示的内容（此列只用常规格式），${FIX}`,
    );
    expect(list).toHaveLength(21);
    expect(list[20]).toBe(`${SUMMARY}：另有 5 处显示方式被改动`);
  });

  it('a number format other than the column’s own on 得分 is refused; its own 0.00 is not', () => {
    const edited = editSummary((xml, parts) => {
      parts['xl/styles.xml'] = parts['xl/styles.xml']!.replace(
        /<cellXfs count="(\d+)">(.*?)<\/cellXfs>/,
        (_, n: string, body: string) =>
          `<cellXfs count="${Number(n) + 1}">${body}<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
      );
      return xml.replace('<c r="H2" s="1">', '<c r="H2" s="2">');
    });
    expect(problems(edited)).toEqual([
      `${SUMMARY}!H2：数字格式“0”会改变显示的内容（此列只用常规或“0.00”格式），${FIX}`,
    ]);
  });

  it('a format given to style 0 reaches every cell without a style of its own', () => {
    const edited = editParts(original, (parts) => {
      parts['xl/styles.xml'] = parts['xl/styles.xml']!.replace(
        /(<cellXfs count="\d+"><xf numFmtId=")0"/,
        '$1' + '49"',
      );
    });
    const list = problems(edited);
    expect(list[0]).toBe(`${SUMMARY}!A1：数字格式“@”会改变显示的内容（此列只用常规格式），${FIX}`);
    expect(list.filter((p) => p.startsWith('评分明细!'))).toHaveLength(20);
  });

  it('a hidden row, a zero-height row and a hidden column inside the signed grid are refused', () => {
    const edited = editSummary((xml) =>
      xml
        .replace('<row r="5">', '<row r="5" hidden="1">')
        .replace('<row r="7">', '<row r="7" ht="0" customHeight="1">')
        .replace('<col min="9" max="9"', '<col hidden="1" min="9" max="9"'),
    );
    expect(problems(edited)).toEqual([
      `${SUMMARY}!I：列被隐藏（签名数据所在的列），${FIX}`,
      `${SUMMARY}!5:5：第 5 行被隐藏，${FIX}`,
      `${SUMMARY}!7:7：第 7 行被隐藏，${FIX}`,
    ]);
  });

  it('a row too low or a column too narrow to read, zeros shown blank, merged cells are refused', () => {
    const edited = editSummary((xml) =>
      xml
        .replace('<row r="4">', '<row r="4" ht="1" customHeight="1">')
        .replace('<col min="3" max="3" width="56.83203125"', '<col min="3" max="3" width="0.5"')
        .replace('<sheetView workbookViewId="0">', '<sheetView showZeros="0" workbookViewId="0">')
        .replace(
          '<autoFilter',
          '<mergeCells count="1"><mergeCell ref="I2:J2"/></mergeCells><autoFilter',
        ),
    );
    expect(problems(edited)).toEqual([
      `${SUMMARY}!I2:J2：含有合并单元格（只显示左上角的值），${FIX}`,
      `${SUMMARY}：设置了不显示零值（showZeros），值为 0 的单元格显示为空白，${FIX}`,
      `${SUMMARY}!C：列被隐藏（签名数据所在的列），${FIX}`,
      `${SUMMARY}!4:4：第 4 行被隐藏，${FIX}`,
    ]);
  });

  it('a number format taken from the named style (xfId) is seen too', () => {
    const edited = editParts(original, (parts) => {
      parts['xl/styles.xml'] = parts['xl/styles.xml']!.replace(
        /<cellStyleXfs count="1"><xf numFmtId="0"/,
        '<cellStyleXfs count="1"><xf numFmtId="10"',
      );
    });
    expect(problems(edited)[0]).toBe(
      `${SUMMARY}!A1：数字格式“0.00%”会改变显示的内容（此列只用常规格式），${FIX}`,
    );
  });

  it.each([
    ['hidden', '隐藏'],
    ['veryHidden', '深度隐藏'],
  ])('结果汇总 made %s is refused; _signature may be hidden', (state, how) => {
    const edited = editParts(original, (parts) => {
      parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(
        `<sheet name="${SUMMARY}" sheetId="1"`,
        `<sheet name="${SUMMARY}" state="${state}" sheetId="1"`,
      );
    });
    expect(problems(edited)).toEqual([
      `工作表“${SUMMARY}”被${how}：只有 _signature 可以隐藏，${FIX}`,
    ]);
  });

  it('a legacy comment is refused, naming the sheet', () => {
    const edited = editSummary((xml, parts, path) => {
      parts['xl/comments1.xml'] =
        '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>x</author></authors><commentList><comment ref="I2" authorId="0"><text><t>已内定</t></text></comment></commentList></comments>';
      addRelationship(parts, path, 'comments', '../comments1.xml');
      return xml;
    });
    expect(problems(edited)).toEqual([`${SUMMARY}：含有批注（xl/comments1.xml），${FIX}`]);
  });

  it('a threaded comment is refused, naming the sheet', () => {
    const edited = editSummary((xml, parts, path) => {
      parts['xl/threadedComments/threadedComment1.xml'] =
        '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="I2" id="{1}"><text>已内定</text></threadedComment></ThreadedComments>';
      const rels = 'http://schemas.microsoft.com/office/2017/10/relationships';
      addRelationship(parts, path, 'threadedComment', '../threadedComments/threadedComment1.xml');
      const file = `xl/worksheets/_rels/${path.split('/').pop()}.rels`;
      parts[file] = parts[file]!.replace(
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/threadedComment',
        `${rels}/threadedComment`,
      );
      return xml;
    });
    expect(problems(edited)).toEqual([
      `${SUMMARY}：含有批注（新式）（xl/threadedComments/threadedComment1.xml），${FIX}`,
    ]);
  });

  it('a hyperlink is refused, naming the sheet, the cell and the link', () => {
    const edited = editSummary((xml, parts, path) => {
      const id = addRelationship(parts, path, 'hyperlink', 'http://example.invalid/', true);
      return beforeIgnored(xml, `<hyperlinks><hyperlink ref="C2" r:id="${id}"/></hyperlinks>`);
    });
    expect(problems(edited)).toEqual([
      `${SUMMARY}：含有超链接（http://example.invalid/），${FIX}`,
      `${SUMMARY}!C2：含有超链接，${FIX}`,
    ]);
  });

  const drawing = (anchors: string) =>
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors}</xdr:wsDr>`;
  const withDrawing = (anchors: string) =>
    editSummary((xml, parts, path) => {
      parts['xl/drawings/drawing1.xml'] = drawing(anchors);
      const id = addRelationship(parts, path, 'drawing', '../drawings/drawing1.xml');
      return atEnd(xml, `<drawing r:id="${id}"/>`);
    });

  it('a drawing with a shape in it is refused; an empty one (as Calc writes) is not', () => {
    const shape =
      '<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp><xdr:txBody><a:p><a:r><a:t>入选</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>';
    expect(problems(withDrawing(shape))).toEqual([
      `${SUMMARY}：含有图形或图片（xl/drawings/drawing1.xml），${FIX}`,
    ]);
    expect(verifyResultWorkbook(withDrawing('')).ok).toBe(true);
  });

  it('an Auto_Open defined name is refused; print settings are not', () => {
    const withName = (name: string, value: string) =>
      editParts(original, (parts) => {
        parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(
          '</definedNames>',
          `<definedName name="${name}">${value}</definedName></definedNames>`,
        );
      });
    expect(problems(withName('Auto_Open', `${SUMMARY}!$A$1`))).toEqual([
      `已定义名称“Auto_Open”（${SUMMARY}!$A$1）：结果工作簿只允许打印区域、打印标题和筛选范围，${FIX}`,
    ]);
    const printArea = editParts(original, (parts) => {
      parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(
        '</definedNames>',
        `<definedName name="_xlnm.Print_Area" localSheetId="0">${SUMMARY}!$A$1:$J$26</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">${SUMMARY}!$1:$1</definedName></definedNames>`,
      );
    });
    expect(verifyResultWorkbook(printArea).ok).toBe(true);
  });

  it('a conditional format is refused, naming its cells', () => {
    const edited = editSummary((xml) =>
      beforeIgnored(
        xml,
        '<conditionalFormatting sqref="H2:H26"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>80</formula></cfRule></conditionalFormatting>',
      ),
    );
    expect(problems(edited)).toEqual([`${SUMMARY}!H2:H26：含有条件格式，${FIX}`]);
  });

  it('a data validation is refused, naming its cells', () => {
    const edited = editSummary((xml) =>
      beforeIgnored(
        xml,
        '<dataValidations count="1"><dataValidation type="list" sqref="I2:I26" showInputMessage="1" prompt="入选"><formula1>"入选,备选"</formula1></dataValidation></dataValidations>',
      ),
    );
    expect(problems(edited)).toEqual([`${SUMMARY}!I2:I26：含有数据验证，${FIX}`]);
  });

  it('a VBA project (vbaProject.bin, macro-enabled workbook) is refused', () => {
    const edited = editParts(
      original,
      (parts) => {
        parts['[Content_Types].xml'] = parts['[Content_Types].xml']!.replace(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        ).replace(
          '</Types>',
          '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
        );
        addRelationship(parts, 'xl/workbook.xml', 'vbaProject', 'vbaProject.bin');
      },
      { 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]) },
    );
    expect(problems(edited)).toEqual([
      `工作簿含有宏或控件（xl/vbaProject.bin）：结果工作簿不得含有宏，${FIX}`,
      `工作簿声明了启用宏的内容（/xl/workbook.xml）：结果工作簿不得含有宏，${FIX}`,
      `工作簿声明了启用宏的内容（/xl/vbaProject.bin）：结果工作簿不得含有宏，${FIX}`,
      // SheetJS's own files declare every .bin part macro-enabled: harmless while there is none.
      `工作簿声明了启用宏的内容（.bin 文件）：结果工作簿不得含有宏，${FIX}`,
    ]);
  });

  it('a filter that hides rows is refused', () => {
    const edited = editSummary((xml) =>
      xml.replace(
        /<autoFilter ref="([^"]+)"\/>/,
        '<autoFilter ref="$1"><filterColumn colId="8"><filters><filter val="入选"/></filters></filterColumn></autoFilter>',
      ),
    );
    expect(problems(edited)).toEqual([`${SUMMARY}：含有筛选条件（隐藏了部分行），${FIX}`]);
  });
});
