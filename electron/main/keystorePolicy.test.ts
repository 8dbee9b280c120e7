import { describe, expect, it } from 'vitest';
import { keystoreProblem, NO_KEYSTORE_MESSAGE } from './keystorePolicy';

describe('keystoreProblem', () => {
  it('accepts the OS key store on Windows and macOS', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      expect(
        keystoreProblem({ platform, asyncEncryptionAvailable: true, linuxBackend: null }),
      ).toBeNull();
    }
  });

  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])(
    'accepts the Linux secret service %s',
    (backend) => {
      expect(
        keystoreProblem({
          platform: 'linux',
          asyncEncryptionAvailable: true,
          linuxBackend: backend,
        }),
      ).toBeNull();
    },
  );

  it.each(['basic_text', 'unknown'])('refuses the Linux fallback %s', (backend) => {
    expect(
      keystoreProblem({ platform: 'linux', asyncEncryptionAvailable: true, linuxBackend: backend }),
    ).toBe(NO_KEYSTORE_MESSAGE);
  });

  it('refuses when encryption is unavailable on any platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(
        keystoreProblem({
          platform,
          asyncEncryptionAvailable: false,
          linuxBackend: 'gnome_libsecret',
        }),
      ).toBe(NO_KEYSTORE_MESSAGE);
    }
  });

  it('tells the user why, and what comes next, in Chinese', () => {
    expect(NO_KEYSTORE_MESSAGE).toMatch(/密钥库/);
    expect(NO_KEYSTORE_MESSAGE).toMatch(/口令/);
  });
});
