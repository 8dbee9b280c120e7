import type { Platform } from '@shared/platform/Platform';
import { createWebPlatform } from './webPlatform';

declare global {
  interface Window {
    /** Set by the Electron preload (electron/preload/index.ts); absent in a plain browser. */
    reviewDesk?: Platform;
  }
}

declare const __APP_VERSION__: string;

/** The desktop bridge when running in Electron, the browser implementation otherwise. */
export function detectPlatform(): Platform {
  return (
    window.reviewDesk ??
    createWebPlatform(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev')
  );
}
