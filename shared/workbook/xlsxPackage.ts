/**
 * An xlsx package as its inflated parts, read once: the guarded zip reader (formats/zip.ts)
 * inflates and CRC-checks every entry, the character-reference repair (charRefs.ts) runs over
 * the XML parts, and SheetJS parses those same bytes without inflating anything again. The
 * parts' text stays at hand for the checks that look at what SheetJS does not surface.
 */
import * as XLSX from 'xlsx';
import { strFromU8, strToU8 } from 'fflate';
import { decodeAstralCharRefs } from './charRefs';

export type XlsxEntries = ReadonlyMap<string, Uint8Array>;

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** Whether the bytes hold `&#` anywhere (the only way a character reference starts). */
function hasCharRef(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x26); i >= 0; i = bytes.indexOf(0x26, i + 1)) {
    if (bytes[i + 1] === 0x23) return true;
  }
  return false;
}

/**
 * The parts with every numeric character reference above U+FFFF in an XML part written as the
 * character (SheetJS would decode it wrongly). Parts without such a reference are the same bytes.
 */
export function repairCharRefs(entries: XlsxEntries): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [name, bytes] of entries) {
    if (isXmlPart(name) && hasCharRef(bytes)) {
      const xml = strFromU8(bytes);
      const fixed = decodeAstralCharRefs(xml);
      out.set(name, fixed === xml ? bytes : strToU8(fixed));
    } else {
      out.set(name, bytes);
    }
  }
  return out;
}

/** The text of the package's parts, decoded from UTF-8 once each, on first use. */
export class PackageText {
  private readonly decoded = new Map<string, string>();
  constructor(private readonly entries: XlsxEntries) {}

  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** The part's text, or null when there is no such part. Names are matched exactly. */
  text(name: string): string | null {
    const cached = this.decoded.get(name);
    if (cached !== undefined) return cached;
    const bytes = this.entries.get(name);
    if (!bytes) return null;
    const text = strFromU8(bytes);
    this.decoded.set(name, text);
    return text;
  }
}

interface CfbApi {
  utils: {
    cfb_new(): unknown;
    cfb_add(container: unknown, name: string, content: Uint8Array, opts: { unsafe: true }): void;
  };
}
type ParseZip = (container: unknown, opts: XLSX.ParsingOptions) => XLSX.WorkBook;

/**
 * SheetJS's workbook from already inflated parts: the container its own zip reader would build
 * (CFB.utils, then parse_zip; both exported by SheetJS, not declared in its types).
 */
export function parseXlsxEntries(entries: XlsxEntries, opts: XLSX.ParsingOptions): XLSX.WorkBook {
  const sheetjs = XLSX as unknown as { CFB: CfbApi; parse_zip: ParseZip };
  const container = sheetjs.CFB.utils.cfb_new();
  for (const [name, bytes] of entries) {
    sheetjs.CFB.utils.cfb_add(container, name, bytes, { unsafe: true });
  }
  return sheetjs.parse_zip(container, { ...opts });
}
