/**
 * Conformance against the independent fixture (brand-round/ORIGIN.md), a verbatim copy of the
 * central system's example exchange:
 * whatever the implementation, these files come from the central system's side of the contract.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRAND_ROUND_DIR } from './fixture';
import { readRoundPackage } from '@shared/formats/roundPackageReader';
import { BAD_SIGNATURE_MESSAGE, readScoreFile } from '@shared/formats/scoreFile';
import { rubricMax } from '@shared/rubric/points';

const FIXTURE = BRAND_ROUND_DIR;
const scoreNames = readdirSync(join(FIXTURE, 'scores'))
  .filter((name) => name.endsWith('.scores.json'))
  .sort();
const scoreText = (name: string) => readFileSync(join(FIXTURE, 'scores', name), 'utf8');

describe('brand-round fixture: round package', () => {
  const result = readRoundPackage(new Uint8Array(readFileSync(join(FIXTURE, 'round.zip'))), {
    fileName: 'round.zip',
  });

  it('reads with no problems', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has the round, 25 packets, 7 experts and verified attachments', () => {
    if (!result.ok) throw new Error('package did not read');
    const { round, packets, attachments } = result.value;
    expect(round.id).toBe('R2026-BRAND-01');
    expect(round.kind).toBe('selection');
    expect(rubricMax(round.rubric)).toBe(100);
    expect(round.experts).toHaveLength(7);
    expect(packets).toHaveLength(25);
    const referenced = packets.flatMap((p) => p.attachments);
    expect(referenced.length).toBeGreaterThan(0);
    expect(attachments.size).toBe(new Set(referenced.map((a) => a.path)).size);
    for (const ref of referenced) expect(attachments.get(ref.path)?.length).toBe(ref.size);
  });

  it('keeps the traps intact: formula-like title and characters outside the BMP', () => {
    if (!result.ok) throw new Error('package did not read');
    const byId = new Map(result.value.packets.map((p) => [p.id, p]));
    expect(byId.get('P004')?.title.startsWith('=HYPERLINK(')).toBe(true);
    expect(byId.get('P007')?.applicant.name).toContain('𪚥');
  });
});

describe('brand-round fixture: score files', () => {
  it('has seven score files', () => {
    expect(scoreNames).toHaveLength(7);
  });

  it.each(scoreNames)('%s verifies', (name) => {
    const result = readScoreFile(scoreText(name), name);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.value.content.roundId).toBe('R2026-BRAND-01');
    expect(`${result.value.content.expert.id}.scores.json`).toBe(name);
    expect(result.value.content.sheets).toHaveLength(25);
  });

  it('each expert signed with a different key', () => {
    const fingerprints = scoreNames.map((name) => {
      const result = readScoreFile(scoreText(name), name);
      return result.ok ? result.value.keyFingerprint : name;
    });
    expect(new Set(fingerprints).size).toBe(7);
  });

  it('a copy with one score changed fails with the signature message', () => {
    const file = JSON.parse(scoreText('e1.scores.json')) as {
      sheets: { scores: Record<string, number> }[];
    };
    file.sheets[0]!.scores.c1 = file.sheets[0]!.scores.c1! + 0.5;
    const result = readScoreFile(JSON.stringify(file, null, 1), 'e1.scores.json');
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'e1.scores.json', field: 'signature', message: BAD_SIGNATURE_MESSAGE }],
    });
  });

  it('a copy carrying the signature of another file fails', () => {
    const e1 = JSON.parse(scoreText('e1.scores.json')) as Record<string, unknown>;
    const e2 = JSON.parse(scoreText('e2.scores.json')) as Record<string, unknown>;
    const result = readScoreFile(
      JSON.stringify({ ...e1, signature: e2.signature }),
      'e1.scores.json',
    );
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([BAD_SIGNATURE_MESSAGE]);
  });

  it('re-signing the same content gives the same digest (idempotent import)', () => {
    const a = readScoreFile(scoreText('e3.scores.json'), 'e3.scores.json');
    const b = readScoreFile(JSON.stringify(JSON.parse(scoreText('e3.scores.json'))), 'copy.json');
    expect(a.ok && b.ok && a.value.digest === b.value.digest).toBe(true);
  });
});
