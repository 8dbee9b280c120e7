/**
 * The brand-round conformance fixture, copied verbatim from the central system's example exchange (see
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

/** The experts' registered public keys (`review-desk/expert-keys@1`). */
export const BRAND_EXPERT_KEYS = brandRoundPath('keys', 'experts.json');
/** KEYS.json trusting the secretariat key that signs the result workbook. */
export const BRAND_TRUST = brandRoundPath('keys', 'trust.json');

/** One packet of expected.json: what the compile rules must produce for it. */
export interface ExpectedPacket {
  id: string;
  group: string;
  n: number;
  score: number;
  vetoed: boolean;
  rank?: number;
  decision: string | null;
}

export function readExpected(): { round: string; packets: ExpectedPacket[] } {
  return JSON.parse(readFileSync(brandRoundPath('expected.json'), 'utf8')) as {
    round: string;
    packets: ExpectedPacket[];
  };
}
