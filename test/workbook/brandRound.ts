/**
 * The brand-round fixture compiled and written as a result workbook, the way the CLI does it:
 * round package + seven verified score files → compileRound → buildResultWorkbook.
 */
import { readdirSync } from 'node:fs';
import { compileRound, sheetsFromScoreFiles } from '@shared/compile';
import { readRoundPackage } from '@shared/formats/roundPackageReader';
import { readScoreFileBytes } from '@shared/formats/scoreFile';
import { parsePrivateKeyPem } from '@shared/signing/pem';
import { buildResultWorkbook, seedSigner, type ResultWorkbookInput } from '@shared/workbook';
import { brandRoundPath, readBrandRoundBytes } from '../conformance/fixture';

export const SECRETARIAT_PEM = brandRoundPath('keys', 'secretariat.pem');
export const ROUND_ZIP = brandRoundPath('round.zip');
export const SCORES_DIR = brandRoundPath('scores');

export function secretariatSeed(): Uint8Array {
  return parsePrivateKeyPem(
    new TextDecoder().decode(readBrandRoundBytes('keys', 'secretariat.pem')),
  );
}

export function brandRoundInput(): ResultWorkbookInput {
  const pkg = readRoundPackage(readBrandRoundBytes('round.zip'), { fileName: 'round.zip' });
  if (!pkg.ok) throw new Error(JSON.stringify(pkg.problems));
  const verified = readdirSync(SCORES_DIR)
    .filter((name) => name.endsWith('.scores.json'))
    .sort()
    .map((name) => {
      const parsed = readScoreFileBytes(readBrandRoundBytes('scores', name), name);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return parsed.value;
    });
  const { round, packets } = pkg.value;
  const sheets = sheetsFromScoreFiles(verified.map((v) => v.content));
  return {
    round,
    packets,
    sheets,
    result: compileRound({ round, packets, sheets }),
    expertKeys: Object.fromEntries(verified.map((v) => [v.content.expert.id, v.keyFingerprint])),
    audit: [],
    generatedAt: '2026-11-21T10:00:00+08:00',
    generator: 'review-desk test',
  };
}

export function brandRoundWorkbook(seed: Uint8Array = secretariatSeed()): Promise<Uint8Array> {
  return buildResultWorkbook(brandRoundInput(), seedSigner(seed));
}
