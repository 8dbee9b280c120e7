import { describe, expect, it } from 'vitest';
import { readScoreFileBytes, serializeScoreFile, signScoreFile } from '../formats/scoreFile';
import { formatProblem } from '../model/validation';
import { encodeBase64 } from '../signing/base64';
import { generateKeyPair } from '../signing/ed25519';
import { keyFingerprint } from '../signing/hash';
import { keyCheck, REGISTER_KEY_HINT } from './keyCheck';

const wang = generateKeyPair();
const li = generateKeyPair();
const stranger = generateKeyPair();
const expert = { id: 'e1', name: '王建国' };
const registered = [
  { id: 'e1', name: '王建国', publicKey: encodeBase64(wang.publicKey) },
  { id: 'e2', name: '李秀英', publicKey: encodeBase64(li.publicKey) },
];

function fileSignedBy(seed: Uint8Array) {
  const signed = signScoreFile(
    { format: 'review-desk/scores@1', roundId: 'T-1', expert, sheets: [] },
    seed,
  );
  const read = readScoreFileBytes(
    new TextEncoder().encode(serializeScoreFile(signed)),
    'e1.scores.json',
  );
  if (!read.ok) throw new Error('fixture');
  return read.value;
}

const check = (seed: Uint8Array, registeredKey: string | null) => {
  const problem = keyCheck({ expert, registeredKey, file: fileSignedBy(seed), registered });
  return problem === null ? null : formatProblem(problem);
};

describe('keyCheck', () => {
  it('accepts a file signed by the expert’s registered key', () => {
    expect(check(wang.seed, registered[0]!.publicKey)).toBeNull();
  });

  it('refuses when no key is registered, never trusting the first key seen, and says how to register', () => {
    const message = check(wang.seed, null);
    expect(message).toBe(
      `e1.scores.json › signature.publicKey：专家王建国（e1）尚未登记签名公钥，不能确认文件由其本人签署（本文件的密钥指纹 ${keyFingerprint(wang.publicKey)}）。${REGISTER_KEY_HINT}`,
    );
    expect(REGISTER_KEY_HINT).toContain('签到');
    expect(REGISTER_KEY_HINT).toContain('--expert-keys');
  });

  it('refuses another key, naming the expert and both fingerprints', () => {
    expect(check(stranger.seed, registered[0]!.publicKey)).toContain(
      `签名密钥不是专家王建国（e1）登记的密钥：已登记 ${keyFingerprint(wang.publicKey)}，本文件 ${keyFingerprint(stranger.publicKey)}。`,
    );
  });

  it('names the expert whose key signed a file for someone else', () => {
    expect(check(li.seed, registered[0]!.publicKey)).toContain(
      `本文件 ${keyFingerprint(li.publicKey)}；该密钥登记给了专家李秀英（e2）`,
    );
  });
});
