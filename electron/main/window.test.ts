import { describe, expect, it } from 'vitest';
import { windowOptions } from './window';

describe('windowOptions', () => {
  const options = windowOptions('/app/dist-electron/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('isolates the renderer from Node and Electron', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('uses the given preload and makes no spellchecker downloads', () => {
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
    expect(prefs.spellcheck).toBe(false);
  });

  it('offers DevTools only when asked (development)', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until ready and has a usable minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('评审台');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });
});
