/**
 * SheetJS 0.20.3 decodes numeric character references with `String.fromCharCode`, which keeps
 * only the low 16 bits: `&#131072;` (U+20000, 𠀀) comes back as U+0000. openpyxl and other tools
 * write every character outside the BMP that way, so their workbooks lose Extension-B names
 * (生僻字) and a re-saved result workbook no longer matches its signature.
 *
 * This pre-pass rewrites each reference above U+FFFF into the character itself before SheetJS
 * sees the XML. In XML a character reference and the character mean the same thing wherever a
 * reference can occur (text and attribute values), and no character above U+FFFF is markup, so
 * the rewrite changes nothing but SheetJS's mistake. References are recognised only where XML
 * recognises them: CDATA sections, comments and processing instructions are copied untouched, and
 * `&#38;#131072;` stays the literal text “&#131072;” (the first reference is matched first and
 * kept). References to U+FFFF and below are left for SheetJS, which decodes them correctly;
 * references beyond U+10FFFF are not characters and are left as written.
 */

/** A CDATA section, a comment, a processing instruction, or a numeric character reference. */
const TOKENS =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;

function replace(token: string, hex: string | undefined, decimal: string | undefined): string {
  if (hex === undefined && decimal === undefined) return token;
  const digits = hex ?? decimal!;
  // More digits than any code point needs: not a character, keep as written.
  if (digits.replace(/^0+/, '').length > 7) return token;
  const code = hex !== undefined ? parseInt(hex, 16) : parseInt(digits, 10);
  return code > 0xffff && code <= 0x10ffff ? String.fromCodePoint(code) : token;
}

/** The XML text with every numeric character reference above U+FFFF written as the character. */
export function decodeAstralCharRefs(xml: string): string {
  if (!xml.includes('&#')) return xml;
  return xml.replace(TOKENS, replace);
}
