/** What safeStorage reports; the backend is only meaningful on Linux. */
export interface KeystoreStatus {
  platform: NodeJS.Platform;
  asyncEncryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux, null elsewhere. */
  linuxBackend: string | null;
}

export const NO_KEYSTORE_MESSAGE =
  '此电脑的操作系统没有可用的密钥库（Linux 上需要 GNOME 密钥环或 KWallet）。' +
  '请设置一个口令来保护设备密钥：每次启动评审台后，第一次签名前需要输入该口令；口令遗失后密钥无法找回。';

/**
 * Null when the OS can protect the device key, otherwise why not. On Linux without a secret
 * service, Chromium falls back to 'basic_text', which "encrypts" with a hard-coded password:
 * that is storing the key in the clear with extra steps, so it counts as no key store at all.
 * 'unknown' means Chromium has not chosen yet; refusing is safer than guessing.
 */
export function keystoreProblem(status: KeystoreStatus): string | null {
  if (!status.asyncEncryptionAvailable) return NO_KEYSTORE_MESSAGE;
  if (status.platform === 'linux') {
    const backend = status.linuxBackend;
    if (backend === null || backend === 'basic_text' || backend === 'unknown') {
      return NO_KEYSTORE_MESSAGE;
    }
  }
  return null;
}
