import { describe, expect, it } from 'vitest';
import { appResponseHeaders, contentTypeFor } from './contentType';
import { CONTENT_SECURITY_POLICY } from './csp';

describe('contentTypeFor', () => {
  it.each([
    ['/r/index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index-1a2b.js', 'text/javascript; charset=utf-8'],
    ['/r/assets/chunk.mjs', 'text/javascript; charset=utf-8'],
    ['/r/assets/index.CSS', 'text/css; charset=utf-8'],
    ['/r/logo.svg', 'image/svg+xml'],
    ['/r/photo.JPG', 'image/jpeg'],
    ['/r/icon.png', 'image/png'],
    ['/r/font.woff2', 'font/woff2'],
    ['/r/module.wasm', 'application/wasm'],
    ['/r/data.json', 'application/json; charset=utf-8'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('serves unknown and extensionless files as opaque bytes', () => {
    expect(contentTypeFor('/r/archive.xyz')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/LICENSE')).toBe('application/octet-stream');
  });
});

describe('appResponseHeaders', () => {
  it('carries the CSP, nosniff and the content type', () => {
    const headers = appResponseHeaders('/r/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });
});
