/**
 * Just enough XML reading for the presentation checks: find the start tags of one element and
 * read their attributes. Nothing is evaluated and no entity beyond XML's own five and numeric
 * references is expanded. Element names match with or without a namespace prefix (`x:row` as
 * well as `row`), as spreadsheet programs write either.
 */

export interface StartTag {
  /** Attribute values by name as written (prefix included, e.g. `r:id`), entities decoded. */
  attrs: Record<string, string>;
  /** Offset of `<` in the text. */
  at: number;
  /** Offset just past the start tag's `>`. */
  end: number;
  /** Whether the tag closes itself (`<x/>`). */
  empty: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value with XML's references decoded. */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g,
    (m, h, d, n) => {
      if (n !== undefined) return NAMED[n as string]!;
      const code = h !== undefined ? parseInt(h as string, 16) : parseInt(d as string, 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    },
  );
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of source.matchAll(ATTR)) attrs[m[1]!] = decodeXmlText(m[2] ?? m[3] ?? '');
  return attrs;
}

/**
 * A start tag's inside: `>` may appear unescaped within a quoted attribute value. Written as an
 * unrolled loop (plain run, then quoted value and plain run, repeated): each character can be
 * matched one way only, so the match stays linear on any input, and it is ten times faster than
 * an alternation per character on a sheet of millions of cells.
 */
export const INSIDE = `[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*`;

const escapeName = (name: string) => name.replace(/[.]/g, '\\.');

/** Every start tag of element `name` (any namespace prefix), in document order. */
export function* startTags(xml: string, name: string): Generator<StartTag> {
  for (const tag of startTagsOf(xml, [name])) yield tag;
}

/** Every start tag of any of the elements `names`, in document order, in one pass. */
export function* startTagsOf(
  xml: string,
  names: readonly string[],
): Generator<StartTag & { name: string }> {
  const alternatives = names.map(escapeName).join('|');
  const re = new RegExp(`<(?:[\\w.-]+:)?(${alternatives})(?=[\\s/>])(${INSIDE})>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const inside = m[2]!;
    yield {
      name: m[1]!,
      attrs: parseAttrs(inside),
      at: m.index,
      end: m.index + m[0].length,
      empty: inside.endsWith('/'),
    };
  }
}

/** The first start tag of `name`, or null. */
export function firstTag(xml: string, name: string): StartTag | null {
  for (const tag of startTags(xml, name)) return tag;
  return null;
}

/**
 * The text between a start tag and its matching end tag (same name, nesting not allowed), or ''
 * for an empty element. Used for small elements such as `<definedName>`.
 */
export function elementText(xml: string, tag: StartTag, name: string): string {
  if (tag.empty) return '';
  const close = new RegExp(`</(?:[\\w.-]+:)?${escapeName(name)}\\s*>`, 'g');
  close.lastIndex = tag.end;
  const m = close.exec(xml);
  return decodeXmlText(xml.slice(tag.end, m ? m.index : xml.length));
}

/** XML booleans: "1" and "true" are true. */
export const isTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

/** Whether the text holds an element `name` (any prefix), e.g. a drawing's anchors. */
export function hasElement(xml: string, name: string): boolean {
  return new RegExp(`<(?:[\\w.-]+:)?${escapeName(name)}(?=[\\s/>])`).test(xml);
}
