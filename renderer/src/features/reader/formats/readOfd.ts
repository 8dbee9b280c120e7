/**
 * The text and pages of an OFD file (GB/T 33190), from the entries the guarded ZIP reader
 * inflated: OFD.xml names the document's root (DocBody/DocRoot), Document.xml lists the pages
 * (Pages/Page@BaseLoc) and the templates (CommonData/TemplatePage), and each page's Content.xml
 * holds TextObject elements whose TextCode children are the text. Text objects are put in lines
 * by their position on the page, top to bottom, left to right. Images of a page (a scanned OFD
 * holds little else) are listed by their resource's file. Nothing is drawn from the vector
 * content and nothing in the file is evaluated.
 */
import { elementText, firstTag, startTags, startTagsOf } from '@shared/workbook/xmlScan';

export interface OfdPage {
  /** Lines of text, top to bottom. */
  lines: string[];
  /** Files (paths inside the OFD) of the images drawn on the page, in drawing order. */
  images: string[];
}

export type OfdRead =
  { ok: true; pages: OfdPage[]; totalPages: number } | { ok: false; reason: string };

/** Most pages read; a longer document says how many more it has. */
export const MAX_OFD_PAGES = 500;

const utf8 = new TextDecoder('utf-8');

/**
 * `target` as a path inside the archive: absolute from the archive's root when it starts with
 * “/”, else relative to the folder of `from`. A path leaving the archive is null.
 */
export function resolveOfdPath(from: string, target: string): string | null {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  const parts = [...base];
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function textOf(files: Map<string, Uint8Array>, path: string | null): string | null {
  const bytes = path === null ? undefined : files.get(path);
  return bytes ? utf8.decode(bytes) : null;
}

/** The text of an element, CDATA sections included as written. */
function codeText(xml: string, tag: Parameters<typeof elementText>[1]): string {
  const raw = elementText(xml, tag, 'TextCode');
  return raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
}

interface Placed {
  x: number;
  y: number;
  text: string;
}

const numbers = (value: string | undefined): number[] =>
  (value ?? '').trim().split(/\s+/).map(Number);

/** Text pieces of one Content.xml with their positions in millimetres, and its images' ids. */
function contentOf(xml: string): { placed: Placed[]; imageIds: string[] } {
  const placed: Placed[] = [];
  const imageIds: string[] = [];
  let origin = { x: 0, y: 0 };
  for (const tag of startTagsOf(xml, ['TextObject', 'TextCode', 'ImageObject'])) {
    if (tag.name === 'TextObject') {
      const [x = 0, y = 0] = numbers(tag.attrs.Boundary);
      origin = { x: Number.isFinite(x) ? x : 0, y: Number.isFinite(y) ? y : 0 };
    } else if (tag.name === 'TextCode') {
      const text = codeText(xml, tag);
      const x = Number(tag.attrs.X ?? 0);
      const y = Number(tag.attrs.Y ?? 0);
      if (text.trim() !== '') {
        placed.push({
          x: origin.x + (Number.isFinite(x) ? x : 0),
          y: origin.y + (Number.isFinite(y) ? y : 0),
          text,
        });
      }
    } else if (tag.attrs.ResourceID) imageIds.push(tag.attrs.ResourceID);
  }
  return { placed, imageIds };
}

/** Pieces whose baselines are within 1.5 mm of each other form one line, read left to right. */
function linesOf(placed: Placed[]): string[] {
  const sorted = [...placed].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Placed[][] = [];
  for (const piece of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - piece.y) <= 1.5) line.push(piece);
    else lines.push([piece]);
  }
  return lines.map((line) =>
    line
      .sort((a, b) => a.x - b.x)
      .map((p) => p.text)
      .join(' '),
  );
}

/** Image files by resource id, from the resource files Document.xml names. */
function mediaFiles(files: Map<string, Uint8Array>, documentPath: string, documentXml: string) {
  const media = new Map<string, string>();
  for (const res of startTagsOf(documentXml, ['PublicRes', 'DocumentRes'])) {
    const resPath = resolveOfdPath(documentPath, elementText(documentXml, res, res.name).trim());
    const resXml = textOf(files, resPath);
    if (!resXml || resPath === null) continue;
    const baseLoc = firstTag(resXml, 'Res')?.attrs.BaseLoc ?? '';
    // Media files are named relative to the folder BaseLoc names (relative to the resource file).
    const folder = resolveOfdPath(resPath, baseLoc ? `${baseLoc}/x` : 'x');
    for (const item of startTags(resXml, 'MultiMedia')) {
      const fileTag = firstTag(resXml.slice(item.end), 'MediaFile');
      if (!item.attrs.ID || !fileTag || folder === null) continue;
      const name = elementText(resXml.slice(item.end), fileTag, 'MediaFile').trim();
      const path = resolveOfdPath(folder, name);
      if (path !== null) media.set(item.attrs.ID, path);
    }
  }
  return media;
}

/** The pages of the first document in the OFD, with their text and images. */
export function readOfd(files: Map<string, Uint8Array>): OfdRead {
  const ofdXml = textOf(files, 'OFD.xml');
  if (ofdXml === null) return { ok: false, reason: '缺少 OFD.xml，不是有效的 OFD 文件' };
  const rootTag = firstTag(ofdXml, 'DocRoot');
  const documentPath = rootTag
    ? resolveOfdPath('OFD.xml', elementText(ofdXml, rootTag, 'DocRoot').trim())
    : null;
  const documentXml = textOf(files, documentPath);
  if (documentXml === null || documentPath === null) {
    return { ok: false, reason: 'OFD.xml 所指的文档（DocRoot）不存在，文件可能已损坏' };
  }
  const templates = new Map<string, string>();
  for (const tpl of startTags(documentXml, 'TemplatePage')) {
    const path = resolveOfdPath(documentPath, tpl.attrs.BaseLoc ?? '');
    if (tpl.attrs.ID && path !== null) templates.set(tpl.attrs.ID, path);
  }
  const media = mediaFiles(files, documentPath, documentXml);
  const listed = [...startTags(documentXml, 'Page')];
  const pages: OfdPage[] = [];
  for (const page of listed.slice(0, MAX_OFD_PAGES)) {
    const contentXml = textOf(files, resolveOfdPath(documentPath, page.attrs.BaseLoc ?? '')) ?? '';
    // A template (an e-invoice's printed form) is drawn under the page: its text belongs too.
    const templateXml = [...startTags(contentXml, 'Template')]
      .map((t) => textOf(files, templates.get(t.attrs.TemplateID ?? '') ?? null) ?? '')
      .join('');
    const template = contentOf(templateXml);
    const own = contentOf(contentXml);
    pages.push({
      lines: linesOf([...template.placed, ...own.placed]),
      images: [...template.imageIds, ...own.imageIds]
        .map((id) => media.get(id))
        .filter((path): path is string => path !== undefined && files.has(path)),
    });
  }
  if (pages.length === 0) return { ok: false, reason: 'OFD 文档中没有页面（Pages/Page）' };
  return { ok: true, pages, totalPages: listed.length };
}
