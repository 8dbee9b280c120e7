/**
 * Whose key signed a score file. A file counts only when signed by the key registered for its
 * expert: registered by the secretariat at 签到 (app), or given to `review-desk compile` in an
 * expert-key file or the round package. A key is never trusted because it came first: a file
 * forged for an expert whose real file has not arrived yet would otherwise set that expert's key.
 */
import type { VerifiedScoreFile } from '../formats/scoreFile';
import type { InputProblem } from '../model/validation';
import { decodeBase64 } from '../signing/base64';
import { keyFingerprint } from '../signing/hash';

/** How to register a key, in the words of the app and of the command line. */
export const REGISTER_KEY_HINT =
  '请秘书处在“签到”中核对指纹后登记该专家的公钥（专家电脑导出的公钥文件）；' +
  '命令行汇总时用 --expert-keys 专家公钥登记文件，或在评审包的 experts[].publicKey 中提供';

export interface KeyOwner {
  id: string;
  name: string;
  /** Canonical base64 of the raw 32-byte key. */
  publicKey: string;
}

export interface KeyCheckInput {
  /** The expert the file is for (its `expert` member, already checked against the roster). */
  expert: { id: string; name: string };
  /** The key registered for that expert (canonical base64), or null when none is. */
  registeredKey: string | null;
  file: Pick<VerifiedScoreFile, 'fileName' | 'keyFingerprint' | 'content'>;
  /** Every registered key of the round: names the owner when the file is signed by another expert's key. */
  registered?: readonly KeyOwner[];
}

const fingerprintOf = (publicKey: string): string => keyFingerprint(decodeBase64(publicKey));

/** Null when the file is signed by the expert's registered key; otherwise why it is refused. */
export function keyCheck(input: KeyCheckInput): InputProblem | null {
  const { expert, registeredKey, file } = input;
  const signedWith = file.content.signature.publicKey;
  const who = `${expert.name}（${expert.id}）`;
  const problem = (message: string): InputProblem => ({
    file: file.fileName,
    field: 'signature.publicKey',
    message,
  });
  if (registeredKey === null) {
    return problem(
      `专家${who}尚未登记签名公钥，不能确认文件由其本人签署（本文件的密钥指纹 ${file.keyFingerprint}）。${REGISTER_KEY_HINT}`,
    );
  }
  if (registeredKey === signedWith) return null;
  const owner = input.registered?.find((k) => k.publicKey === signedWith && k.id !== expert.id);
  const ownerText = owner ? `；该密钥登记给了专家${owner.name}（${owner.id}）` : '';
  return problem(
    `签名密钥不是专家${who}登记的密钥：已登记 ${fingerprintOf(registeredKey)}，本文件 ${file.keyFingerprint}${ownerText}。` +
      '文件不是由该专家登记的设备签署，不予接受。如专家确已换用另一台电脑，请秘书处核对后重新登记其公钥',
  );
}
