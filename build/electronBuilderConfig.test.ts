import { createRequire } from 'node:module';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('./electron-builder.config.cjs') as Configuration;

describe('electron-builder config', () => {
  it('identifies the app', () => {
    expect(config.appId).toBe('cn.gov.sc.review-desk');
    expect(config.productName).toBe('评审台');
    expect(config.directories?.output).toBe('release');
  });

  it('ships only the built app, inside an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']),
    );
    const files = (config.files ?? []) as string[];
    expect(files.some((pattern) => /^(src|electron|renderer|shared)\b/.test(pattern))).toBe(false);
  });

  it('flips the fuses that close the usual code-injection doors', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('builds the installers the panels use', () => {
    expect(config.win?.target).toEqual(['nsis', 'portable']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/\S+ <\S+@\S+>/);
    expect(config.mac?.target).toEqual(['dmg']);
  });
});
