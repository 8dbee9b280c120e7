import type { CustomScheme } from 'electron';

/**
 * The renderer is served from a custom scheme rather than file:// so that it has a real, single
 * origin: CSP 'self', fetch and the trusted-URL check all key on it, and no file on disk outside
 * the app folder is reachable by URL.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'review-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: parsed like http (host, path, relative URLs resolve); secure: counts as a secure
 * context so WebCrypto and IndexedDB behave as on https; supportFetchAPI: the renderer may fetch
 * its own assets. No bypassCSP, no corsEnabled: nothing else should read from this origin.
 */
export const privilegedSchemes: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true },
  },
];
