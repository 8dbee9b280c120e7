import { describe, expect, it } from 'vitest';
import { decodeAstralCharRefs } from './charRefs';

describe('decodeAstralCharRefs (SheetJS decodes &#131072; as U+0000)', () => {
  it('writes references above U+FFFF as the character, in text and in attribute values', () => {
    expect(decodeAstralCharRefs('<t>王&#131072;明</t>')).toBe('<t>王𠀀明</t>');
    expect(decodeAstralCharRefs('<t>&#x20000;&#X20000;&#x2A6A5;</t>')).toBe('<t>𠀀&#X20000;𪚥</t>');
    expect(decodeAstralCharRefs('<sheet name="&#173733;组"/>')).toBe('<sheet name="𪚥组"/>');
    expect(decodeAstralCharRefs('<t>&#0000131072;</t>')).toBe('<t>𠀀</t>');
  });

  it('leaves the BMP, the named entities and what is not a character to SheetJS', () => {
    const kept = '<t>&#25490;&#x6392;&amp;&lt;&#38;&#1114112;&#x110000;&#99999999999;</t>';
    expect(decodeAstralCharRefs(kept)).toBe(kept);
  });

  it('keeps escaped references literal: &#38;#131072; and &amp;#131072; mean the text “&#131072;”', () => {
    expect(decodeAstralCharRefs('<t>&#38;#131072;</t>')).toBe('<t>&#38;#131072;</t>');
    expect(decodeAstralCharRefs('<t>&amp;#131072;</t>')).toBe('<t>&amp;#131072;</t>');
  });

  it('does not touch CDATA sections, comments or processing instructions', () => {
    const raw = '<t><![CDATA[&#131072;]]></t><!-- &#131072; --><?pi &#131072;?>';
    expect(decodeAstralCharRefs(raw)).toBe(raw);
    expect(decodeAstralCharRefs(`${raw}<t>&#131072;</t>`)).toBe(`${raw}<t>𠀀</t>`);
  });
});
