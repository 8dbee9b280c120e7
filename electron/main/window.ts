import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsConfig {
  /** DevTools are for development; a packaged build does not offer them to whoever sits down. */
  devTools: boolean;
}

export function windowOptions(
  preloadPath: string,
  config: WindowOptionsConfig = { devTools: false },
): BrowserWindowConstructorOptions {
  return {
    title: '评审台',
    width: 1280,
    height: 860,
    // Scoring sheets put criteria and points side by side; narrower than this they wrap badly.
    minWidth: 960,
    minHeight: 640,
    // Shown on ready-to-show, so the user never sees an empty white frame while React boots.
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The spellchecker downloads dictionaries from Google: a network request we do not make.
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: config.devTools,
    },
  };
}
