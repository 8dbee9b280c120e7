import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, privilegedSchemes } from './appOrigin';
import { appResponseHeaders } from './contentType';
import { resolveAppPath } from './appPath';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Must run before app 'ready': Chromium fixes scheme privileges at startup. */
export function registerPrivilegedScheme(): void {
  protocol.registerSchemesAsPrivileged(privilegedSchemes);
}

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Serves the built renderer; rootDir is dist/renderer inside the app (app.asar when packaged). */
export function registerAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refusal(405, 'Method Not Allowed');
    }
    const filePath = resolveAppPath(rootDir, request.url);
    if (filePath === null) return refusal(403, 'Forbidden');
    let body: Buffer;
    try {
      // Electron's fs reads transparently from app.asar, so this works packaged and unpacked.
      body = await readFile(filePath);
    } catch {
      return refusal(404, 'Not Found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: appResponseHeaders(filePath),
    });
  });
}
