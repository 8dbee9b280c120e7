/**
 * The number format of each cell style (`cellXfs` in styles.xml), as format code text: what a
 * spreadsheet uses to turn a cell's value into what a person sees. A format can show anything:
 * `0;0;0;"入选"` shows 入选 for every text, so verification allows only the formats the writer
 * uses (format.ts) on the signed grid.
 */
import { firstTag, startTags } from './xmlScan';

/** Codes of the built-in formats a spreadsheet program may refer to by id alone. */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yyyy',
  49: '@',
};

export const GENERAL = 'General';

/** The format code of a numFmtId, resolving custom formats first. */
function codeOf(id: number, custom: ReadonlyMap<number, string>): string {
  return custom.get(id) ?? BUILT_IN[id] ?? `内置格式 ${id}`;
}

/** A code as compared: `General` in any case is General; anything else exactly as written. */
export const normaliseFormat = (code: string) =>
  code.toLowerCase() === 'general' ? GENERAL : code;

/**
 * The format code of every cell style, by its index (a cell's `s` attribute): its own, or when
 * that is General its named style's. A style without a number format is General; a styles part
 * that is missing means every cell is General.
 */
export function cellStyleFormats(stylesXml: string | null): string[] {
  if (stylesXml === null) return [];
  const custom = new Map<number, string>();
  for (const { attrs } of startTags(stylesXml, 'numFmt')) {
    custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
  }
  const formatsOf = (list: string) => {
    const section = firstTag(stylesXml, list);
    if (!section || section.empty) return [];
    const close = stylesXml.indexOf(`${list}>`, section.end);
    const body = stylesXml.slice(section.end, close < 0 ? stylesXml.length : close);
    return [...startTags(body, 'xf')].map(({ attrs }) => ({
      format: normaliseFormat(codeOf(Number(attrs.numFmtId ?? '0'), custom)),
      parent: Number(attrs.xfId ?? '0'),
    }));
  };
  const named = formatsOf('cellStyleXfs');
  // A cell style may take its number format from its named style (xfId) instead of its own:
  // the first of the two that is not General is what may show.
  return formatsOf('cellXfs').map(({ format, parent }) =>
    format !== GENERAL ? format : (named[parent]?.format ?? GENERAL),
  );
}
