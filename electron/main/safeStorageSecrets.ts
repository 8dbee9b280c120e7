import { safeStorage } from 'electron';
import type { SecretStore } from './keys';
import { keystoreProblem } from './keystorePolicy';

/** safeStorage behind the SecretStore seam. Only valid after app 'ready'. */
export const safeStorageSecrets: SecretStore = {
  async problem() {
    // Asking about availability first also initialises the async encryptor, after which the
    // Linux backend choice is settled and worth reading.
    const asyncEncryptionAvailable = await safeStorage.isAsyncEncryptionAvailable();
    return keystoreProblem({
      platform: process.platform,
      asyncEncryptionAvailable,
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    });
  },
  async encrypt(plainText) {
    return new Uint8Array(await safeStorage.encryptStringAsync(plainText));
  },
  async decrypt(cipherText) {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
      Buffer.from(cipherText),
    );
    return { plainText: result, shouldReEncrypt };
  },
};
