/**
 * The brand-round conformance fixture, copied verbatim from shared/examples/brand-round (see
 * brand-round/ORIGIN.md) so the repository's tests do not depend on anything outside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BRAND_ROUND_DIR = fileURLToPath(new URL('./brand-round/', import.meta.url));

export function brandRoundPath(...parts: string[]): string {
  return join(BRAND_ROUND_DIR, ...parts);
}

export function readBrandRoundBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(brandRoundPath(...parts)));
}
