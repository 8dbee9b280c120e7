import { EXPERT_KEYS_FORMAT, serializeExpertKeys } from '@shared/formats/expertKeys';
import type { DeviceKeyInfo } from '@shared/platform/Platform';
import { decodeBase64 } from '@shared/signing/base64';
import { publicKeyToPem } from '@shared/signing/pem';

/**
 * The public key as the central system registers it: one entry of KEYS.json (docs/formats.md,
 * “Trusted keys”), `{ name, publicKey }` and nothing else, so it can be pasted into the list.
 */
export function registrationJson(name: string, key: DeviceKeyInfo): string {
  return `${JSON.stringify({ name: name.trim(), publicKey: key.publicKey }, null, 2)}\n`;
}

/** SubjectPublicKeyInfo PEM, for tools that take PEM (openssl pkey -pubin). */
export function registrationPem(key: DeviceKeyInfo): string {
  return publicKeyToPem(decodeBase64(key.publicKey));
}

/** A file name from the fingerprint: tells several laptops' files apart at a glance. */
export function registrationFileName(key: DeviceKeyInfo, extension: 'json' | 'pem'): string {
  return `评审台公钥-${key.fingerprint.replace(/ /g, '')}.${extension}`;
}

/**
 * The expert's own public-key file (`review-desk/expert-keys@1` with one entry): what the
 * secretariat registers at 签到 after comparing the fingerprint read aloud.
 */
export function expertPublicKeyFile(
  roundId: string,
  expert: { id: string; name: string },
  key: Pick<DeviceKeyInfo, 'publicKey'>,
): string {
  return serializeExpertKeys({
    format: EXPERT_KEYS_FORMAT,
    roundId,
    experts: [{ id: expert.id, name: expert.name, publicKey: key.publicKey }],
  });
}
