/**
 * Finding one's way through an xlsx package: relationships (`_rels/*.rels`), the workbook part,
 * its sheets with their parts and visibility. Pure text reading over PartsText.
 */
import type { PartsText } from './readModel';
import { elementText, startTags } from './xmlScan';

export interface Relationship {
  id: string;
  /** The last segment of the relationship type URI, e.g. `worksheet`, `comments`, `drawing`. */
  kind: string;
  /** The target part's name inside the package, or the target as written when external. */
  target: string;
  external: boolean;
}

/** The folder of a part, with a trailing slash ('' at the root). */
const folderOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);

/** A relationship target resolved against the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folderOf(fromPart) + target).split(
    '/',
  );
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; '' → `_rels/.rels`. */
export const relsPathOf = (part: string) =>
  `${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

export function relationships(parts: PartsText, part: string): Relationship[] {
  const xml = parts.text(relsPathOf(part));
  if (xml === null) return [];
  return [...startTags(xml, 'Relationship')].map(({ attrs }) => {
    const type = attrs.Type ?? '';
    const external = attrs.TargetMode === 'External';
    const target = attrs.Target ?? '';
    return {
      id: attrs.Id ?? '',
      kind: type.slice(type.lastIndexOf('/') + 1),
      target: external ? target : resolveTarget(part, target),
      external,
    };
  });
}

export interface WorkbookSheet {
  name: string;
  /** `visible`, `hidden` or `veryHidden` as written (absent means visible). */
  state: string;
  /** The sheet's part, or null when its relationship is missing. */
  part: string | null;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet`, … (the relationship's kind). */
  kind: string;
}

export interface WorkbookParts {
  /** The workbook part's name, usually `xl/workbook.xml`. */
  part: string;
  xml: string;
  sheets: WorkbookSheet[];
  rels: Relationship[];
}

export function workbookParts(parts: PartsText): WorkbookParts | null {
  const main = relationships(parts, '').find((r) => r.kind === 'officeDocument');
  const part = main?.target ?? 'xl/workbook.xml';
  const xml = parts.text(part);
  if (xml === null) return null;
  const rels = relationships(parts, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = [...startTags(xml, 'sheet')].map(({ attrs }) => {
    const rel = byId.get(attrs['r:id'] ?? '');
    return {
      name: attrs.name ?? '',
      state: attrs.state ?? 'visible',
      part: rel && !rel.external ? rel.target : null,
      kind: rel?.kind ?? '',
    };
  });
  return { part, xml, sheets, rels };
}

export interface DefinedName {
  name: string;
  /** The formula text, e.g. `结果汇总!$A$1:$J$26`. */
  value: string;
}

export function definedNames(workbookXml: string): DefinedName[] {
  return [...startTags(workbookXml, 'definedName')].map((tag) => ({
    name: tag.attrs.name ?? '',
    value: elementText(workbookXml, tag, 'definedName'),
  }));
}
