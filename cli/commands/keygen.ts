import { encodeBase64 } from '@shared/signing/base64';
import { generateKeyPair } from '@shared/signing/ed25519';
import { keyFingerprint } from '@shared/signing/hash';
import { privateKeyToPem } from '@shared/signing/pem';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo, type ExitCode } from '../io';
import { encryptedPemFromSeed } from '../nodeCrypto';
import { optionValue, parseArgs } from './args';
import { checkOutputPath, writeOutput } from './output';
import { passphraseFromEnv } from './passphraseEnv';

export const keygenUsage = 'review-desk keygen --out KEY.pem [--passphrase-env VAR]';

/**
 * `keygen --out KEY.pem`: a new Ed25519 signing key as PKCS#8 PEM, readable by the owner only;
 * with `--passphrase-env VAR` encrypted with the passphrase in that environment variable.
 * Never overwrites, and has no --force: replacing a registered key by accident would make every
 * later workbook fail the central system's trust check.
 */
export async function keygenCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseArgs(args, { single: ['--out', '--passphrase-env'] });
  const out = typeof parsed === 'string' ? undefined : optionValue(parsed, '--out');
  if (typeof parsed === 'string' || !out || parsed.positional.length > 0) {
    io.stderr(`${typeof parsed === 'string' ? `${parsed}\n` : ''}用法：${keygenUsage}\n`);
    return EXIT_UNREADABLE;
  }
  const passphrase = passphraseFromEnv(io, parsed);
  if (!passphrase.ok) return passphrase.code;
  const refused = await checkOutputPath(io, out, null);
  if (refused !== null) return refused;
  const { seed, publicKey } = generateKeyPair();
  const pem =
    passphrase.value === undefined
      ? privateKeyToPem(seed)
      : encryptedPemFromSeed(seed, passphrase.value);
  const failed = await writeOutput(io, out, new TextEncoder().encode(pem), {
    force: null,
    private: true,
  });
  if (failed !== null) return failed;
  const key = encodeBase64(publicKey);
  io.stdout(
    `已生成签名私钥 ${out}（PKCS#8 PEM，Ed25519${passphrase.value === undefined ? '' : '，已用口令加密'}；请妥善保管，不要外传）\n` +
      `密钥指纹：${keyFingerprint(publicKey)}\n` +
      `公钥（base64，交省厅系统登记）：${key}\n` +
      `KEYS.json 条目：{ "name": "…", "publicKey": "${key}" }\n`,
  );
  return EXIT_OK;
}
