import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../test/fixtures/tinyRound';
import { readRoundPackage } from '../formats/roundPackageReader';
import { writeRoundPackage } from '../formats/roundPackageWriter';
import { roundContentDigest } from '../rounds/contentDigest';
import { diffRounds } from '../rounds/roundDiff';
import { encodeBase64 } from '../signing/base64';
import { sha256Hex } from '../signing/hash';
import { formatProblem } from './validation';
import type { Round } from './roundPackage';

const key = (n: number) => encodeBase64(new Uint8Array(32).fill(n));

/** tinyRound with real attachment digests, and each expert's key as given. */
function pkg(keys: (string | undefined)[]) {
  const base = tinyRound();
  const packets = base.packets.map((p) => ({
    ...p,
    attachments: p.attachments.map((a) => ({
      ...a,
      sha256: sha256Hex(base.attachments.get(a.path)!),
    })),
  }));
  const round: Round = {
    ...base.round,
    experts: base.round.experts.map((e, i) =>
      keys[i] === undefined ? e : { ...e, publicKey: keys[i] },
    ),
  };
  return { round, packets, attachments: base.attachments };
}

const read = (content: ReturnType<typeof pkg>) =>
  readRoundPackage(writeRoundPackage(content), { fileName: 'round.zip' });

describe('round package: experts[].publicKey', () => {
  it('is optional, and written and read back unchanged', () => {
    const withKeys = pkg([key(1), key(2), undefined]);
    const back = read(withKeys);
    if (!back.ok) throw new Error(back.problems.map(formatProblem).join('\n'));
    expect(back.value.round.experts.map((e) => e.publicKey)).toEqual([key(1), key(2), undefined]);
    expect(read(pkg([])).ok).toBe(true);
  });

  it('refuses a non-canonical key and one key for two experts', () => {
    const bad = read(pkg([key(1).replace(/=$/, 'F'), key(1), key(1)]));
    expect(bad.ok).toBe(false);
    const messages = bad.ok ? [] : bad.problems.map(formatProblem);
    expect(messages).toContainEqual(
      expect.stringContaining('experts[0].publicKey：公钥必须是 32 字节'),
    );
    expect(messages).toContainEqual(
      'round.json › experts[2].publicKey：专家“e3”的公钥与专家“e2”相同：每位专家必须有自己的密钥',
    );
  });

  it('is part of what the round says: the content digest and the re-import diff see it', () => {
    const before = pkg([key(1), key(2), key(3)]);
    const after = pkg([key(1), key(4), key(3)]);
    expect(roundContentDigest(before.round, before.packets)).not.toBe(
      roundContentDigest(after.round, after.packets),
    );
    expect(diffRounds(before, after).expertsChanged.map((e) => e.id)).toEqual(['e2']);
  });
});
