/**
 * review-desk/result@3: 专家组意见 travel in the signed payload and on their own sheet, 结论 reads
 * as the panel's recommendation, and workbooks written as @2 still verify as they were written.
 */
import { describe, expect, it } from 'vitest';
import { recommendationText } from '@shared/compile/recommendation';
import {
  buildResultPayload,
  RESULT_FORMAT,
  RESULT_FORMAT_V2,
  resultPayloadSchema,
  seedSigner,
  verifyResultWorkbook,
  writeSignedWorkbook,
  type ResultPayload,
  type VerifyResult,
} from '@shared/workbook';
import { brandRoundInput, secretariatSeed } from './brandRound';
import { editParts, sheetPath, xmlParts } from './edit';
import { OPINIONS, opinionsInput } from './opinionInputs';

const problems = (result: VerifyResult) => (result.ok ? [] : result.problems);

const sign = (payload: ResultPayload) =>
  writeSignedWorkbook(payload, seedSigner(secretariatSeed()));

/** The escaped text as it stands in sharedStrings.xml. */
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('result workbook @3: 专家组意见', () => {
  it('signs and verifies with the opinions in the payload and on the 专家组意见 sheet', async () => {
    const bytes = await sign(buildResultPayload(opinionsInput()));
    const result = verifyResultWorkbook(bytes);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.summary.format).toBe(RESULT_FORMAT);
    expect(result.summary.payload.opinions).toEqual(OPINIONS.map((o) => ({ ...o })));
    const sheet = result.summary.payload.opinions!.map((o) => o.packetId);
    expect(sheet).toEqual(['P001', 'P002']);
    const parts = xmlParts(bytes);
    const strings = parts['xl/sharedStrings.xml']!;
    expect(strings).toContain(xmlText(OPINIONS[0].text));
    expect(strings).toContain('建议取消资格');
    expect(parts[sheetPath(parts, '专家组意见')]).toContain('<c r="E3"');
  });

  it('an opinion changed in the sheet XML is refused, naming its cell', async () => {
    const original = await sign(buildResultPayload(opinionsInput()));
    const edited = editParts(original, (parts) => {
      const strings = parts['xl/sharedStrings.xml']!;
      const before = xmlText(OPINIONS[1].text);
      expect(strings).toContain(before);
      parts['xl/sharedStrings.xml'] = strings.replace(before, '项目符合要求，建议入选。');
    });
    const found = problems(verifyResultWorkbook(edited));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^专家组意见!E3：/);
  });

  it('a @3 workbook relabelled @2 in _signature is refused', async () => {
    const original = await sign(buildResultPayload(opinionsInput()));
    const edited = editParts(original, (parts) => {
      const strings = parts['xl/sharedStrings.xml']!;
      expect(strings).toContain(`<t>${RESULT_FORMAT}</t>`);
      parts['xl/sharedStrings.xml'] = strings.replace(
        `<t>${RESULT_FORMAT}</t>`,
        `<t>${RESULT_FORMAT_V2}</t>`,
      );
    });
    expect(problems(verifyResultWorkbook(edited))).toEqual([
      `_signature!B1：格式标识“${RESULT_FORMAT_V2}”与签名数据“${RESULT_FORMAT}”不符`,
    ]);
  });

  it('a @2 workbook (no opinions, 结论 as the decision code) still verifies as @2', async () => {
    const { opinions: _none, ...rest } = buildResultPayload(brandRoundInput());
    const v2: ResultPayload = { ...rest, format: RESULT_FORMAT_V2 };
    const result = verifyResultWorkbook(await sign(v2));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.summary.format).toBe(RESULT_FORMAT_V2);
    expect(result.summary.payload.opinions).toBeUndefined();
    const parts = xmlParts(await sign(v2));
    expect(parts['xl/workbook.xml']).not.toContain('专家组意见');
    expect(parts['xl/sharedStrings.xml']).toContain('<t>备选</t>');
    expect(parts['xl/sharedStrings.xml']).not.toContain(recommendationText('备选'));
  });

  it('@3 must carry opinions and @2 must not', () => {
    const v3 = buildResultPayload(opinionsInput());
    expect(resultPayloadSchema.safeParse(v3).success).toBe(true);
    const { opinions: _gone, ...withoutOpinions } = v3;
    expect(resultPayloadSchema.safeParse(withoutOpinions).success).toBe(false);
    expect(resultPayloadSchema.safeParse({ ...v3, format: RESULT_FORMAT_V2 }).success).toBe(false);
  });
});
